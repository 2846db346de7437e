from __future__ import annotations

import datetime as dt

from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone

from apps.core.selectors import as_int, by_flag, matching, searched
from apps.emergency import rules
from apps.emergency.models import Drill, DrillPlan, Evaluation, Improvement, Plan, Supply, Team, TeamMember
from apps.org.models import Department
from apps.org.policy import headed_department_ids, in_scope, scope_q
from apps.org.selectors import company_get, in_department

# The drill obligations missed in this many days before a date are overdue (the evidence and the
# overdue page): a period missed stays on the list for a year after it ended.
OBLIGATION_WINDOW_DAYS = 365


def plan_list(*, user, filters: dict | None = None) -> QuerySet[Plan]:
    filters = filters or {}
    today = timezone.localdate()
    qs = in_scope(Plan.objects.select_related("department", "owner"), user)
    qs = searched(qs, filters.get("q"), "code", "title", "scope")
    qs = matching(qs, filters, "kind")
    qs = in_department(qs, filters.get("department"))
    qs = by_flag(qs, filters.get("active"), Q(is_active=True))
    if filters.get("unfiled") == "1":
        qs = qs.filter(filed_on__isnull=True)
    if filters.get("drill_overdue") == "1":
        qs = qs.filter(drill_overdue_q(today))
    if filters.get("evaluation_overdue") == "1":
        qs = qs.filter(pk__in=evaluation_overdue_ids(today))
    return qs.order_by("kind", "code")


def drill_overdue_q(today: dt.date) -> Q:
    return Q(is_active=True, next_drill_due__lt=today)


def evaluation_overdue_ids(today: dt.date) -> list[int]:
    """Plans in force past their evaluation date. The interval is per plan, so the date is
    worked out here rather than in SQL date arithmetic that differs between databases."""
    rows = Plan.objects.filter(is_active=True).values_list(
        "pk", "published_on", "last_evaluated_on", "evaluation_interval_years"
    )
    return [pk for pk, published, last, years in rows if rules.evaluation_due(last or published, years) < today]


def overdue_plans(*, user, today: dt.date | None = None) -> QuerySet[Plan]:
    """Plans in force whose next drill is past due, the longest overdue first."""
    today = today or timezone.localdate()
    return (
        in_scope(Plan.objects.select_related("department", "owner"), user)
        .filter(drill_overdue_q(today))
        .order_by("next_drill_due", "code")
    )


def drills_half_yearly() -> bool:
    """Whether the company is a unit of 708号 第八条 (its profile says so)."""
    company = company_get()
    return bool(company and company.drills_half_yearly)


def drill_obligations(as_of: dt.date) -> list[rules.Obligation]:
    """The company's drill obligations (rules.drill_obligations) up to the date: from the first
    publication of a plan in force of each group, with every drill held by the date (of any plan,
    withdrawn since or not)."""
    since: dict[str, dt.date] = {}
    for kind, published in Plan.objects.filter(is_active=True, published_on__lte=as_of).values_list(
        "kind", "published_on"
    ):
        group = rules.drill_group(kind)
        since[group] = min(published, since.get(group, published))
    drills = Drill.objects.filter(held_on__lte=as_of).values_list("plan__kind", "held_on")
    return rules.drill_obligations(drills, as_of, since=since, high_risk=drills_half_yearly())


def obligations_overdue(obligations: list[rules.Obligation], as_of: dt.date) -> list[rules.Obligation]:
    return rules.missed(obligations, as_of, window_days=OBLIGATION_WINDOW_DAYS)


def plan_get(*, user, pk: int) -> Plan:
    return plan_list(user=user).get(pk=pk)


def evaluation_list(*, user) -> QuerySet[Evaluation]:
    return in_scope(Evaluation.objects.select_related("plan", "evaluated_by"), user, "plan__department_id")


def team_list(*, user, filters: dict | None = None) -> QuerySet[Team]:
    filters = filters or {}
    qs = in_scope(Team.objects.select_related("department"), user).annotate(member_count=Count("members"))
    qs = searched(qs, filters.get("q"), "name", "leader", "agreement_party")
    qs = matching(qs, filters, "kind")
    return in_department(qs, filters.get("department")).order_by("kind", "name")


def member_list(*, user) -> QuerySet[TeamMember]:
    return in_scope(TeamMember.objects.select_related("team"), user, "team__department_id")


def supply_list(*, user, filters: dict | None = None) -> QuerySet[Supply]:
    filters = filters or {}
    today = timezone.localdate()
    qs = in_scope(Supply.objects.select_related("department", "keeper"), user)
    qs = searched(qs, filters.get("q"), "name", "location", "specification")
    qs = matching(qs, filters, "kind")
    qs = searched(qs, filters.get("location"), "location")
    qs = in_department(qs, filters.get("department"))
    flag = filters.get("flag")
    if flag == "expired":
        qs = qs.filter(expires_on__lt=today)
    elif flag == "missing":
        qs = qs.filter(quantity__lt=F("required_quantity"))
    elif flag == "check_due":
        qs = qs.filter(next_check_due__lt=today)
    if filters.get("active") != "0":
        qs = qs.filter(is_active=True)
    return qs.order_by("location", "name", "pk")


def drill_list(*, user, filters: dict | None = None) -> QuerySet[Drill]:
    filters = filters or {}
    # A department with an improvement to make sees the drill that found it.
    owned = in_scope(Improvement.objects.all(), user).values("drill_id")
    qs = in_scope(Drill.objects.select_related("plan", "department"), user, also=Q(pk__in=owned))
    qs = searched(qs, filters.get("q"), "scenario", "plan__title", "plan__code")
    qs = matching(qs, filters, "kind")
    if plan := as_int(filters.get("plan")):
        qs = qs.filter(plan_id=plan)
    if year := as_int(filters.get("year")):
        qs = qs.filter(held_on__year=year)
    qs = by_flag(qs, filters.get("evaluated"), Q(evaluated_on__isnull=False))
    qs = in_department(qs, filters.get("department"))
    return qs.annotate(improvement_count=Count("improvements")).order_by("-held_on", "-pk")


def drill_get(*, user, pk: int) -> Drill:
    return drill_list(user=user).get(pk=pk)


def improvement_list(*, user) -> QuerySet[Improvement]:
    """The improvements of the drills in scope and those owned by a department in scope."""
    qs = Improvement.objects.select_related("drill", "department", "task")
    return in_scope(qs, user, "drill__department_id", also=scope_q(user))


def _with_ancestors(departments) -> set[int]:
    """The departments and every department above them (ids read from the materialised path)."""
    return {int(part) for d in departments for part in d.path.strip("/").split("/") if part}


def drillable_plans(*, user=None, department=None) -> QuerySet[Plan]:
    """Plans in force a drill may be recorded or planned against: every plan for safety
    managers; otherwise the plans of the departments the user heads and of the departments above
    them (a company plan is drilled in a workshop). With `department`, the plans of that
    department and of the departments above it."""
    qs = Plan.objects.filter(is_active=True).select_related("department").order_by("kind", "code")
    if department is not None:
        return qs.filter(department_id__in=_with_ancestors([department]))
    headed_ids = headed_department_ids(user)
    if headed_ids is None:
        return qs
    headed = Department.objects.filter(pk__in=headed_ids).only("path")
    return qs.filter(department_id__in=_with_ancestors(headed))


def drill_plan_list(*, user) -> QuerySet[DrillPlan]:
    return (
        in_scope(DrillPlan.objects.select_related("department", "approval_task"), user)
        .annotate(item_count=Count("items"))
        .order_by("-year", "department__path")
    )
