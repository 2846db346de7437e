from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.core.exceptions import ApplicationError
from apps.core.services import attachment_add
from apps.equipment import rules
from apps.equipment.models import (
    Equipment,
    EquipmentStatus,
    MaintenancePlan,
    Project,
    Record,
    RecordKind,
    RecordResult,
    SafetyDevice,
)
from apps.org.access import access_for
from apps.org.models import Role
from apps.org.selectors import users_with_role
from apps.workflow import services as workflow
from apps.workflow.models import WORKING_STATUSES, SignOffDecision, Task, TaskStatus

WORKING = (TaskStatus.OPEN, TaskStatus.REOPENED, TaskStatus.REJECTED)
SCRAP_DECISION_DAYS = 14


def may_record(user, equipment: Equipment) -> bool:
    """Heads of the department, safety managers and the person responsible for the item (who
    scans its label on a phone) record its inspections."""
    return equipment.owner_id == user.pk or access_for(user).heads(equipment.department_id)


def _require_head(user, department_id: int | None) -> None:
    if not access_for(user).heads(department_id):
        raise PermissionDenied(
            _("Only a safety manager or the department's head may change its equipment.")
        )


def _save(obj, *, user) -> None:
    obj.full_clean()
    if user is not None:
        obj._history_user = user
    obj.save()


def _attach_all(owner, files, user) -> None:
    for upload in files:
        attachment_add(owner=owner, upload=upload, user=user)


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
        _require_head(user, equipment.department_id)
    equipment = apply_equipment_data(equipment or Equipment(), data)
    _require_head(user, equipment.department_id)
    if equipment.status == EquipmentStatus.SCRAPPED and (
        equipment.pk is None
        or Equipment.objects.filter(pk=equipment.pk)
        .exclude(status=EquipmentStatus.SCRAPPED)
        .exists()
    ):
        raise ApplicationError(
            _("Equipment is scrapped only through an approved scrapping request.")
        )
    _save(equipment, user=user)
    return equipment


@transaction.atomic
def device_save(*, device: SafetyDevice | None = None, data: dict, user) -> SafetyDevice:
    if device is not None:
        _require_head(user, device.department_id)
    device = device or SafetyDevice()
    for field in (
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
    ):
        if field in data:
            setattr(device, field, data[field])
    if not data.get("next_due"):
        computed = rules.next_due(device.last_checked_on, device.cycle_months)
        if computed is not None or "next_due" in data:
            device.next_due = computed
    _require_head(user, device.department_id)
    if device.equipment_id is not None:
        # A device is fitted to equipment of a unit its editor heads, never to another's.
        _require_head(user, device.equipment.department_id)
        if device.equipment.status == EquipmentStatus.SCRAPPED:
            raise ApplicationError(_("This equipment is scrapped and is kept as it was."))
    _save(device, user=user)
    return device


@transaction.atomic
def device_check(*, device: SafetyDevice, user, checked_on: dt.date) -> SafetyDevice:
    """A calibration or test was done: the cycle starts again and its task is submitted."""
    _require_head(user, device.department_id)
    if checked_on > timezone.localdate():
        raise ApplicationError(_("A calibration cannot be recorded in the future."))
    device.last_checked_on = checked_on
    device.next_due = rules.next_due(checked_on, device.cycle_months)
    _save(device, user=user)
    _submit_open_task(device, user, checked_on)
    return device


@transaction.atomic
def maintenance_plan_save(
    *, plan: MaintenancePlan | None = None, data: dict, user
) -> MaintenancePlan:
    plan = plan or MaintenancePlan()
    if plan.pk:
        _require_head(user, plan.equipment.department_id)
    for field in ("equipment", "kind", "title", "recurrence", "next_due", "is_active"):
        if field in data:
            setattr(plan, field, data[field])
    if data.get("next_due"):
        plan.anchor_day = data["next_due"].day
    _require_head(user, plan.equipment.department_id)
    refuse_if_scrapped(plan.equipment)
    _save(plan, user=user)
    return plan


@transaction.atomic
def project_save(*, project: Project | None = None, data: dict, user, files=()) -> Project:
    project = project or Project()
    if project.pk:
        _require_head(user, project.department_id)
    for field in (
        "name",
        "kind",
        "department",
        "safety_facilities",
        "designed_on",
        "built_on",
        "commissioned_on",
        "accepted_on",
        "notes",
    ):
        if field in data:
            setattr(project, field, data[field])
    _require_head(user, project.department_id)
    _save(project, user=user)
    _attach_all(project, files, user)
    return project


