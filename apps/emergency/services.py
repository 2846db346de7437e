from __future__ import annotations

import datetime as dt

from dateutil.relativedelta import relativedelta
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.core.exceptions import ApplicationError
from apps.core.services import attachment_add
from apps.emergency import rules
from apps.emergency.models import (
    REMINDER_FIELDS,
    Drill,
    DrillPlan,
    DrillPlanItem,
    DrillPlanStatus,
    Evaluation,
    EvaluationResult,
    Improvement,
    Plan,
    Supply,
    SupplyCheck,
    Team,
    TeamMember,
)
from apps.org.access import access_for
from apps.org.models import Role
from apps.org.selectors import department_head_users, users_with_role
from apps.workflow import services as workflow
from apps.workflow.models import SignOffDecision

# Reminders are raised this many days before a drill, an evaluation or a supply check is due.
DRILL_LEAD_DAYS = 30
EVALUATION_LEAD_DAYS = 60
SUPPLY_LEAD_DAYS = 7
APPROVAL_DAYS = 7


def _require_head(user, department_id: int | None) -> None:
    if not access_for(user).heads(department_id):
        raise PermissionDenied(
            _("Only a safety manager or the department's head may change its emergency records.")
        )


def _require_manager(user) -> None:
    if not access_for(user).manages_everything:
        raise PermissionDenied(_("Only a safety manager may change emergency plans."))


def _apply(obj, data: dict, fields) -> None:
    for name in fields:
        if name in data:
            setattr(obj, name, data[name])


def _save(obj, *, user, reason: str = "") -> None:
    obj.full_clean()
    if user is not None:
        obj._history_user = user
    if reason:
        obj._change_reason = reason
    obj.save()


def _attach_all(owner, files, user) -> None:
    for upload in files or ():
        attachment_add(owner=owner, upload=upload, user=user)


def _not_future(day: dt.date | None, field: str) -> None:
    if day is not None and day > timezone.localdate():
        raise ApplicationError(_("%(field)s cannot be in the future.") % {"field": field})


# ------------------------------------------------------------------------------
# Plans: filing and evaluation
# ------------------------------------------------------------------------------
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


def _save_plan(plan: Plan, *, user, reason: str = "", also=()) -> None:
    """Save a plan without writing its reminder flags (set by the daily job meanwhile) unless
    named in `also`."""
    plan.full_clean()
    plan._history_user = user
    if reason:
        plan._change_reason = reason
    if plan._state.adding:
        plan.save()
        return
    fields = [
        f.name
        for f in Plan._meta.concrete_fields
        if not f.primary_key and f.name not in REMINDER_FIELDS
    ]
    plan.save(update_fields=[*fields, *also])


def _clear_filing(plan: Plan) -> tuple[str, ...]:
    """A republished or revised plan is filed again (第二十六条); the old filing stays in the
    plan's history."""
    plan.filed_on = None
    plan.filing_number = ""
    plan.filing_reminded = False
    return ("filing_reminded",)


def _refresh_drill_due(plan: Plan) -> None:
    """The next drill is due a frequency after the last drill, or after publication for a plan
    never drilled."""
    base = plan.last_drill_on or plan.published_on
    known = plan.kind in rules.DRILL_INTERVALS  # an unknown kind is refused by full_clean()
    plan.next_drill_due = rules.next_drill_due(plan.kind, base) if base and known else None


@transaction.atomic
def emergency_plan_save(*, plan: Plan | None = None, data: dict, user, files=()) -> Plan:
    _require_manager(user)
    stored = (
        Plan.objects.filter(pk=plan.pk).values_list("published_on", "kind").first()
        if plan is not None and plan.pk
        else None
    )
    plan = plan or Plan()
    _apply(plan, data, PLAN_FIELDS)
    also = ()
    if stored is not None and plan.published_on != stored[0]:
        # Republished: a new filing is due within 20 working days, reminded afresh.
        also = _clear_filing(plan)
    if stored is not None and (plan.published_on, plan.kind) != stored:
        plan.full_clean()
        # The first drill is due after publication and each the plan's frequency apart.
        _redate_drills(plan, user=user)
    else:
        _refresh_drill_due(plan)
    _save_plan(plan, user=user, also=also)
    _attach_all(plan, files, user)
    return plan


