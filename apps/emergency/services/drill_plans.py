"""Yearly drill plans, approved by leadership's sign-off."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from apps.core.exceptions import ApplicationError
from apps.core.text import stored
from apps.emergency import policies
from apps.emergency.models import DrillPlan, DrillPlanItem
from apps.emergency.services._common import _apply, _save
from apps.org.models import Role
from apps.org.policy import require
from apps.workflow import services as workflow


@transaction.atomic
def drill_plan_create(*, data: dict, user) -> DrillPlan:
    drill_plan = DrillPlan(created_by=user)
    _apply(drill_plan, data, ("department", "year", "title", "note"))
    require(policies.can_act_for_department(user, drill_plan.department_id))
    if not drill_plan.title and drill_plan.department_id and drill_plan.year:
        drill_plan.title = _("%(year)s drill plan of %(department)s") % {
            "year": drill_plan.year,
            "department": drill_plan.department.name,
        }
    if DrillPlan.objects.filter(department_id=drill_plan.department_id, year=drill_plan.year).exists():
        raise ApplicationError(_("Year: this department already has a drill plan for that year."))
    _save(drill_plan, user=user)
    return drill_plan


@transaction.atomic
def drill_plan_item_add(*, drill_plan: DrillPlan, data: dict, user) -> DrillPlanItem:
    require(policies.can_act_for_department(user, drill_plan.department_id))
    workflow.plan_require_editable(drill_plan)
    item = DrillPlanItem(drill_plan=drill_plan)
    _apply(item, data, ("plan", "month", "kind", "scenario"))
    if item.plan_id and not policies.may_drill_plan(user, item.plan, drill_plan.department):
        raise ApplicationError(
            _(
                "Emergency plan: %(plan)s belongs to %(department)s; plan drills only of the "
                "plans of your departments or of a department above them."
            )
            % {"plan": item.plan, "department": item.plan.department.name}
        )
    if not 1 <= (item.month or 0) <= 12:
        raise ApplicationError(_("Month: give a month from 1 to 12."))
    _save(item, user=user)
    return item


@transaction.atomic
def drill_plan_item_delete(*, item: DrillPlanItem, user) -> None:
    require(policies.can_act_for_department(user, item.drill_plan.department_id))
    workflow.plan_require_editable(item.drill_plan)
    item.delete()


@transaction.atomic
def drill_plan_submit(*, drill_plan: DrillPlan, user) -> DrillPlan:
    """Ask leadership to approve: a task they sign off, as for training plans."""
    drill_plan = DrillPlan.objects.select_for_update().select_related("department").get(pk=drill_plan.pk)
    require(policies.can_act_for_department(user, drill_plan.department_id))
    workflow.plan_require_editable(drill_plan)
    if not drill_plan.items.exists():
        raise ApplicationError(_("Planned drills: add at least one planned drill before submitting the plan."))
    return workflow.plan_submit(
        plan=drill_plan,
        user=user,
        title=stored(gettext_noop("Approve the %(plan)s"), **{"plan": drill_plan.title}),
        description=stored(gettext_noop("Review the planned drills, months and kinds, then approve or reject.")),
        note=_("Drill plan submitted for approval."),
        approver_role=Role.LEADERSHIP,
    )
