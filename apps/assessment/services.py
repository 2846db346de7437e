from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from apps.assessment import policies, selectors
from apps.assessment.models import Assessment, AssessmentKind, AssessmentStatus, Finding, NonConformity
from apps.core.exceptions import ApplicationError
from apps.core.services import attachment_add
from apps.core.text import Label, stored
from apps.org.models import Department, DepartmentKind, Employee, Role
from apps.org.policy import require
from apps.org.selectors import users_with_role
from apps.scoring import engine, registry
from apps.scoring.models import ScoringItem, Standard
from apps.workflow import services as workflow
from apps.workflow.models import SignOffDecision, TaskPriority

# Non-conformities are due for rectification this many days after submission.
RECTIFICATION_DAYS = 30


def _require_editable(assessment: Assessment) -> None:
    if not assessment.is_editable:
        raise ApplicationError(
            _("The assessment is “%(status)s”: its scores can no longer be changed.")
            % {"status": assessment.get_status_display()}
        )


def _save(obj, *, user) -> None:
    obj.full_clean()
    obj._history_user = user
    obj.save()


@transaction.atomic
def assessment_create(
    *,
    standard: Standard,
    year: int,
    kind: str,
    leader: Employee,
    user,
    team: list[Employee] | tuple = (),
    method: str = "",
    fatality_limit: int = 0,
) -> Assessment:
    require(policies.can_create_assessment(user))
    if not standard.is_active:
        raise ApplicationError(_("This standard is not active."))
    assessment = Assessment(
        standard=standard,
        year=year,
        kind=kind,
        leader=leader,
        method=method,
        fatality_limit=fatality_limit,
        created_by=user,
    )
    _save(assessment, user=user)
    assessment.team.set(team)
    Finding.objects.bulk_create(
        [
            Finding(assessment=assessment, item=item)
            for item in ScoringItem.objects.filter(standard=standard).order_by("order")
        ]
    )
    return assessment


@transaction.atomic
def assessment_update(*, assessment: Assessment, data: dict, user) -> Assessment:
    require(policies.can_run_assessment(user, assessment))
    assessment = Assessment.objects.select_for_update().get(pk=assessment.pk)
    _require_editable(assessment)
    for field in (
        "year",
        "kind",
        "leader",
        "method",
        "conclusion",
        "fatalities",
        "fatality_limit",
        "larger_or_worse_accident",
    ):
        if field in data:
            setattr(assessment, field, data[field])
    _save(assessment, user=user)
    if "team" in data:
        assessment.team.set(data["team"])
    return assessment


def _score_errors(
    finding: Finding, applicable: bool, deduction: Decimal, reason: str, veto_failed: bool
) -> dict[str, str]:
    """What is wrong with a result for the item: a negative deduction, a veto on an ordinary
    item, or a missing reason (for not applying, for a deduction, or for overriding the
    indicator's suggestion)."""
    errors: dict[str, str] = {}
    if deduction < 0:
        errors["deduction"] = _("A deduction cannot be negative.")
    if veto_failed and not finding.item.is_veto:
        errors["veto_failed"] = _("Only a veto item can fail as a veto.")
    if not applicable and not reason:
        errors["reason"] = _("Say why this item does not apply.")
    elif applicable and (deduction > 0 or veto_failed) and not reason:
        errors["reason"] = _("Say what was found, for the deduction.")
    elif (
        applicable
        and finding.suggested_deduction is not None
        and deduction != finding.suggested_deduction
        and not reason
    ):
        errors["reason"] = _("The indicator suggests %(points)s; give the reason for another value.") % {
            "points": finding.suggested_deduction.normalize()
        }
    return errors