@transaction.atomic
def plan_file(*, plan: Plan, user, filed_on: dt.date, filing_number: str) -> Plan:
    """Filed with the authority (备案): the date and the number on the filing receipt."""
    _require_manager(user)
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
    _require_manager(user)
    _not_future(evaluated_on, _("Evaluation date"))
    if result == EvaluationResult.REVISE and not (revision.strip() and new_version.strip()):
        raise ApplicationError(
            _("Revision: a plan to be revised needs the revision made and its new version.")
        )
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
    also = ()
    if evaluation.new_version:
        plan.version = evaluation.new_version
        if result == EvaluationResult.REVISE and plan.filed_on:
            also = _clear_filing(plan)
    _save_plan(
        plan,
        user=user,
        also=also,
        reason=_("Evaluated on %(date)s") % {"date": evaluated_on.isoformat()},
    )
    return evaluation


# ------------------------------------------------------------------------------
# Teams
# ------------------------------------------------------------------------------
@transaction.atomic
def team_save(*, team: Team | None = None, data: dict, user) -> Team:
    if team is not None:
        _require_head(user, team.department_id)
    team = team or Team()
    _apply(
        team,
        data,
        (
            "name",
            "kind",
            "department",
            "leader",
            "phone",
            "agreement_party",
            "agreement_until",
            "duties",
            "is_active",
        ),
    )
    _require_head(user, team.department_id)
    if team.kind == "agreement" and not team.agreement_party:
        raise ApplicationError(
            _("Agreement with: name the party a rescue agreement is signed with.")
        )
    _save(team, user=user)
    return team


@transaction.atomic
def team_member_save(
    *, team: Team, member: TeamMember | None = None, data: dict, user
) -> TeamMember:
    _require_head(user, team.department_id)
    member = member or TeamMember(team=team)
    _apply(member, data, ("name", "role", "phone", "user"))
    _save(member, user=user)
    return member


@transaction.atomic
def team_member_remove(*, member: TeamMember, user) -> None:
    _require_head(user, member.team.department_id)
    member._history_user = user
    member.delete()


# ------------------------------------------------------------------------------
# Supplies
# ------------------------------------------------------------------------------
SUPPLY_FIELDS = (
    "name",
    "kind",
    "specification",
    "department",
    "location",
    "quantity",
    "required_quantity",
    "unit",
    "expires_on",
    "check_interval_months",
    "last_checked_on",
    "next_check_due",
    "keeper",
    "is_active",
)


def _next_check(supply: Supply) -> dt.date | None:
    if supply.last_checked_on is None:
        return None
    return supply.last_checked_on + relativedelta(months=supply.check_interval_months)


@transaction.atomic
def supply_save(*, supply: Supply | None = None, data: dict, user) -> Supply:
    if supply is not None:
        _require_head(user, supply.department_id)
    supply = supply or Supply()
    _apply(supply, data, SUPPLY_FIELDS)
    _require_head(user, supply.department_id)
    if not supply.check_interval_months or supply.check_interval_months < 1:
        raise ApplicationError(_("Checked every (months): give a positive number of months."))
    if not data.get("next_check_due"):
        supply.next_check_due = _next_check(supply) or supply.next_check_due
    _save(supply, user=user)
    return supply


