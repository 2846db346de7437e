"""Drills held, their evaluation and the improvements raised as tasks."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from apps.core.exceptions import ApplicationError
from apps.core.text import stored
from apps.emergency import policies, rules, selectors
from apps.emergency.models import Drill, Improvement, Plan
from apps.emergency.services._common import _apply, _attach_all, _not_future, _save
from apps.emergency.services.plans import _redate_drills, _save_plan
from apps.org.policy import require
from apps.workflow import services as workflow

DRILL_FIELDS = (
    "plan",
    "department",
    "scenario",
    "kind",
    "held_on",
    "duration_minutes",
    "participant_count",
    "participants",
)


@transaction.atomic
def drill_record(*, data: dict, user, files=()) -> Drill:
    """A drill held: due a frequency after the plan's drill before it; the plan's next drill is
    due a frequency after its latest one."""
    drill = Drill(recorded_by=user)
    _apply(drill, data, DRILL_FIELDS)
    require(policies.can_act_for_department(user, drill.department_id))
    _not_future(drill.held_on, _("Drill date"))
    plan = Plan.objects.select_for_update().select_related("department").get(pk=drill.plan_id)
    if not policies.may_drill_plan(user, plan, drill.department):
        raise ApplicationError(
            _(
                "Plan drilled: %(plan)s belongs to %(department)s; record drills only of the "
                "plans of the departments you head, or of a department above the drill's."
            )
            % {"plan": plan, "department": plan.department.name}
        )
    if drill.held_on and drill.held_on < plan.published_on:
        raise ApplicationError(_("Drill date: the plan was published after that date."))
    # Due a frequency after the plan's latest drill before this one, or after publication.
    before = plan.drills.filter(held_on__lt=drill.held_on).aggregate(last=Max("held_on"))["last"]
    if drill.held_on:
        drill.due_on = rules.next_drill_due(
            plan.kind, before or plan.published_on, high_risk=selectors.drills_half_yearly()
        )
    _save(drill, user=user)
    _attach_all(drill, files, user)
    _redate_drills(plan, user=user)
    _save_plan(
        plan, user=user, reason=stored(gettext_noop("Drilled on %(date)s"), date=drill.held_on.isoformat()).dumps()
    )
    return drill


@transaction.atomic
def drill_evaluate(
    *,
    drill: Drill,
    user,
    evaluated_on: dt.date,
    worked_well: str,
    problems_found: str = "",
    conclusion: str = "",
    improvements: list[dict] | None = None,
) -> Drill:
    """The drill's evaluation; each problem to fix becomes a task of the department that owns
    it, so it shows in that department's inbox."""
    require(policies.can_act_for_department(user, drill.department_id))
    _not_future(evaluated_on, _("Evaluation date"))
    if evaluated_on < drill.held_on:
        raise ApplicationError(_("Evaluation date: a drill is evaluated after it is held."))
    if not worked_well.strip():
        raise ApplicationError(_("What worked: describe what worked in the drill."))
    drill.evaluated_on = evaluated_on
    drill.worked_well = worked_well
    drill.problems_found = problems_found
    drill.conclusion = conclusion
    _save(drill, user=user)
    for item in improvements or ():
        improvement_raise(drill=drill, user=user, **item)
    return drill


@transaction.atomic
def drill_report(*, drill: Drill, user, reported_on: dt.date) -> Drill:
    """The drill reported to the authority (生产安全事故应急条例 第八条, for the units it names)."""
    require(policies.can_act_for_department(user, drill.department_id))
    _not_future(reported_on, _("Reported on"))
    if reported_on < drill.held_on:
        raise ApplicationError(_("Reported on: a drill is reported after it is held."))
    drill.reported_on = reported_on
    _save(drill, user=user)
    return drill


@transaction.atomic
def improvement_raise(*, drill: Drill, user, description: str, department, due_date: dt.date) -> Improvement:
    """A problem found in the drill becomes a task of the department that owns it."""
    require(policies.can_act_for_department(user, drill.department_id))
    if not policies.can_act_for_department(user, department.pk):
        raise ApplicationError(
            _(
                "Department: you may raise improvements only for departments you head; "
                "ask a safety manager to raise one for %(department)s."
            )
            % {"department": department.name}
        )
    if due_date < drill.held_on:
        raise ApplicationError(_("Due date: an improvement is due after the drill."))
    improvement = Improvement(drill=drill, description=description, department=department, due_date=due_date)
    _save(improvement, user=user)
    improvement.task = workflow.task_create(
        title=stored(gettext_noop("Drill improvement: %(problem)s"), **{"problem": description[:80]}),
        description=stored(
            gettext_noop("Found in the drill “%(drill)s” of %(date)s: %(problem)s"),
            **{"drill": drill.scenario, "date": drill.held_on.isoformat(), "problem": description},
        ),
        department=department,
        due_date=due_date,
        user=user,
        source=improvement,
    )
    improvement.save(update_fields=["task", "updated_at"])
    return improvement