@transaction.atomic
def finding_score(
    *,
    finding: Finding,
    user,
    applicable: bool = True,
    deduction: Decimal = Decimal(0),
    reason: str = "",
    department: Department | None = None,
    veto_failed: bool = False,
) -> Finding:
    """Record the assessor's result for one item."""
    require(policies.can_run_assessment(user))
    assessment = Assessment.objects.select_for_update().get(pk=finding.assessment_id)
    _require_editable(assessment)
    # Work on the stored row, never on a copy loaded before suggestions were filled in.
    finding = Finding.objects.select_for_update(of=("self",)).select_related("item").get(pk=finding.pk)
    deduction = Decimal(deduction or 0)
    reason = reason.strip()
    if errors := _score_errors(finding, applicable, deduction, reason, veto_failed):
        raise ValidationError(errors)
    finding.applicable = applicable
    finding.deduction = deduction if applicable else Decimal(0)
    finding.veto_failed = veto_failed if applicable else False
    finding.reason = reason
    finding.department = department
    finding.assessor = user
    finding.scored = True
    finding.full_clean()
    finding._history_user = user
    finding.save(
        update_fields=[
            "applicable",
            "deduction",
            "veto_failed",
            "reason",
            "department",
            "assessor",
            "scored",
            "updated_at",
        ]
    )
    if assessment.status == AssessmentStatus.DRAFT:
        assessment.status = AssessmentStatus.IN_PROGRESS
        assessment.started_on = timezone.localdate()
        _save(assessment, user=user)
    return finding


@transaction.atomic
def finding_attach(*, finding: Finding, upload, user):
    """Evidence for a finding; allowed while the assessment can still be changed."""
    require(policies.can_run_assessment(user, finding.assessment))
    _require_editable(finding.assessment)
    return attachment_add(owner=finding, upload=upload, user=user)


@transaction.atomic
def findings_suggest(*, assessment: Assessment, user, as_of: dt.date | None = None) -> int:
    """Fill suggested deductions from the live indicators of the apps; returns how many."""
    require(policies.can_run_assessment(user, assessment))
    _require_editable(assessment)
    found = registry.indicators(as_of or timezone.localdate())
    changed = []
    for finding in Finding.objects.filter(assessment=assessment).select_related("item"):
        item = finding.item
        indicator = found.get(item.indicator_key) if item.indicator_key else None
        if indicator is None or indicator.value is None:
            continue
        finding.suggested_deduction = engine.suggested_deduction(item.auto_rule, indicator.value, item.points)
        finding.indicator_value = f"{indicator.value}{indicator.unit}"[:100]
        finding._history_user = user
        finding.save(update_fields=["suggested_deduction", "indicator_value", "updated_at"])
        changed.append(finding)
    return len(changed)


def _company_root() -> Department:
    root = Department.objects.filter(kind=DepartmentKind.COMPANY).first()
    if root is None:
        raise ApplicationError(_("Set up the company in the department tree first."))
    return root


@transaction.atomic
def assessment_submit(*, assessment: Assessment, user) -> Assessment:
    """Check every item is scored, raise non-conformities as tasks and ask leadership to approve."""
    require(policies.can_run_assessment(user, assessment))
    assessment = Assessment.objects.select_for_update().get(pk=assessment.pk)
    _require_editable(assessment)
    rows = selectors.findings(assessment)
    unscored = [f.item.code for f in rows if not f.scored]
    if unscored:
        raise ApplicationError(
            _("%(count)d item(s) are not scored yet: %(codes)s")
            % {"count": len(unscored), "codes": "、".join(unscored[:20])}
        )
    deducted = [f for f in rows if f.applicable and (f.deduction > 0 or f.veto_failed)]
    homeless = [f.item.code for f in deducted if f.department_id is None]
    if homeless:
        raise ApplicationError(
            _("Choose the responsible department for the deducted items: %(codes)s")
            % {"codes": "、".join(homeless[:20])}
        )
    gate = selectors.gate_inputs(assessment)
    assessment.fatalities = gate["fatalities"]
    assessment.larger_or_worse_accident = gate["larger_or_worse_accident"]
    assessment.gate_source = gate["source"]
    summary = selectors.summary(assessment, with_previous=False)
    assessment.score = summary.result.score
    assessment.level = summary.final_level
    assessment.status = AssessmentStatus.SUBMITTED
    assessment.submitted_at = timezone.now()
    approval = workflow.task_create(
        title=stored(
            gettext_noop("Approve the %(assessment)s (score %(score)s)"),
            **{
                "assessment": stored(
                    gettext_noop("%(year)s %(kind)s"), year=assessment.year, kind=Label(AssessmentKind, assessment.kind)
                ),
                "score": summary.result.score,
            },
        ),
        description=stored(gettext_noop("Review the summary and the self-evaluation report, then approve or reject.")),
        department=_company_root(),
        due_date=timezone.localdate() + dt.timedelta(days=7),
        user=user,
        source=assessment,
        sign_off_role=Role.LEADERSHIP,
    )
    workflow.task_submit(task=approval, user=user, note=_("Assessment submitted for approval."))
    assessment.approval_task = approval
    _save(assessment, user=user)
    return assessment


