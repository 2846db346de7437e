from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.core.exceptions import ApplicationError
from apps.core.selectors import attachment_list
from apps.core.services import attachment_add
from apps.core.validators import IMAGE_EXTENSIONS
from apps.hazards import risk, rules
from apps.hazards.models import (
    Checklist,
    ChecklistItem,
    CheckResult,
    Hazard,
    HazardGrade,
    HazardSource,
    HazardStatus,
    Inspection,
    InspectionPlan,
    InspectionResult,
    RectificationMeasureKind,
    StatisticsReminder,
)
from apps.org.access import access_for
from apps.org.models import Department, Role
from apps.org.selectors import users_with_role
from apps.workflow import services as workflow
from apps.workflow.models import SignOffDecision, TaskPriority, TaskStatus

# Major hazards are supervised (挂牌督办): reminded every day and escalated on the first day late.
MAJOR_REMIND_EVERY_DAYS = 1
MAJOR_ESCALATE_AFTER_DAYS = 1


def _require_manager(user) -> None:
    if not access_for(user).manages_everything:
        raise PermissionDenied(_("Only a safety manager may do this."))


def _save(hazard: Hazard, *, user, reason: str = "") -> None:
    hazard.full_clean()
    if user is not None:
        hazard._history_user = user
    if reason:
        hazard._change_reason = reason
    hazard.save()


def _require_images(files) -> None:
    """Hazard photos are pictures: anything else is refused, naming the file."""
    for upload in files:
        extension = (upload.name or "").rsplit(".", 1)[-1].lower()
        if extension not in IMAGE_EXTENSIONS:
            raise ValidationError(
                {
                    "photos": _("“%(name)s” is not a photo: use a JPG, PNG, WEBP or GIF picture.")
                    % {"name": upload.name}
                }
            )


def _attach_all(owner, files, user) -> None:
    """Attach photos; a bad file raises ValidationError naming it (and the caller's atomic
    block keeps nothing of the half-done action)."""
    _require_images(files)
    for upload in files:
        try:
            attachment_add(owner=owner, upload=upload, user=user)
        except ValidationError as exc:
            raise ValidationError({"photos": exc.messages}) from None


def _set_risk(hazard: Hazard, l_value, e_value, c_value) -> None:
    if l_value in (None, "") and e_value in (None, "") and c_value in (None, ""):
        return
    try:
        result = risk.assess(l_value, e_value, c_value)
    except (ValueError, ArithmeticError):
        raise ValidationError({"risk_l": _("Choose L, E and C from the LEC scales.")}) from None
    hazard.risk_l, hazard.risk_e, hazard.risk_c = (
        Decimal(str(v)) for v in (l_value, e_value, c_value)
    )
    hazard.risk_d = result.d
    hazard.risk_band = result.band


# ------------------------------------------------------------------------------
# Report, triage, rectification, sign-off, verification
# ------------------------------------------------------------------------------
@transaction.atomic
def hazard_report(
    *,
    user,
    description: str,
    location: str,
    department: Department,
    category: str,
    photos=(),
    grade: str = HazardGrade.GENERAL,
    found_on: dt.date | None = None,
    source: str = HazardSource.REPORT,
    inspection: Inspection | None = None,
    risk_l=None,
    risk_e=None,
    risk_c=None,
) -> Hazard:
    """Anyone reports a hazard, with photos from the phone."""
    hazard = Hazard(
        code=f"tmp-{timezone.now().timestamp()}",
        description=description.strip(),
        location=location.strip(),
        department=department,
        category=category,
        grade=grade,
        source=source,
        inspection=inspection,
        found_on=found_on or timezone.localdate(),
        reporter=user,
    )
    _set_risk(hazard, risk_l, risk_e, risk_c)
    if hazard.found_on > timezone.localdate():
        raise ValidationError({"found_on": _("A hazard cannot be found in the future.")})
    _save(hazard, user=user)
    hazard.code = f"YH{hazard.found_on.year}-{hazard.pk:06d}"
    Hazard.objects.filter(pk=hazard.pk).update(code=hazard.code)
    _attach_all(hazard, photos, user)
    workflow.notify(
        users=users_with_role(Role.SAFETY_MANAGER),
        message=_("New hazard %(code)s at %(place)s: %(text)s")
        % {"code": hazard.code, "place": hazard.location, "text": hazard.description[:60]},
        url=f"/hazards/{hazard.pk}/",
    )
    return hazard


PLAN_FIELDS = (
    "plan_goals",
    "plan_methods",
    "plan_resources",
    "plan_organisation",
    "plan_requirements",
)
MAJOR_PLAN_FIELDS = ("plan_safety_measures", "plan_emergency")


