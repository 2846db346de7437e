from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from guardian.models import UserObjectPermission

from apps.core.selectors import as_int
from apps.org.access import access_for
from apps.org.models import Department, DepartmentKind, Employee, Role
from apps.org.selectors import EMPLOYEE_FLAGS, employee_list
from apps.responsibility import schedule
from apps.responsibility.models import (
    DepartmentTarget,
    DutyDocument,
    LetterLevel,
    LetterStatus,
    Meeting,
    MeetingLevel,
    MeetingSettings,
    Objective,
    ResponsibilityLetter,
    SafetyBody,
    is_met,
)

TOP_KINDS = (DepartmentKind.DEPARTMENT, DepartmentKind.WORKSHOP)
LOWER_KINDS = (DepartmentKind.SECTION, DepartmentKind.TEAM)


def _scope(qs, user, field: str = "department_id"):
    """Safety managers and leadership see all; heads their departments; others nothing more."""
    access = access_for(user)
    if access.sees_everything:
        return qs
    return qs.filter(**{f"{field}__in": access.headed_department_ids})


# ------------------------------------------------------------------------------
# Objectives
# ------------------------------------------------------------------------------
@dataclass
class ObjectiveRow:
    objective: Objective
    actual: object
    live: bool
    met: bool | None
    targets: list


def objective_rows(
    *, year: int, user, as_of: dt.date | None = None, live: dict | None = None
) -> list[ObjectiveRow]:
    """Each objective with its actual value: live from the evidence providers when it names an
    indicator that exists, the entered figure otherwise. Department targets are those the
    user may see (their departments for heads)."""
    from apps.scoring.registry import indicators

    objectives = list(Objective.objects.filter(year=year).prefetch_related("targets__department"))
    live_values = live if live is not None else {}
    if live is None and any(o.indicator_key for o in objectives):
        as_of = as_of or min(timezone.localdate(), dt.date(year, 12, 31))
        live_values = indicators(as_of)
    access = access_for(user)
    rows = []
    for objective in objectives:
        indicator = live_values.get(objective.indicator_key) if objective.indicator_key else None
        if indicator is not None:
            actual, live = indicator.value, True
            if isinstance(actual, bool):
                actual = Decimal(int(actual))
        else:
            actual, live = objective.manual_actual, False
        targets = [
            t
            for t in objective.targets.all()
            if access.sees_everything or t.department_id in access.headed_department_ids
        ]
        rows.append(
            ObjectiveRow(
                objective,
                actual,
                live,
                is_met(objective.direction, objective.target, actual),
                targets,
            )
        )
    return rows


def target_list(*, user, year: int) -> QuerySet[DepartmentTarget]:
    qs = DepartmentTarget.objects.filter(objective__year=year).select_related(
        "objective", "department"
    )
    return _scope(qs, user)


def assessment_list(*, user, year: int):
    from apps.responsibility.models import DepartmentAssessment

    qs = DepartmentAssessment.objects.filter(year=year).select_related(
        "department", "approval_task"
    )
    return _scope(qs, user)


def duty_list(
    *, user, filters: dict | None = None, year: int | None = None
) -> QuerySet[DutyDocument]:
    """Duty documents with their number of reviews and the result of `year`'s review."""
    from django.db.models import OuterRef, Subquery

    from apps.responsibility.models import DutyReview

    filters = filters or {}
    qs = DutyDocument.objects.select_related("department", "position").annotate(
        review_count=Count("reviews"),
        year_result=Subquery(
            DutyReview.objects.filter(
                document=OuterRef("pk"), year=year or timezone.localdate().year
            ).values("result")[:1]
        ),
    )
    if filters.get("current", "1") == "1":
        qs = qs.filter(is_current=True)
    if scope := filters.get("scope"):
        qs = qs.filter(scope=scope)
    return qs.order_by("scope", "title", "-version", "pk")


# ------------------------------------------------------------------------------
# Letters
# ------------------------------------------------------------------------------
def _direct_heads() -> dict[int, list[int]]:
    """Department id → user ids holding head rights directly on it (one query)."""
    rows = UserObjectPermission.objects.filter(
        content_type=ContentType.objects.get_for_model(Department),
        permission__codename="head_department",
        user__is_active=True,
    ).values_list("object_pk", "user_id")
    heads: dict[int, list[int]] = {}
    for object_pk, user_id in rows:
        heads.setdefault(int(object_pk), []).append(user_id)
    return heads


# (department id, issuer employee id, holder employee id) of one letter
Pair = tuple[int, int, int]