@transaction.atomic
def supply_check(
    *,
    supply: Supply,
    user,
    checked_on: dt.date,
    quantity_found: int,
    in_good_order: bool = True,
    note: str = "",
    expires_on: dt.date | None = None,
) -> SupplyCheck:
    """A check done: the quantity found becomes the stock, the next check starts from it.

    A check dated before the item's last check is entered late: it is kept in the item's
    checks, but the stock, the dates and the expiry stay those of the later check."""
    _require_head(user, supply.department_id)
    _not_future(checked_on, _("Check date"))
    check = SupplyCheck(
        supply=supply,
        checked_on=checked_on,
        quantity_found=quantity_found,
        in_good_order=in_good_order,
        note=note,
        checked_by=user,
    )
    _save(check, user=user)
    check.is_backdated = bool(supply.last_checked_on and checked_on < supply.last_checked_on)
    if check.is_backdated:
        return check
    supply.quantity = quantity_found
    supply.last_checked_on = checked_on
    if expires_on is not None:
        supply.expires_on = expires_on
    supply.next_check_due = _next_check(supply)
    _save(supply, user=user, reason=_("Checked on %(date)s") % {"date": checked_on.isoformat()})
    if supply.is_missing or not in_good_order:
        # A shortfall or damage found in a check is announced once, when it is found.
        recipients = _recipients([supply.department_id], list(users_with_role(Role.SAFETY_MANAGER)))
        workflow.notify(
            users=recipients[supply.department_id],
            url=supply.get_absolute_url(),
            message=_("Check of %(supply)s: %(found)s found of %(required)s required%(damaged)s.")
            % {
                "supply": supply,
                "found": quantity_found,
                "required": supply.required_quantity,
                "damaged": "" if in_good_order else _(", not in good order"),
            },
        )
    return check


# ------------------------------------------------------------------------------
# Yearly drill plans, approved by sign-off
# ------------------------------------------------------------------------------
def _require_editable(drill_plan: DrillPlan) -> None:
    if not drill_plan.is_editable:
        raise ApplicationError(
            _("The drill plan is “%(status)s”: it can no longer be changed.")
            % {"status": drill_plan.get_status_display()}
        )


@transaction.atomic
def drill_plan_create(*, data: dict, user) -> DrillPlan:
    drill_plan = DrillPlan(created_by=user)
    _apply(drill_plan, data, ("department", "year", "title", "note"))
    _require_head(user, drill_plan.department_id)
    if not drill_plan.title and drill_plan.department_id and drill_plan.year:
        drill_plan.title = _("%(year)s drill plan of %(department)s") % {
            "year": drill_plan.year,
            "department": drill_plan.department.name,
        }
    if DrillPlan.objects.filter(
        department_id=drill_plan.department_id, year=drill_plan.year
    ).exists():
        raise ApplicationError(_("Year: this department already has a drill plan for that year."))
    _save(drill_plan, user=user)
    return drill_plan


def _may_drill(user, plan: Plan, department) -> bool:
    """A safety manager, the head of the plan's department, or a drill of a department under
    the plan's (a company plan drilled in a workshop)."""
    if access_for(user).heads(plan.department_id):
        return True
    return department is not None and department.path.startswith(plan.department.path)


@transaction.atomic
def drill_plan_item_add(*, drill_plan: DrillPlan, data: dict, user) -> DrillPlanItem:
    _require_head(user, drill_plan.department_id)
    _require_editable(drill_plan)
    item = DrillPlanItem(drill_plan=drill_plan)
    _apply(item, data, ("plan", "month", "kind", "scenario"))
    if item.plan_id and not _may_drill(user, item.plan, drill_plan.department):
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
    _require_head(user, item.drill_plan.department_id)
    _require_editable(item.drill_plan)
    item.delete()


@transaction.atomic
def drill_plan_submit(*, drill_plan: DrillPlan, user) -> DrillPlan:
    """Ask leadership to approve: a task they sign off, as for training plans."""
    drill_plan = (
        DrillPlan.objects.select_for_update().select_related("department").get(pk=drill_plan.pk)
    )
    _require_head(user, drill_plan.department_id)
    _require_editable(drill_plan)
    if not drill_plan.items.exists():
        raise ApplicationError(
            _("Planned drills: add at least one planned drill before submitting the plan.")
        )
    task = workflow.task_create(
        title=_("Approve the %(plan)s") % {"plan": drill_plan.title},
        description=_("Review the planned drills, months and kinds, then approve or reject."),
        department=drill_plan.department,
        due_date=timezone.localdate() + dt.timedelta(days=APPROVAL_DAYS),
        user=user,
        assignee=user,
        source=drill_plan,
        sign_off_role=Role.LEADERSHIP,
    )
    workflow.task_submit(task=task, user=user, note=_("Drill plan submitted for approval."))
    drill_plan.status = DrillPlanStatus.SUBMITTED
    drill_plan.approval_task = task
    _save(drill_plan, user=user)
    return drill_plan


