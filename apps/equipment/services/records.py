"""Inspection and maintenance records: a statutory inspection moves the next due date, a failed
one may raise a hazard, and the record submits the task that asked for it."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.core.exceptions import ApplicationError
from apps.equipment import policies, rules
from apps.equipment.models import Equipment, EquipmentStatus, MaintenancePlan, Record, RecordKind, RecordResult
from apps.equipment.services._common import _attach_all, _save, _submit_open_task
from apps.org.policy import require


def _require_recordable(user, equipment: Equipment, plan: MaintenancePlan | None) -> None:
    require(policies.may_record(user, equipment))
    if equipment.status == EquipmentStatus.SCRAPPED:
        raise ApplicationError(_("Scrapped equipment is no longer inspected."))
    if plan is not None and plan.equipment_id != equipment.pk:
        raise ApplicationError(_("The plan belongs to another piece of equipment."))


def _move_statutory_due(equipment: Equipment, performed_on: dt.date, user) -> None:
    """The latest statutory inspection starts the item's interval again."""
    if equipment.last_inspected_on is None or performed_on >= equipment.last_inspected_on:
        equipment.last_inspected_on = performed_on
        equipment.next_inspection_due = rules.next_due(performed_on, equipment.inspection_interval_months)
        _save(equipment, user=user)


def _raise_hazard(record: Record, equipment: Equipment, user) -> None:
    """A failed inspection reported as a hazard in the hazards app; the record keeps its code."""
    from apps.hazards import services as hazards

    hazard = hazards.hazard_report(
        user=user,
        description=_("%(equipment)s failed the %(kind)s: %(findings)s")
        % {"equipment": equipment, "kind": record.get_kind_display(), "findings": record.findings},
        location=equipment.location or equipment.name,
        department=equipment.department,
        category="condition",
        source="inspection",
        found_on=record.performed_on,
        photos=[],
    )
    record.hazard_code = hazard.code
    Record.objects.filter(pk=record.pk).update(hazard_code=hazard.code)


@transaction.atomic
def record_create(
    *,
    user,
    equipment: Equipment,
    kind: str,
    result: str,
    performed_on: dt.date | None = None,
    findings: str = "",
    work_plan: str = "",
    hazard_controls: str = "",
    plan: MaintenancePlan | None = None,
    raise_hazard: bool = False,
    files=(),
) -> Record:
    """Record an inspection or maintenance. A statutory inspection moves the next due date; a
    failed one may raise a hazard in the hazards app; a plan's open task is submitted."""
    _require_recordable(user, equipment, plan)
    performed_on = performed_on or timezone.localdate()
    if performed_on > timezone.localdate():
        raise ApplicationError(_("A record cannot be dated in the future."))
    record = Record(
        equipment=equipment,
        plan=plan,
        kind=kind,
        result=result,
        performed_on=performed_on,
        performed_by=user,
        findings=findings.strip(),
        work_plan=work_plan.strip(),
        hazard_controls=hazard_controls.strip(),
    )
    if raise_hazard and result != RecordResult.FAIL:
        raise ApplicationError(_("Only a failed inspection raises a hazard."))
    if raise_hazard and not record.findings:
        raise ApplicationError(_("Describe what failed so that the hazard can be acted on."))
    _save(record, user=user)
    _attach_all(record, files, user)
    if kind == RecordKind.STATUTORY:
        _move_statutory_due(equipment, performed_on, user)
    if raise_hazard:
        _raise_hazard(record, equipment, user)
    if plan is not None:
        _submit_open_task(plan, user, performed_on)
    elif kind == RecordKind.STATUTORY:
        _submit_open_task(equipment, user, performed_on)
    return record