@transaction.atomic
def hazard_assign(
    *,
    hazard: Hazard,
    user,
    department: Department,
    deadline: dt.date,
    grade: str,
    plan: dict,
    risk_l=None,
    risk_e=None,
    risk_c=None,
    assignee=None,
) -> Hazard:
    """Triage: a department, a deadline and the rectification plan; the department gets a task
    (for one person of it when an assignee is given)."""
    _require_manager(user)
    hazard = Hazard.objects.select_for_update().get(pk=hazard.pk)
    if hazard.status != HazardStatus.REPORTED:
        raise ApplicationError(_("Only a newly reported hazard is assigned."))
    hazard.department = department
    hazard.deadline = deadline
    hazard.grade = grade
    for field in (*PLAN_FIELDS, *MAJOR_PLAN_FIELDS):
        setattr(hazard, field, (plan.get(field) or "").strip())
    required = PLAN_FIELDS + (MAJOR_PLAN_FIELDS if grade == HazardGrade.MAJOR else ())
    missing = {
        f: _("The rectification plan needs this part.") for f in required if not getattr(hazard, f)
    }
    if deadline < hazard.found_on:
        missing["deadline"] = _("The deadline cannot be before the hazard was found.")
    if missing:
        raise ValidationError(missing)
    _set_risk(hazard, risk_l, risk_e, risk_c)
    major = grade == HazardGrade.MAJOR
    hazard.task = workflow.task_create(
        title=_("Rectify hazard %(code)s: %(text)s")
        % {"code": hazard.code, "text": hazard.description[:60]},
        description=_("Place: %(place)s\nGoals: %(goals)s\nMeasures: %(methods)s")
        % {"place": hazard.location, "goals": hazard.plan_goals, "methods": hazard.plan_methods},
        department=department,
        due_date=deadline,
        user=user,
        assignee=assignee,
        source=hazard,
        priority=TaskPriority.URGENT if major else TaskPriority.HIGH,
        requires_evidence=True,
        remind_every_days=MAJOR_REMIND_EVERY_DAYS if major else None,
        escalate_after_days=MAJOR_ESCALATE_AFTER_DAYS if major else None,
    )
    hazard.assigned_by = user
    hazard.status = HazardStatus.RECTIFYING
    _save(hazard, user=user)
    return hazard


@transaction.atomic
def hazard_rectify(
    *,
    hazard: Hazard,
    user,
    measure_kinds: list[str],
    measures: str,
    cost: Decimal,
    rectified_on: dt.date,
    photos=(),
) -> Hazard:
    """The department records what it did, with after-photos, and submits for sign-off."""
    hazard = Hazard.objects.select_for_update(of=("self",)).select_related("task").get(pk=hazard.pk)
    if hazard.status != HazardStatus.RECTIFYING or hazard.task is None:
        raise ApplicationError(_("This hazard is not being rectified now."))
    if not workflow.can_work_on(hazard.task, user):
        raise PermissionDenied(_("Only the responsible department records the rectification."))
    errors = {}
    unknown = set(measure_kinds) - set(RectificationMeasureKind.values)
    if not measure_kinds or unknown:
        errors["measure_kinds"] = _("Choose the kinds of measure taken.")
    if not measures.strip():
        errors["measures"] = _("Describe the measures taken.")
    if cost is None or cost < 0:
        errors["cost"] = _("The cost cannot be negative.")
    if rectified_on > timezone.localdate():
        errors["rectified_on"] = _("The rectification date cannot be in the future.")
    elif rectified_on < hazard.found_on:
        errors["rectified_on"] = _("The rectification date cannot be before the hazard was found.")
    try:
        _require_images(photos)
    except ValidationError as exc:
        errors.update(exc.message_dict)
    if errors:
        raise ValidationError(errors)
    hazard.measure_kinds = list(measure_kinds)
    hazard.measures = measures.strip()
    hazard.cost = cost
    hazard.rectified_on = rectified_on
    try:
        workflow.task_submit(
            task=hazard.task, user=user, note=hazard.measures, files=photos, via_source=True
        )
    except ApplicationError as exc:
        raise ValidationError({"photos": exc.message}) from None
    hazard.status = HazardStatus.SUBMITTED
    _save(hazard, user=user)
    return hazard


