"""Emergency plans: saved by a safety manager, filed with the authority, evaluated; the plan's
drill due dates."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from apps.core.exceptions import ApplicationError
from apps.core.text import stored
from apps.emergency import policies, rules, selectors
from apps.emergency.models import Evaluation, EvaluationResult, Plan
from apps.emergency.services._common import _apply, _attach_all, _not_future, _save
from apps.emergency.services.reminders import FILING_REMINDER
from apps.org.policy import require
from apps.workflow import services as workflow

# The filing is not among them: it is recorded by plan_file() with its checks.
PLAN_FIELDS = (
    "code",
    "title",
    "kind",
    "version",
    "published_on",
    "department",
    "owner",
    "scope",
    "evaluation_interval_years",
    "last_evaluated_on",
    "is_active",
)


def _save_plan(plan: Plan, *, user, reason: str = "") -> None:
    """Save a plan; its reminders are kept apart (apps/workflow/services/remind.py), so the
    daily job and an edit do not write over each other."""
    plan.full_clean()
    plan._history_user = user
    if reason:
        plan._change_reason = reason
    plan.save()


def _clear_filing(plan: Plan) -> None:
    """A republished or revised plan is filed again (第二十六条), and its late filing reminded
    afresh; the old filing stays in the plan's history."""
    plan.filed_on = None
    plan.filing_number = ""
    workflow.reminders_forget(subject=plan, kind=FILING_REMINDER)


def _refresh_drill_due(plan: Plan, *, high_risk: bool) -> None:
    """The next drill is due a frequency after the last drill, or after publication for a plan
    never drilled."""
    base = plan.last_drill_on or plan.published_on
    known = plan.kind in rules.DRILL_FREQUENCIES  # an unknown kind is refused by full_clean()
    plan.next_drill_due = rules.next_drill_due(plan.kind, base, high_risk=high_risk) if base and known else None


def _redate_drills(plan: Plan, *, user) -> None:
    """Each drill of the plan is due a frequency after the drill before it (by date), the first
    after publication; the plan's last drill is the latest by date. A drill entered late, dated
    before others, moves the due dates of the drills after it. The plan is left to be saved."""
    high_risk = selectors.drills_half_yearly()
    previous = None
    for drill in plan.drills.order_by("held_on", "pk"):
        due = rules.next_drill_due(plan.kind, previous or plan.published_on, high_risk=high_risk)
        if drill.due_on != due:
            drill.due_on = due
            drill._history_user = user
            drill._change_reason = stored(
                gettext_noop("Due date recomputed after an earlier drill was recorded")
            ).dumps()
            drill.save(update_fields=["due_on", "updated_at"])
        if previous is None or drill.held_on > previous:
            previous = drill.held_on
    plan.last_drill_on = previous
    _refresh_drill_due(plan, high_risk=high_risk)


@transaction.atomic
def emergency_plan_save(*, plan: Plan | None = None, data: dict, user, files=()) -> Plan:
    require(policies.can_edit_plan(user))
    stored = (
        Plan.objects.filter(pk=plan.pk).values_list("published_on", "kind").first()
        if plan is not None and plan.pk
        else None
    )
    plan = plan or Plan()
    _apply(plan, data, PLAN_FIELDS)
    if stored is not None and plan.published_on != stored[0]:
        # Republished: a new filing is due within 20 working days, reminded afresh.
        _clear_filing(plan)
    if stored is not None and (plan.published_on, plan.kind) != stored:
        plan.full_clean()
        # The first drill is due after publication and each the plan's frequency apart.
        _redate_drills(plan, user=user)
    else:
        _refresh_drill_due(plan, high_risk=selectors.drills_half_yearly())
    _save_plan(plan, user=user)
    _attach_all(plan, files, user)
    return plan


def plans_redate_on_company_change(*, company, before, user) -> None:
    """The company became, or stopped being, a unit of 708号 第八条: the drill due dates of every
    plan in force follow the new frequency (registered with org's hooks)."""
    if before is not None and bool(before.emergency_unit_kind) == company.drills_half_yearly:
        return
    for plan in Plan.objects.select_for_update().filter(is_active=True):
        _redate_drills(plan, user=user)
        _save_plan(plan, user=user, reason=stored(gettext_noop("Drill frequency of the company changed")).dumps())


@transaction.atomic
def plan_file(*, plan: Plan, user, filed_on: dt.date, filing_number: str) -> Plan:
    """Filed with the authority (备案): the date and the number on the filing receipt."""
    require(policies.can_edit_plan(user))
    _not_future(filed_on, _("Filing date"))
    if filed_on < plan.published_on:
        raise ApplicationError(_("Filing date: a plan is filed after it is published."))
    if not filing_number.strip():
        raise ApplicationError(_("Filing number: give the number the authority issued."))
    plan.filed_on = filed_on
    plan.filing_number = filing_number.strip()
    _save_plan(plan, user=user)
    return plan


@transaction.atomic
def plan_evaluate(
    *,
    plan: Plan,
    user,
    evaluated_on: dt.date,
    result: str,
    findings: str = "",
    revision: str = "",
    new_version: str = "",
) -> Evaluation:
    """A periodic evaluation; a revision gives the plan its new version."""
    require(policies.can_edit_plan(user))
    _not_future(evaluated_on, _("Evaluation date"))
    if result == EvaluationResult.REVISE and not (revision.strip() and new_version.strip()):
        raise ApplicationError(_("Revision: a plan to be revised needs the revision made and its new version."))
    evaluation = Evaluation(
        plan=plan,
        evaluated_on=evaluated_on,
        result=result,
        findings=findings,
        revision=revision,
        new_version=new_version.strip(),
        evaluated_by=user,
    )
    _save(evaluation, user=user)
    if plan.last_evaluated_on is None or evaluated_on > plan.last_evaluated_on:
        plan.last_evaluated_on = evaluated_on
    if evaluation.new_version:
        plan.version = evaluation.new_version
        if result == EvaluationResult.REVISE and plan.filed_on:
            _clear_filing(plan)
    _save_plan(
        plan, user=user, reason=stored(gettext_noop("Evaluated on %(date)s"), date=evaluated_on.isoformat()).dumps()
    )
    return evaluation