def on_approval_decided(*, task, signoff) -> None:
    """Called by the workflow when leadership decides an assessment's approval task.

    Only the current approval of a submitted assessment decides it; approving it raises the
    non-conformities, rejecting it sends the assessment back to the team.
    """
    assessment = Assessment.objects.select_for_update().get(pk=task.source_id)
    if assessment.status != AssessmentStatus.SUBMITTED or assessment.approval_task_id != task.pk:
        raise ApplicationError(_("This task no longer decides the assessment."))
    if signoff.decision == SignOffDecision.APPROVE:
        assessment.status = AssessmentStatus.APPROVED
        assessment.approved_at = signoff.signed_at
        _save(assessment, user=signoff.signer)
        _raise_nonconformities(assessment)
    else:
        assessment.status = AssessmentStatus.IN_PROGRESS
        assessment.approval_task = None
        _save(assessment, user=signoff.signer)


def _raise_nonconformities(assessment: Assessment) -> None:
    """Every deducted item becomes a non-conformity with a rectification task for its
    department, closed only with evidence and a sign-off."""
    due = timezone.localdate() + dt.timedelta(days=RECTIFICATION_DAYS)
    for finding in selectors.findings(assessment):
        if not (finding.applicable and (finding.deduction > 0 or finding.veto_failed)):
            continue
        item = finding.item
        nonconformity = NonConformity(
            assessment=assessment,
            finding=finding,
            group=item.group,
            description=finding.reason,
            requirement=item.requirement,
            department=finding.department,
        )
        nonconformity.full_clean(exclude=["task"])
        nonconformity.save()
        nonconformity.task = workflow.task_create(
            title=stored(
                gettext_noop("Rectify %(code)s: %(reason)s"), **{"code": item.code, "reason": finding.reason[:80]}
            ),
            description=stored(
                gettext_noop("Requirement: %(requirement)s\nDeduction method: %(method)s"),
                **{"requirement": item.requirement, "method": item.method},
            ),
            department=finding.department,
            due_date=due,
            priority=TaskPriority.HIGH if finding.veto_failed else TaskPriority.NORMAL,
            user=assessment.created_by,
            requires_evidence=True,
            source=nonconformity,
        )
        nonconformity.save(update_fields=["task", "updated_at"])


RENEWAL_REMINDER = "grade_renewal"


@transaction.atomic
def assessment_award(*, assessment: Assessment, level: int, awarded_on: dt.date, user) -> Assessment:
    """Record the grade the review body awarded; its 3-year re-review is reminded."""
    require(policies.can_run_assessment(user, assessment))
    if level not in (1, 2, 3):
        raise ValidationError({"awarded_level": _("The grade is 1, 2 or 3.")})
    assessment = Assessment.objects.select_for_update().get(pk=assessment.pk)
    if assessment.status != AssessmentStatus.APPROVED:
        raise ApplicationError(_("A grade is recorded on an approved assessment."))
    assessment.awarded_level = level
    assessment.awarded_on = awarded_on
    _save(assessment, user=user)
    # A grade awarded again is reminded of its re-review again, even on the same date.
    workflow.reminders_forget(subject=assessment, kind=RENEWAL_REMINDER)
    return assessment


@transaction.atomic
def renewal_reminders_send(*, today: dt.date | None = None) -> int:
    """Remind safety managers and leadership 90 days before a grade's 3-year re-review, once
    per grade (apps/workflow/services/remind.py)."""
    today = today or timezone.localdate()
    due = list(selectors.renewals_due(today=today))
    recipients = [*users_with_role(Role.SAFETY_MANAGER), *users_with_role(Role.LEADERSHIP)]
    return sum(
        workflow.remind_once(
            subject=a,
            kind=RENEWAL_REMINDER,
            due=selectors.renewal_due(a),
            users=recipients,
            message=stored(
                gettext_noop("The grade %(level)s awarded on %(date)s is due for its 3-year re-review."),
                **{"level": a.awarded_level, "date": a.awarded_on.isoformat()},
            ),
            today=today,
        )
        for a in due
    )
