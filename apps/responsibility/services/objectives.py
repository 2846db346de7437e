"""Yearly objectives, their split to departments with the actuals, and the year-end department
assessment approved by leadership's sign-off."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from apps.core.exceptions import ApplicationError
from apps.core.text import stored
from apps.org.models import Department, Role
from apps.org.policy import require
from apps.responsibility import policies
from apps.responsibility.models import AssessmentStatus, DepartmentAssessment, DepartmentTarget, Objective
from apps.responsibility.services._common import _apply, _save
from apps.workflow import services as workflow

APPROVAL_DAYS = 14  # leadership's approval task is due this many days after submission


OBJECTIVE_FIELDS = ("year", "name", "indicator_key", "direction", "target", "unit", "manual_actual", "order")


@transaction.atomic
def objective_save(*, objective: Objective | None = None, data: dict, user) -> Objective:
    require(policies.can_edit_objective(user, objective))
    if objective is not None and objective.pk:
        stored = Objective.objects.get(pk=objective.pk)
        locked = DepartmentAssessment.objects.filter(
            year=stored.year, status__in=(AssessmentStatus.SUBMITTED, AssessmentStatus.APPROVED)
        ).exists()
        changed = {
            f for f in ("year", "direction", "target", "manual_actual") if f in data and data[f] != getattr(stored, f)
        }
        if locked and changed:
            raise ApplicationError(
                _(
                    "Departments were already assessed against this objective: its year, target and "
                    "figures can no longer change."
                )
            )
        if "year" in changed and stored.targets.exists():
            raise ApplicationError(_("The objective is split to departments: its year cannot change."))
    objective = objective or Objective()
    _apply(objective, data, OBJECTIVE_FIELDS)
    _save(objective, user=user)
    return objective


_KEEP = object()  # "not given": the stored actual stays as it is


@transaction.atomic
def target_set(*, objective: Objective, department: Department, target, user, actual=_KEEP) -> DepartmentTarget:
    """Split an objective to a department (managers), or record its actual (heads too)."""
    item = DepartmentTarget.objects.filter(objective=objective, department=department).first()
    if item is None or item.target != target:
        require(policies.can_set_target(user, item))
    else:
        require(policies.can_record_target_result(user, department.pk))
    if _assessment_locked(objective.year, department):
        raise ApplicationError(_("The year-end assessment of this department is already submitted."))
    item = item or DepartmentTarget(objective=objective, department=department)
    item.target = target
    if actual is not _KEEP:
        item.actual = actual
    _save(item, user=user)
    return item


def _assessment_locked(year: int, department: Department) -> bool:
    return DepartmentAssessment.objects.filter(
        year=year, department=department, status__in=(AssessmentStatus.SUBMITTED, AssessmentStatus.APPROVED)
    ).exists()


@transaction.atomic
def assessment_submit(*, year: int, department: Department, user, comment: str = "") -> DepartmentAssessment:
    """Score the department against its targets and ask leadership to approve by sign-off."""
    require(policies.can_assess_objectives(user))
    assessment, _created = DepartmentAssessment.objects.select_for_update().get_or_create(
        year=year, department=department
    )
    workflow.plan_require_editable(assessment)
    targets = list(
        DepartmentTarget.objects.filter(objective__year=year, department=department).select_related("objective")
    )
    if not targets:
        raise ApplicationError(_("This department has no targets for %(year)s.") % {"year": year})
    if any(t.actual is None for t in targets):
        raise ApplicationError(_("Record the actual value of every target first."))
    assessment.targets_total = len(targets)
    assessment.targets_met = sum(1 for t in targets if t.met)
    assessment.passed = assessment.targets_met == assessment.targets_total
    assessment.comment = comment
    return workflow.plan_submit(
        plan=assessment,
        user=user,
        title=stored(
            gettext_noop("Approve the %(year)s safety objectives assessment of %(department)s"),
            **{"year": year, "department": department.name},
        ),
        description=stored(
            gettext_noop("%(met)s of %(total)s targets met."),
            **{"met": assessment.targets_met, "total": assessment.targets_total},
        ),
        note=comment or _("Assessment submitted."),
        approver_role=Role.LEADERSHIP,
        due_days=APPROVAL_DAYS,
    )