def letter_pairs(level: str) -> tuple[list[Pair], int]:
    """(department id, issuer employee id, holder employee id) for every letter of a level,
    and the number of units skipped for lack of a head. A fixed number of queries."""
    heads = _direct_heads()
    employees = list(
        Employee.objects.filter(is_active=True).values_list(
            "id", "department_id", "user_id", "is_principal_head"
        )
    )
    units = list(Department.objects.filter(is_active=True).values_list("id", "kind", "path"))
    head_of = _head_finder(heads, employees)
    if level == LetterLevel.COMPANY:
        pairs, skipped = _company_pairs(units, employees, head_of)
    elif level == LetterLevel.DEPARTMENT:
        pairs, skipped = _department_pairs(units, head_of)
    else:
        pairs, skipped = _team_pairs(units, employees, head_of)
    return _one_per_holder(pairs), skipped


def _head_finder(heads: dict[int, list[int]], employees: list) -> Callable[[int], int | None]:
    """Unit id → the employee id of its first direct head who is an active employee, if any."""
    by_user = {user_id: pk for pk, _dept, user_id, _p in employees if user_id}

    def head_of(unit_id: int) -> int | None:
        for user_id in heads.get(unit_id, []):
            if user_id in by_user:
                return by_user[user_id]
        return None

    return head_of


def _company_pairs(units: list, employees: list, head_of) -> tuple[list[Pair], int]:
    """The principal head issues to the heads of departments and workshops and to leadership."""
    principal = next((pk for pk, _dept, _u, is_principal in employees if is_principal), None)
    if principal is None:
        return [], 1
    skipped = 0
    holders: dict[int, int] = {}
    for unit_id, kind, _path in units:
        if kind in TOP_KINDS:
            head = head_of(unit_id)
            if head is None:
                skipped += 1
            elif head != principal:
                holders.setdefault(head, unit_id)
    leaders = Employee.objects.filter(
        is_active=True, user__groups__name=Role.LEADERSHIP
    ).values_list("id", "department_id")
    for pk, dept in leaders:
        if pk != principal:
            holders.setdefault(pk, dept)
    return [(dept, principal, holder) for holder, dept in holders.items()], skipped


def _department_pairs(units: list, head_of) -> tuple[list[Pair], int]:
    """The head of each department or workshop issues to the heads of the sections and teams
    below it."""
    pairs: list[Pair] = []
    skipped = 0
    for unit_id, kind, path in units:
        if kind not in TOP_KINDS:
            continue
        issuer = head_of(unit_id)
        if issuer is None:
            skipped += 1
            continue
        for sub_id, sub_kind, sub_path in units:
            if sub_kind in LOWER_KINDS and sub_path.startswith(path):
                holder = head_of(sub_id)
                if holder is not None and holder != issuer:
                    pairs.append((sub_id, issuer, holder))
    return pairs, skipped


def _team_pairs(units: list, employees: list, head_of) -> tuple[list[Pair], int]:
    """The head of each section or team issues to its staff; a unit with staff but no head is
    skipped."""
    staff: dict[int, list[int]] = {}
    for pk, dept, _u, _p in employees:
        staff.setdefault(dept, []).append(pk)
    pairs: list[Pair] = []
    skipped = 0
    for unit_id, kind, _path in units:
        if kind not in LOWER_KINDS:
            continue
        issuer = head_of(unit_id)
        if issuer is None:
            skipped += 1 if staff.get(unit_id) else 0
            continue
        pairs.extend((unit_id, issuer, pk) for pk in staff.get(unit_id, []) if pk != issuer)
    return pairs, skipped


def _one_per_holder(pairs: list[Pair]) -> list[Pair]:
    """The first pair of each holder: nobody holds two letters of one level."""
    seen: set[int] = set()
    unique = []
    for pair in pairs:
        if pair[2] not in seen:
            seen.add(pair[2])
            unique.append(pair)
    return unique


def letter_list(*, user, filters: dict | None = None) -> QuerySet[ResponsibilityLetter]:
    """Letters a person may see: all for managers and leadership, their departments' for heads,
    and those they are a party to."""
    filters = filters or {}
    access = access_for(user)
    qs = ResponsibilityLetter.objects.select_related("department", "issuer", "holder")
    if not access.sees_everything:
        condition = Q(department_id__in=access.headed_department_ids)
        if access.employee_id:
            condition |= Q(issuer_id=access.employee_id) | Q(holder_id=access.employee_id)
        qs = qs.filter(condition)
    if year := as_int(filters.get("year")):
        qs = qs.filter(year=year)
    if level := filters.get("level"):
        qs = qs.filter(level=level)
    if status := filters.get("status"):
        qs = qs.filter(status=status)
    if department := as_int(filters.get("department")):
        path = Department.objects.filter(pk=department).values("path")[:1]
        qs = qs.filter(department__path__startswith=path)
    return qs.order_by("department__path", "level", "holder__employee_no")