def on_rectification_decided(*, task, signoff) -> None:
    """The department head's decision on the rectification task (workflow hook)."""
    hazard = Hazard.objects.select_for_update().get(pk=task.source_id)
    if hazard.status != HazardStatus.SUBMITTED:
        raise ApplicationError(_("This hazard has no rectification waiting for sign-off."))
    approved = signoff.decision == SignOffDecision.APPROVE
    hazard.status = HazardStatus.SIGNED_OFF if approved else HazardStatus.RECTIFYING
    _save(hazard, user=signoff.signer, reason=signoff.comment)


def after_photos(hazard: Hazard):
    return (
        attachment_list(owner=hazard.task)
        if hazard.task_id
        else attachment_list(owner=hazard).none()
    )


@transaction.atomic
def hazard_verify(*, hazard: Hazard, user, close: bool, reason: str = "") -> Hazard:
    """The safety manager closes a signed-off rectification, or sends it back with a reason."""
    _require_manager(user)
    hazard = Hazard.objects.select_for_update(of=("self",)).select_related("task").get(pk=hazard.pk)
    if hazard.status == HazardStatus.CLOSED:
        raise ApplicationError(_("This hazard is already closed."))
    if close:
        missing = []
        if not hazard.measures or hazard.rectified_on is None:
            missing.append(_("the rectification record"))
        if (
            hazard.status != HazardStatus.SIGNED_OFF
            or hazard.task is None
            or hazard.task.status != TaskStatus.SIGNED_OFF
        ):
            missing.append(_("the department head's sign-off"))
        if not after_photos(hazard).exists():
            missing.append(_("after-rectification photos"))
        if missing:
            raise ApplicationError(
                _("The hazard cannot be closed yet: missing %(missing)s.")
                % {"missing": "、".join(missing)}
            )
        hazard.status = HazardStatus.CLOSED
        hazard.verified_by = user
        hazard.verified_at = timezone.now()
        _save(hazard, user=user, reason=reason)
        return hazard
    if hazard.status != HazardStatus.SIGNED_OFF:
        raise ApplicationError(_("Only a signed-off rectification is verified."))
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the rectification is not accepted.")})
    workflow.task_reopen(task=hazard.task, user=user, reason=reason, via_source=True)
    hazard.status = HazardStatus.RECTIFYING
    _save(hazard, user=user, reason=reason)
    return hazard


# ------------------------------------------------------------------------------
# Inspections
# ------------------------------------------------------------------------------
@transaction.atomic
def checklist_create(*, name: str, kind: str, items_text: str, user) -> Checklist:
    """Items come one per line as 区域｜检查内容｜依据 (the last part optional)."""
    _require_manager(user)
    checklist = Checklist(name=name, kind=kind)
    checklist.full_clean()
    rows = []
    for number, line in enumerate(items_text.splitlines(), start=1):
        if not line.strip():
            continue
        parts = [p.strip() for p in line.replace("|", "｜").split("｜")]
        if len(parts) < 2 or not parts[0] or not parts[1]:
            raise ValidationError(
                {"items_text": _("Line %(line)d: write 区域｜检查内容｜依据.") % {"line": number}}
            )
        rows.append(
            ChecklistItem(
                area=parts[0],
                content=parts[1],
                basis=(parts[2] if len(parts) > 2 else ""),
                order=number,
            )
        )
    if not rows:
        raise ValidationError({"items_text": _("A checklist needs at least one check item.")})
    checklist.save()
    for row in rows:
        row.checklist = checklist
    ChecklistItem.objects.bulk_create(rows)
    return checklist


@transaction.atomic
def inspection_plan_save(*, plan: InspectionPlan | None = None, data: dict, user) -> InspectionPlan:
    _require_manager(user)
    plan = plan or InspectionPlan()
    for field in ("name", "kind", "department", "checklist", "recurrence", "next_due", "is_active"):
        if field in data:
            setattr(plan, field, data[field])
    plan.full_clean()
    plan._history_user = user
    plan.save()
    return plan


