"""Yearly training plans: drafted by the department's head, approved by sign-off."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from apps.core.exceptions import ApplicationError
from apps.core.text import stored
from apps.org.models import Role
from apps.training import policies, selectors
from apps.training.models import TrainingPlan, TrainingPlanItem
from apps.training.services._common import _apply, _check, _save
from apps.workflow import services as workflow


@transaction.atomic
def plan_create(*, data: dict, user) -> TrainingPlan:
    plan = TrainingPlan(created_by=user)
    _apply(plan, data, ("department", "year", "title", "note"))
    _check(policies.can_draft_plan, user, plan)
    if not plan.title and plan.department_id and plan.year:
        plan.title = _("%(year)s training plan of %(department)s") % {
            "year": plan.year,
            "department": plan.department.name,
        }
    _save(plan, user=user)
    return plan


@transaction.atomic
def plan_update(*, plan: TrainingPlan, data: dict, user) -> TrainingPlan:
    _check(policies.can_draft_plan, user, plan)
    workflow.plan_require_editable(plan)
    _apply(plan, data, ("title", "note"))
    _save(plan, user=user)
    return plan


@transaction.atomic
def plan_item_save(*, plan: TrainingPlan, item: TrainingPlanItem | None = None, data: dict, user) -> TrainingPlanItem:
    _check(policies.can_draft_plan, user, plan)
    workflow.plan_require_editable(plan)
    item = item or TrainingPlanItem(plan=plan)
    _apply(item, data, ("course", "month", "hours", "participants"))
    if item.hours is None and item.course_id:
        item.hours = item.course.hours
    _save(item, user=user)
    return item


@transaction.atomic
def plan_item_delete(*, item: TrainingPlanItem, user) -> None:
    _check(policies.can_draft_plan, user, item.plan)
    workflow.plan_require_editable(item.plan)
    if item.sessions.exists():
        raise ApplicationError(_("Sessions were held for this item: it stays in the plan."))
    item.delete()


@transaction.atomic
def plan_submit(*, plan: TrainingPlan, user) -> TrainingPlan:
    """Ask for approval: a task signed off by leadership (or safety managers, as set)."""
    plan = TrainingPlan.objects.select_for_update().select_related("department").get(pk=plan.pk)
    _check(policies.can_draft_plan, user, plan)
    workflow.plan_require_editable(plan)
    if not plan.items.exists():
        raise ApplicationError(_("Add the planned courses before submitting the plan."))
    current = selectors.training_settings()
    return workflow.plan_submit(
        plan=plan,
        user=user,
        title=stored(gettext_noop("Approve the %(plan)s"), **{"plan": plan.title}),
        description=stored(gettext_noop("Review the planned courses, months and hours, then approve or reject.")),
        note=_("Training plan submitted for approval."),
        approver_role=current.plan_approver_role if current else Role.LEADERSHIP,
    )