def signing_progress(*, user, year: int) -> list[dict]:
    """Per department: letters issued and signed by both sides (one query)."""
    rows = (
        letter_list(user=user, filters={"year": year})
        .order_by()
        .values("department_id", "department__name", "department__path")
        .annotate(total=Count("pk"), signed=Count("pk", filter=Q(status=LetterStatus.SIGNED)))
        .order_by("department__path")
    )
    return [
        {**row, "rate": (Decimal(row["signed"]) * 100 / row["total"]).quantize(Decimal("0.1"))}
        for row in rows
    ]


# ------------------------------------------------------------------------------
# Organisation
# ------------------------------------------------------------------------------
def body_list() -> QuerySet[SafetyBody]:
    return SafetyBody.objects.select_related("document").prefetch_related(
        "members__employee__department"
    )


def officer_list(*, user) -> QuerySet[Employee]:
    return employee_list(user=user, filters={"flag": "safety_officer"}).order_by(
        "department__path", "employee_no"
    )


def units_without_officer(*, department_ids=None) -> list[Department]:
    """Active departments, workshops, sections and teams with no active safety officer of
    their own (two queries)."""
    with_officer = set(
        Employee.objects.filter(EMPLOYEE_FLAGS["safety_officer"], is_active=True).values_list(
            "department_id", flat=True
        )
    )
    units = Department.objects.filter(is_active=True).exclude(kind=DepartmentKind.COMPANY)
    if department_ids is not None:
        units = units.filter(id__in=department_ids)
    return [unit for unit in units.order_by("path") if unit.pk not in with_officer]


# ------------------------------------------------------------------------------
# Meetings
# ------------------------------------------------------------------------------
def meeting_list(*, user, filters: dict | None = None) -> QuerySet[Meeting]:
    filters = filters or {}
    access = access_for(user)
    qs = Meeting.objects.select_related("department", "chair").annotate(
        attendee_count=Count("attendees", distinct=True),
        decision_count=Count("decisions", distinct=True),
    )
    if not access.sees_everything:
        condition = Q(department_id__in=access.headed_department_ids) | Q(
            level=MeetingLevel.COMPANY
        )
        if access.employee_id:
            condition |= Q(attendees__id=access.employee_id)
        qs = qs.filter(condition).distinct()
    if level := filters.get("level"):
        qs = qs.filter(level=level)
    if year := as_int(filters.get("year")):
        qs = qs.filter(scheduled_on__year=year)
    return qs.order_by("-scheduled_on", "-pk")


@dataclass
class ComplianceRow:
    level: str
    department: Department
    frequency: str
    result: schedule.Compliance


def meeting_compliance(*, year: int, as_of: dt.date, department_ids=None) -> list[ComplianceRow]:
    """Meetings held against required per unit: the company, then every department and
    workshop. Three queries, whatever the number of meetings."""
    settings = MeetingSettings.objects.order_by("pk").first() or MeetingSettings()
    units = list(
        Department.objects.filter(
            is_active=True, kind__in=(DepartmentKind.COMPANY, *TOP_KINDS)
        ).order_by("path")
    )
    held: dict[tuple[str, int], list[dt.date]] = {}
    for level, department_id, held_on in Meeting.objects.filter(
        held_on__year=year, held_on__isnull=False
    ).values_list("level", "department_id", "held_on"):
        held.setdefault((level, department_id), []).append(held_on)
    rows = []
    for unit in units:
        if department_ids is not None and unit.pk not in department_ids:
            continue
        level = (
            MeetingLevel.COMPANY if unit.kind == DepartmentKind.COMPANY else MeetingLevel.DEPARTMENT
        )
        frequency = settings.frequency(level)
        dates = held.get((level, unit.pk), [])
        if level == MeetingLevel.COMPANY:
            dates = [d for (lv, _d), ds in held.items() if lv == level for d in ds]
        rows.append(
            ComplianceRow(
                level, unit, frequency, schedule.compliance(frequency, year, as_of, dates)
            )
        )
    return rows