@transaction.atomic
def inspection_record(
    *,
    user,
    kind: str,
    department: Department,
    location: str,
    inspected_on: dt.date,
    results: dict[int, tuple[str, str]],
    plan: InspectionPlan | None = None,
    checklist: Checklist | None = None,
    notes: str = "",
    photos=(),
) -> Inspection:
    """Record an inspection with a result per check item. A plan's open task is submitted."""
    access = access_for(user)
    if not (access.manages_everything or access.heads(department.pk)):
        raise PermissionDenied(
            _("Only a safety manager or the department's head records inspections.")
        )
    inspection = Inspection(
        plan=plan,
        kind=kind,
        department=department,
        location=location,
        inspected_on=inspected_on,
        inspector=user,
        checklist=checklist,
        notes=notes,
    )
    inspection.full_clean()
    inspection._history_user = user
    inspection.save()
    if checklist is not None:
        items = {i.pk: i for i in checklist.items.all()}
        unknown = set(results) - set(items)
        if unknown:
            raise ValidationError({"results": _("A result belongs to another checklist.")})
        InspectionResult.objects.bulk_create(
            [
                InspectionResult(
                    inspection=inspection, item=items[item_id], result=result, note=note[:300]
                )
                for item_id, (result, note) in results.items()
                if result in CheckResult.values
            ]
        )
    _attach_all(inspection, photos, user)
    if plan is not None:
        open_task = (
            workflow.Task.objects.filter(
                source_type__model="inspectionplan",
                source_id=plan.pk,
                status__in=(TaskStatus.OPEN, TaskStatus.REOPENED, TaskStatus.REJECTED),
            )
            .order_by("due_date")
            .first()
        )
        if open_task is not None and workflow.can_work_on(open_task, user):
            workflow.task_submit(
                task=open_task,
                user=user,
                via_source=True,
                note=_("Inspection recorded on %(date)s.") % {"date": inspected_on.isoformat()},
            )
    return inspection


@transaction.atomic
def hazard_from_check(*, result: InspectionResult, user, category: str) -> Hazard:
    """A failed check item becomes a hazard in one step."""
    if result.result != CheckResult.FAIL:
        raise ApplicationError(_("Only a failed check item raises a hazard."))
    if Hazard.objects.filter(check_result=result).exists():
        raise ApplicationError(_("A hazard was already raised for this check item."))
    inspection = result.inspection
    hazard = hazard_report(
        user=user,
        description=f"{result.item.area}：{result.item.content}"
        + (f"（{result.note}）" if result.note else ""),
        location=inspection.location,
        department=inspection.department,
        category=category,
        source=HazardSource.INSPECTION,
        inspection=inspection,
        found_on=inspection.inspected_on,
    )
    Hazard.objects.filter(pk=hazard.pk).update(check_result=result)
    hazard.check_result = result
    return hazard


def on_inspection_task_decided(*, task, signoff) -> None:
    """Nothing to change on the plan: the task records that the inspection was done."""


@transaction.atomic
def inspection_tasks_raise(*, today: dt.date | None = None, user=None) -> int:
    """Inspections due become tasks of the responsible department; plans move to their next date."""
    today = today or timezone.localdate()
    creator = user or users_with_role(Role.SAFETY_MANAGER).first()
    if creator is None:
        return 0
    created = 0
    for plan in InspectionPlan.objects.select_for_update().filter(
        is_active=True, next_due__lte=today
    ):
        due = plan.next_due
        workflow.task_create(
            title=_("%(kind)s inspection: %(name)s")
            % {"kind": plan.get_kind_display(), "name": plan.name},
            description=_(
                "Record the inspection in the hazards module; failed items raise hazards."
            ),
            department=plan.department,
            due_date=due,
            user=creator,
            source=plan,
        )
        created += 1
        following = rules.next_due(due, plan.recurrence)
        # A plan that fell behind moves to its next date after today, not through every missed one.
        while following is not None and following <= today:
            following = rules.next_due(following, plan.recurrence)
        if following is None:
            plan.is_active = False
        else:
            plan.next_due = following
        plan.save(update_fields=["next_due", "is_active", "updated_at"])
    return created


@transaction.atomic
def statistics_reminders_send(*, today: dt.date | None = None) -> int:
    """Remind once per period, any day of its notice window: a missed run is caught up and a
    repeated run sends nothing twice."""
    today = today or timezone.localdate()
    sent = set(StatisticsReminder.objects.values_list("period", flat=True))
    periods = [p for p in rules.periods_due_for_notice(today) if p.key not in sent]
    if not periods:
        return 0
    recipients = [*users_with_role(Role.SAFETY_MANAGER), *users_with_role(Role.LEADERSHIP)]
    batch = []
    for period in periods:
        label = (
            _("%(year)s Q%(quarter)s") % {"year": period.year, "quarter": period.quarter}
            if period.quarter
            else _("%(year)s (whole year)") % {"year": period.year}
        )
        batch.append(
            (
                recipients,
                _(
                    "Hazard statistics for %(period)s are due by %(due)s, signed by the principal head."
                )
                % {"period": label, "due": period.due.isoformat()},
                None,
                f"/hazards/statistics/?year={period.year}&quarter={period.quarter or ''}",
            )
        )
    workflow.notify_many(batch)
    StatisticsReminder.objects.bulk_create(
        [StatisticsReminder(period=p.key, sent_on=today) for p in periods]
    )
    return len(periods)