def _submit_open_task(source, user, day: dt.date) -> None:
    task = (
        Task.objects.filter(
            source_type__app_label="equipment",
            source_type__model=source._meta.model_name,
            source_id=source.pk,
            status__in=WORKING,
        )
        .exclude(sign_off_role=Role.LEADERSHIP)  # a scrapping request is no inspection
        .order_by("due_date")
        .first()
    )
    if task is not None and workflow.can_work_on(task, user):
        workflow.task_submit(
            task=task,
            user=user,
            via_source=True,
            note=_("Recorded on %(date)s.") % {"date": day.isoformat()},
        )


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
    if not may_record(user, equipment):
        raise PermissionDenied(
            _("Only the person responsible, the department's head or a safety manager records it.")
        )
    if equipment.status == EquipmentStatus.SCRAPPED:
        raise ApplicationError(_("Scrapped equipment is no longer inspected."))
    if plan is not None and plan.equipment_id != equipment.pk:
        raise ApplicationError(_("The plan belongs to another piece of equipment."))
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
    if kind == RecordKind.STATUTORY and (
        equipment.last_inspected_on is None or performed_on >= equipment.last_inspected_on
    ):
        equipment.last_inspected_on = performed_on
        equipment.next_inspection_due = rules.next_due(
            performed_on, equipment.inspection_interval_months
        )
        _save(equipment, user=user)
    if raise_hazard:
        from apps.hazards import services as hazards

        hazard = hazards.hazard_report(
            user=user,
            description=_("%(equipment)s failed the %(kind)s: %(findings)s")
            % {
                "equipment": equipment,
                "kind": record.get_kind_display(),
                "findings": record.findings,
            },
            location=equipment.location or equipment.name,
            department=equipment.department,
            category="condition",
            source="inspection",
            found_on=performed_on,
            photos=[],
        )
        record.hazard_code = hazard.code
        Record.objects.filter(pk=record.pk).update(hazard_code=hazard.code)
    if plan is not None:
        _submit_open_task(plan, user, performed_on)
    elif kind == RecordKind.STATUTORY:
        _submit_open_task(equipment, user, performed_on)
    return record


# ------------------------------------------------------------------------------
# Scrapping: a head asks, leadership decides by sign-off
# ------------------------------------------------------------------------------
@transaction.atomic
def equipment_scrap_request(*, equipment: Equipment, user, reason: str) -> Task:
    equipment = Equipment.objects.select_for_update().get(pk=equipment.pk)
    _require_head(user, equipment.department_id)
    if equipment.status == EquipmentStatus.SCRAPPED:
        raise ApplicationError(_("This equipment is already scrapped."))
    if equipment.scrap_task_id and equipment.scrap_task.status == TaskStatus.SUBMITTED:
        raise ApplicationError(_("A scrapping request is already waiting for a decision."))
    if not reason.strip():
        raise ApplicationError(_("Give the reason for scrapping."))
    task = workflow.task_create(
        title=_("Approve scrapping %(equipment)s") % {"equipment": equipment},
        description=reason.strip(),
        department=equipment.department,
        due_date=timezone.localdate() + dt.timedelta(days=SCRAP_DECISION_DAYS),
        user=user,
        source=equipment,
        sign_off_role=Role.LEADERSHIP,
    )
    task = workflow.task_submit(task=task, user=user, via_source=True, note=reason.strip())
    equipment.scrap_task = task
    equipment.scrap_reason = reason.strip()
    _save(equipment, user=user)
    return task


def on_task_decided(*, task, signoff) -> None:
    """Leadership's decision on a scrapping request; inspection tasks change nothing here."""
    equipment = Equipment.objects.select_for_update().get(pk=task.source_id)
    if equipment.scrap_task_id != task.pk:
        return
    if signoff.decision == SignOffDecision.APPROVE:
        equipment.status = EquipmentStatus.SCRAPPED
        equipment._change_reason = _("Scrapping approved")
        _save(equipment, user=signoff.signer)
        plans = list(MaintenancePlan.objects.filter(equipment=equipment))
        devices = list(SafetyDevice.objects.filter(equipment=equipment))
        MaintenancePlan.objects.filter(equipment=equipment).update(is_active=False)
        SafetyDevice.objects.filter(equipment=equipment).update(is_active=False)
        # The work that was waiting on the item stops with it.
        for source in (equipment, *plans, *devices):
            _cancel_open_tasks(source, user=signoff.signer, reason=_("Equipment scrapped"))