def on_drill_plan_decided(*, task, signoff) -> None:
    """Called by the workflow when the plan's approval task is signed off."""
    drill_plan = DrillPlan.objects.select_for_update().get(pk=task.source_id)
    if signoff.decision == SignOffDecision.APPROVE:
        drill_plan.status = DrillPlanStatus.APPROVED
        drill_plan.approved_at = signoff.signed_at
    else:
        drill_plan.status = DrillPlanStatus.REJECTED
        drill_plan.approval_task = None
    _save(drill_plan, user=signoff.signer, reason=signoff.comment)


# ------------------------------------------------------------------------------
# Drills, their evaluation and improvements
# ------------------------------------------------------------------------------
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
    _require_head(user, drill.department_id)
    _not_future(drill.held_on, _("Drill date"))
    plan = Plan.objects.select_for_update().select_related("department").get(pk=drill.plan_id)
    if not _may_drill(user, plan, drill.department):
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
        drill.due_on = rules.next_drill_due(plan.kind, before or plan.published_on)
    _save(drill, user=user)
    _attach_all(drill, files, user)
    _redate_drills(plan, user=user)
    _save_plan(
        plan, user=user, reason=_("Drilled on %(date)s") % {"date": drill.held_on.isoformat()}
    )
    return drill


def _redate_drills(plan: Plan, *, user) -> None:
    """Each drill of the plan is due a frequency after the drill before it (by date), the first
    after publication; the plan's last drill is the latest by date. A drill entered late, dated
    before others, moves the due dates of the drills after it. The plan is left to be saved."""
    previous = None
    for drill in plan.drills.order_by("held_on", "pk"):
        due = rules.next_drill_due(plan.kind, previous or plan.published_on)
        if drill.due_on != due:
            drill.due_on = due
            drill._history_user = user
            drill._change_reason = _("Due date recomputed after an earlier drill was recorded")
            drill.save(update_fields=["due_on", "updated_at"])
        if previous is None or drill.held_on > previous:
            previous = drill.held_on
    plan.last_drill_on = previous
    _refresh_drill_due(plan)


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
    _require_head(user, drill.department_id)
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
def improvement_raise(
    *, drill: Drill, user, description: str, department, due_date: dt.date
) -> Improvement:
    """A problem found in the drill becomes a task of the department that owns it."""
    _require_head(user, drill.department_id)
    if not access_for(user).heads(department.pk):
        raise ApplicationError(
            _(
                "Department: you may raise improvements only for departments you head; "
                "ask a safety manager to raise one for %(department)s."
            )
            % {"department": department.name}
        )
    if due_date < drill.held_on:
        raise ApplicationError(_("Due date: an improvement is due after the drill."))
    improvement = Improvement(
        drill=drill, description=description, department=department, due_date=due_date
    )
    _save(improvement, user=user)
    improvement.task = workflow.task_create(
        title=_("Drill improvement: %(problem)s") % {"problem": description[:80]},
        description=_("Found in the drill “%(drill)s” of %(date)s: %(problem)s")
        % {
            "drill": drill.scenario,
            "date": drill.held_on.isoformat(),
            "problem": description,
        },
        department=department,
        due_date=due_date,
        user=user,
        source=improvement,
    )
    improvement.save(update_fields=["task", "updated_at"])
    return improvement


# ------------------------------------------------------------------------------
# Reminders (daily beat): each raised once per record and due date
# ------------------------------------------------------------------------------
def _recipients(department_ids, managers) -> dict[int, list]:
    heads = department_head_users(department_ids=department_ids)
    return {pk: [*heads.get(pk, []), *managers] for pk in department_ids}


