"""The equipment ledger: items with their statutory inspection dates, and the safety devices
with their calibration cycles."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.core.exceptions import ApplicationError
from apps.equipment import policies, rules
from apps.equipment.models import Equipment, EquipmentStatus, SafetyDevice
from apps.equipment.services._common import _save, _submit_open_task
from apps.org.policy import require

EQUIPMENT_FIELDS = (
    "code",
    "name",
    "category",
    "special_type",
    "model_number",
    "maker",
    "serial_number",
    "location",
    "department",
    "owner",
    "commissioned_on",
    "registration_number",
    "status",
    "inspection_interval_months",
    "last_inspected_on",
    "next_inspection_due",
)
DEVICE_FIELDS = (
    "code",
    "name",
    "kind",
    "equipment",
    "department",
    "location",
    "cycle_months",
    "last_checked_on",
    "next_due",
    "is_active",
)


def apply_equipment_data(equipment: Equipment, data: dict) -> Equipment:
    """Set fields from data; fill the statutory interval from the type and the next due date
    from the last inspection when they are not given. Used by the form and the import."""
    for field in EQUIPMENT_FIELDS:
        if field in data:
            setattr(equipment, field, data[field])
    if equipment.special_type is not None and not equipment.inspection_interval_months:
        equipment.inspection_interval_months = equipment.special_type.interval_months
    if not data.get("next_inspection_due"):
        computed = rules.next_due(equipment.last_inspected_on, equipment.inspection_interval_months)
        # A partial update (an API PATCH) without the dates keeps a due date entered by hand.
        if computed is not None or "next_inspection_due" in data:
            equipment.next_inspection_due = computed
    return equipment


def refuse_if_scrapped(equipment: Equipment | None) -> None:
    """A scrapped item is a record of what was: nothing changes it afterwards."""
    if (
        equipment is not None
        and equipment.pk
        and Equipment.objects.filter(pk=equipment.pk, status=EquipmentStatus.SCRAPPED).exists()
    ):
        raise ApplicationError(_("This equipment is scrapped and is kept as it was."))


@transaction.atomic
def equipment_save(*, equipment: Equipment | None = None, data: dict, user) -> Equipment:
    refuse_if_scrapped(equipment)
    if equipment is not None:
        require(policies.can_act_for_department(user, equipment.department_id))
    equipment = apply_equipment_data(equipment or Equipment(), data)
    require(policies.can_act_for_department(user, equipment.department_id))
    if equipment.status == EquipmentStatus.SCRAPPED and (
        equipment.pk is None
        or Equipment.objects.filter(pk=equipment.pk).exclude(status=EquipmentStatus.SCRAPPED).exists()
    ):
        raise ApplicationError(_("Equipment is scrapped only through an approved scrapping request."))
    _save(equipment, user=user)
    return equipment


@transaction.atomic
def device_save(*, device: SafetyDevice | None = None, data: dict, user) -> SafetyDevice:
    if device is not None:
        require(policies.can_act_for_department(user, device.department_id))
    device = device or SafetyDevice()
    for field in DEVICE_FIELDS:
        if field in data:
            setattr(device, field, data[field])
    if not data.get("next_due"):
        computed = rules.next_due(device.last_checked_on, device.cycle_months)
        if computed is not None or "next_due" in data:
            device.next_due = computed
    require(policies.can_act_for_department(user, device.department_id))
    if device.equipment_id is not None:
        # A device is fitted to equipment of a unit its editor heads, never to another's.
        require(policies.can_act_for_department(user, device.equipment.department_id))
        if device.equipment.status == EquipmentStatus.SCRAPPED:
            raise ApplicationError(_("This equipment is scrapped and is kept as it was."))
    _save(device, user=user)
    return device


@transaction.atomic
def device_check(*, device: SafetyDevice, user, checked_on: dt.date) -> SafetyDevice:
    """A calibration or test was done: the cycle starts again and its task is submitted."""
    require(policies.can_act_for_department(user, device.department_id))
    if checked_on > timezone.localdate():
        raise ApplicationError(_("A calibration cannot be recorded in the future."))
    device.last_checked_on = checked_on
    device.next_due = rules.next_due(checked_on, device.cycle_months)
    _save(device, user=user)
    _submit_open_task(device, user, checked_on)
    return device
