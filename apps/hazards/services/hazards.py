"""A hazard's closed loop: report → assign (with the rectification plan) → rectify → the
department head's sign-off → the safety manager's verification."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from apps.core.exceptions import ApplicationError
from apps.core.selectors import attachment_list
from apps.core.text import stored
from apps.hazards import policies
from apps.hazards.models import Hazard, HazardGrade, HazardSource, HazardStatus, Inspection, RectificationMeasureKind
from apps.hazards.services._common import _attach_all, _require_images, _save, _set_risk
from apps.org.models import Department, Role
from apps.org.policy import require
from apps.org.selectors import users_with_role
from apps.workflow import services as workflow
from apps.workflow.models import SignOffDecision, TaskPriority, TaskStatus

# Major hazards are supervised (挂牌督办): reminded every day and escalated on the first day late.
MAJOR_REMIND_EVERY_DAYS = 1
MAJOR_ESCALATE_AFTER_DAYS = 1


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
        message=stored(
            gettext_noop("New hazard %(code)s at %(place)s: %(text)s"),
            **{"code": hazard.code, "place": hazard.location, "text": hazard.description[:60]},
        ),
        url=f"/hazards/{hazard.pk}/",
    )
    return hazard


PLAN_FIELDS = ("plan_goals", "plan_methods", "plan_resources", "plan_organisation", "plan_requirements")
MAJOR_PLAN_FIELDS = ("plan_safety_measures", "plan_emergency")


def _set_plan(hazard: Hazard, plan: dict) -> dict[str, str]:
    """Copy the rectification plan onto the hazard; returns the parts its grade needs that are
    missing (five parts, two more for a major hazard)."""
    for field in (*PLAN_FIELDS, *MAJOR_PLAN_FIELDS):
        setattr(hazard, field, (plan.get(field) or "").strip())
    required = PLAN_FIELDS + (MAJOR_PLAN_FIELDS if hazard.grade == HazardGrade.MAJOR else ())
    return {f: _("The rectification plan needs this part.") for f in required if not getattr(hazard, f)}


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
    require(policies.can_assign_hazard(user, hazard))
    hazard = Hazard.objects.select_for_update().get(pk=hazard.pk)
    if hazard.status != HazardStatus.REPORTED:
        raise ApplicationError(_("Only a newly reported hazard is assigned."))
    hazard.department = department
    hazard.deadline = deadline
    hazard.grade = grade
    missing = _set_plan(hazard, plan)
    if deadline < hazard.found_on:
        missing["deadline"] = _("The deadline cannot be before the hazard was found.")
    if missing:
        raise ValidationError(missing)
    _set_risk(hazard, risk_l, risk_e, risk_c)
    major = grade == HazardGrade.MAJOR
    hazard.task = workflow.task_create(
        title=stored(
            gettext_noop("Rectify hazard %(code)s: %(text)s"), **{"code": hazard.code, "text": hazard.description[:60]}
        ),
        description=stored(
            gettext_noop("Place: %(place)s\nGoals: %(goals)s\nMeasures: %(methods)s"),
            **{"place": hazard.location, "goals": hazard.plan_goals, "methods": hazard.plan_methods},
        ),
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
    *, hazard: Hazard, user, measure_kinds: list[str], measures: str, cost: Decimal, rectified_on: dt.date, photos=()
) -> Hazard:
    """The department records what it did, with after-photos, and submits for sign-off."""
    hazard = Hazard.objects.select_for_update(of=("self",)).select_related("task").get(pk=hazard.pk)
    if hazard.status != HazardStatus.RECTIFYING or hazard.task is None:
        raise ApplicationError(_("This hazard is not being rectified now."))
    require(policies.can_rectify_hazard(user, hazard))
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
        workflow.task_submit(task=hazard.task, user=user, note=hazard.measures, files=photos, via_source=True)
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
    return attachment_list(owner=hazard.task) if hazard.task_id else attachment_list(owner=hazard).none()


def _missing_for_closure(hazard: Hazard) -> list[str]:
    """What a hazard lacks before it is closed: the record, the sign-off, the after-photos."""
    missing = []
    if not hazard.measures or hazard.rectified_on is None:
        missing.append(_("the rectification record"))
    if hazard.status != HazardStatus.SIGNED_OFF or hazard.task is None or hazard.task.status != TaskStatus.SIGNED_OFF:
        missing.append(_("the department head's sign-off"))
    if not after_photos(hazard).exists():
        missing.append(_("after-rectification photos"))
    return missing


@transaction.atomic
def hazard_verify(*, hazard: Hazard, user, close: bool, reason: str = "") -> Hazard:
    """The safety manager closes a signed-off rectification, or sends it back with a reason."""
    require(policies.can_verify_hazard(user, hazard))
    hazard = Hazard.objects.select_for_update(of=("self",)).select_related("task").get(pk=hazard.pk)
    if hazard.status == HazardStatus.CLOSED:
        raise ApplicationError(_("This hazard is already closed."))
    if close:
        missing = _missing_for_closure(hazard)
        if missing:
            raise ApplicationError(
                _("The hazard cannot be closed yet: missing %(missing)s.") % {"missing": "、".join(missing)}
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