@transaction.atomic
def emergency_reminders_send(*, today: dt.date | None = None) -> dict[str, int]:
    today = today or timezone.localdate()
    managers = list(users_with_role(Role.SAFETY_MANAGER))
    plans = list(
        Plan.objects.select_for_update(of=("self",))
        .filter(is_active=True)
        .select_related("department")
    )
    supplies = list(
        Supply.objects.select_for_update(of=("self",))
        .filter(is_active=True)
        .exclude(expires_on__isnull=True, next_check_due__isnull=True)
        .select_related("department")
    )
    recipients = _recipients(
        {p.department_id for p in plans} | {s.department_id for s in supplies}, managers
    )
    batch: list[tuple] = []
    counts = {"drills": 0, "filings": 0, "evaluations": 0, "supplies": 0}
    for plan in plans:
        url = plan.get_absolute_url()
        users = recipients[plan.department_id]
        due = plan.next_drill_due
        # The advance reminder and the overdue one are each raised once per due date; a plan
        # found already overdue gets only the overdue one.
        if due and due < today and plan.drill_overdue_reminded_for != due:
            batch.append(
                (
                    users,
                    _("Drill overdue for %(plan)s: it was due on %(date)s.")
                    % {"plan": plan, "date": due.isoformat()},
                    None,
                    url,
                )
            )
            plan.drill_overdue_reminded_for = plan.drill_reminded_for = due
            counts["drills"] += 1
        elif (
            due
            and today <= due <= today + dt.timedelta(days=DRILL_LEAD_DAYS)
            and plan.drill_reminded_for != due
        ):
            batch.append(
                (
                    users,
                    _("Drill due for %(plan)s by %(date)s.")
                    % {"plan": plan, "date": due.isoformat()},
                    None,
                    url,
                )
            )
            plan.drill_reminded_for = due
            counts["drills"] += 1
        if not plan.filed_on and plan.filing_due < today and not plan.filing_reminded:
            batch.append(
                (
                    users,
                    _("%(plan)s is not filed with the authority: it was due by %(date)s.")
                    % {"plan": plan, "date": plan.filing_due.isoformat()},
                    None,
                    url,
                )
            )
            plan.filing_reminded = True
            counts["filings"] += 1
        evaluation_due = plan.evaluation_due
        if evaluation_due < today and plan.evaluation_overdue_reminded_for != evaluation_due:
            batch.append(
                (
                    users,
                    _("Evaluation of %(plan)s overdue: it was due by %(date)s.")
                    % {"plan": plan, "date": evaluation_due.isoformat()},
                    None,
                    url,
                )
            )
            plan.evaluation_overdue_reminded_for = plan.evaluation_reminded_for = evaluation_due
            counts["evaluations"] += 1
        elif (
            today <= evaluation_due <= today + dt.timedelta(days=EVALUATION_LEAD_DAYS)
            and plan.evaluation_reminded_for != evaluation_due
        ):
            batch.append(
                (
                    users,
                    _("Evaluation of %(plan)s due by %(date)s.")
                    % {"plan": plan, "date": evaluation_due.isoformat()},
                    None,
                    url,
                )
            )
            plan.evaluation_reminded_for = evaluation_due
            counts["evaluations"] += 1
    Plan.objects.bulk_update(plans, REMINDER_FIELDS)
    changed = []
    lead = today + dt.timedelta(days=SUPPLY_LEAD_DAYS)
    for supply in supplies:
        # The expiry and the check are reminded each on its own, once per date.
        users, url = recipients[supply.department_id], supply.get_absolute_url()
        reminded = False
        if (
            supply.expires_on
            and supply.expires_on <= lead
            and supply.expiry_reminded_for != supply.expires_on
        ):
            message = (
                _("%(supply)s expired on %(date)s.")
                if supply.expires_on < today
                else _("%(supply)s expires on %(date)s.")
            )
            batch.append(
                (
                    users,
                    message % {"supply": supply, "date": supply.expires_on.isoformat()},
                    None,
                    url,
                )
            )
            supply.expiry_reminded_for = supply.expires_on
            reminded = True
        if (
            supply.next_check_due
            and supply.next_check_due <= lead
            and supply.check_reminded_for != supply.next_check_due
        ):
            batch.append(
                (
                    users,
                    _("%(supply)s is due for a check by %(date)s.")
                    % {"supply": supply, "date": supply.next_check_due.isoformat()},
                    None,
                    url,
                )
            )
            supply.check_reminded_for = supply.next_check_due
            reminded = True
        if reminded:
            changed.append(supply)
            counts["supplies"] += 1
    Supply.objects.bulk_update(changed, ["expiry_reminded_for", "check_reminded_for"])
    workflow.notify_many(batch)
    return counts