def _cancel_open_tasks(source, *, user, reason: str, exclude=None) -> None:
    from django.contrib.contenttypes.models import ContentType

    open_tasks = Task.objects.filter(
        source_type=ContentType.objects.get_for_model(source),
        source_id=source.pk,
        status__in=(*WORKING_STATUSES, TaskStatus.SUBMITTED),
    )
    if exclude is not None:
        open_tasks = open_tasks.exclude(pk=exclude.pk)
    for task in open_tasks:
        workflow.task_cancel(task=task, user=user, reason=reason, via_source=True)


def on_inspection_task_decided(*, task, signoff) -> None:
    """Nothing to change: the task records that the work was done."""


# ------------------------------------------------------------------------------
# The daily job
# ------------------------------------------------------------------------------
@transaction.atomic
def due_tasks_raise(*, today: dt.date | None = None, user=None) -> int:
    """Raise each due task exactly once: plans move to their next date, statutory inspections
    and calibrations remember the due date they were raised for."""
    today = today or timezone.localdate()
    creator = user or users_with_role(Role.SAFETY_MANAGER).first()
    if creator is None:
        return 0
    created = 0
    plans = (
        MaintenancePlan.objects.select_for_update()
        .filter(is_active=True, next_due__lte=today)
        .exclude(equipment__status=EquipmentStatus.SCRAPPED)
        .select_related("equipment__department")
    )
    for plan in plans:
        workflow.task_create(
            title=_("%(kind)s: %(equipment)s")
            % {"kind": plan.get_kind_display(), "equipment": plan.equipment},
            description=plan.title,
            department=plan.equipment.department,
            due_date=plan.next_due,
            user=creator,
            source=plan,
        )
        created += 1
        anchor = plan.anchor_day or plan.next_due.day
        following = rules.next_occurrence(plan.next_due, plan.recurrence, anchor_day=anchor)
        # A plan that fell behind moves to its next date after today, not through every missed one.
        while following <= today:
            following = rules.next_occurrence(following, plan.recurrence, anchor_day=anchor)
        plan.anchor_day = anchor
        plan.next_due = following
        plan.save(update_fields=["next_due", "anchor_day", "updated_at"])
    horizon = today + dt.timedelta(days=rules.REQUEST_LEAD_DAYS)
    equipment_due = (
        Equipment.objects.select_for_update()
        .filter(next_inspection_due__lte=horizon)
        .exclude(status=EquipmentStatus.SCRAPPED)
        .select_related("department")
    )
    for equipment in equipment_due:
        if equipment.task_raised_for == equipment.next_inspection_due:
            continue
        # A due date moved by hand supersedes the task raised for the old one.
        _cancel_open_tasks(equipment, user=creator, reason=_("Due date changed"))
        workflow.task_create(
            title=_("Statutory inspection due: %(equipment)s") % {"equipment": equipment},
            description=_("Ask the inspection body at least one month before the due date."),
            department=equipment.department,
            due_date=equipment.next_inspection_due,
            user=creator,
            source=equipment,
        )
        Equipment.objects.filter(pk=equipment.pk).update(
            task_raised_for=equipment.next_inspection_due
        )
        created += 1
    devices = (
        SafetyDevice.objects.select_for_update(of=("self",))
        .filter(is_active=True, next_due__lte=horizon)
        .exclude(equipment__status=EquipmentStatus.SCRAPPED)
        .select_related("department")
    )
    for device in devices:
        if device.task_raised_for == device.next_due:
            continue
        _cancel_open_tasks(device, user=creator, reason=_("Due date changed"))
        workflow.task_create(
            title=_("Calibration or test due: %(device)s") % {"device": device},
            department=device.department,
            due_date=device.next_due,
            user=creator,
            source=device,
        )
        SafetyDevice.objects.filter(pk=device.pk).update(task_raised_for=device.next_due)
        created += 1
    return created
