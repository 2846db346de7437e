"""Who may read and change the equipment ledger, its records, safety devices, maintenance
plans and 三同时 projects: a department's head or a safety manager changes its items; the
person responsible for an item records its inspections too."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from apps.equipment.models import EquipmentStatus
from apps.org.policy import ALLOWED, NOT_APPLICABLE, Decision, heads, heads_record, is_signed_in, only_while, reads_org

EQUIPMENT_MESSAGE = _("Only a safety manager or the department's head may change its equipment.")
RECORD_MESSAGE = _("Only the person responsible, the department's head or a safety manager records it.")

# The ledger is read by everyone signed in (the selector shows their department's items and
# those they are responsible for); the registers of devices, plans and projects, the labels
# and the export by safety managers, leadership and department heads.
can_read_ledger = is_signed_in
can_read_registers = can_export_ledger = can_print_labels = reads_org


def can_act_for_department(user, department_id: int | None) -> Decision:
    """Head rights over this department (or a safety manager)."""
    return heads(user, department_id, reason=EQUIPMENT_MESSAGE)


def can_change_equipment(user, obj=None) -> Decision:
    """An item, a safety device or a project of a department: its head or a safety manager;
    without one (the create buttons, the import), any department head or a safety manager."""
    return heads_record(user, obj, reason=EQUIPMENT_MESSAGE)


can_edit_equipment = can_edit_device = can_check_device = can_edit_project = can_change_equipment
can_import_equipment = can_change_equipment


def can_edit_maintenance_plan(user, plan=None) -> Decision:
    """A plan belongs to its item's department."""
    if plan is None:
        return can_change_equipment(user)
    return can_act_for_department(user, plan.equipment.department_id)


def may_record(user, equipment) -> Decision:
    """Heads of the department, safety managers and the person responsible for the item (who
    scans its label on a phone) record its inspections."""
    if equipment.owner_id is not None and equipment.owner_id == getattr(user, "pk", None):
        return ALLOWED
    return heads(user, equipment.department_id, reason=RECORD_MESSAGE)


def can_record_inspection(user, equipment=None) -> Decision:
    """For the API and the page: a scrapped item is no longer inspected."""
    if equipment is None:
        return is_signed_in(user)
    if equipment.status == EquipmentStatus.SCRAPPED:
        return NOT_APPLICABLE
    return may_record(user, equipment)


@only_while(lambda equipment: equipment.status != EquipmentStatus.SCRAPPED)
def can_scrap_equipment(user, equipment=None) -> Decision:
    return can_change_equipment(user, equipment)


def equipment_actions(user, equipment) -> dict[str, Decision]:
    """What the item's page offers."""
    return {
        "edit": can_edit_equipment(user, equipment),
        "record": can_record_inspection(user, equipment),
        "scrap": can_scrap_equipment(user, equipment),
    }
