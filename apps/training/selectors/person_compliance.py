"""Compliance per person: each person's hours and three-level induction against the rule set in
force.

Compliance is summed in the database (grouped queries over the attendance table alone) and judged
in Python against the rule set in force, so a page runs the same queries for 10 people as for
10,000.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Exists, Max, OuterRef, Q, QuerySet, Subquery, Sum
from django.utils import timezone

from apps.org.models import Employee
from apps.training import rules
from apps.training.models import (
    INDUCTION_LEVELS,
    MANAGER_INITIAL_LEVELS,
    REINDUCTION_LEVELS,
    Attendance,
    Certificate,
    Reinduction,
    SessionLevel,
    TrainingRole,
)
from apps.training.selectors.certificates import _newer_certificate
from apps.training.selectors.rulesets import Requirements, requirements
from apps.training.selectors.visibility import visible_employees

ZERO = Decimal(0)


@dataclass
class PersonCompliance:
    employee_id: int
    employee_no: str
    name: str
    department_id: int
    department_name: str
    department_path: str
    role: str
    hire_date: dt.date | None
    initial_hours: Decimal
    initial_required: int
    annual_hours: Decimal
    annual_required: int
    induction_levels: set = field(default_factory=set)
    reinduction_since: dt.date | None = None
    has_expired_certificate: bool = False
    # The training year the yearly hours are counted over, and how much of it has gone: the
    # yearly hours are judged when it is over; before that they are progress.
    year_start: dt.date | None = None
    year_end: dt.date | None = None
    year_elapsed: Decimal = Decimal(100)

    @property
    def year_over(self) -> bool:
        return self.year_elapsed >= 100

    @property
    def initial_short(self) -> Decimal:
        return max(ZERO, self.initial_required - self.initial_hours)

    @property
    def annual_short(self) -> Decimal:
        return max(ZERO, self.annual_required - self.annual_hours)

    @property
    def annual_in_progress(self) -> bool:
        """Short of the yearly hours with the training year still running: not yet a failure."""
        return bool(self.annual_short) and not self.year_over

    @property
    def annual_behind(self) -> bool:
        """In progress and behind the share of the year gone (a warning, not a judgement)."""
        return self.annual_in_progress and self.annual_hours * 100 < self.annual_required * self.year_elapsed

    @property
    def hours_ok(self) -> bool:
        """The initial hours are judged at any time, the yearly ones once the training year is
        over."""
        return self.initial_short == 0 and (self.annual_short == 0 or not self.year_over)

    @property
    def induction_missing(self) -> list[str]:
        """The induction levels still to attend (all three, or two after a post change)."""
        needed = REINDUCTION_LEVELS if self.reinduction_since else INDUCTION_LEVELS
        return [level for level in needed if level not in self.induction_levels]

    @property
    def induction_complete(self) -> bool:
        return not self.induction_missing

    @property
    def is_compliant(self) -> bool:
        return self.hours_ok and self.induction_complete

    @property
    def needs_attention(self) -> bool:
        """Failing something, or behind with the yearly hours."""
        return not self.is_compliant or self.annual_behind

    @property
    def role_label(self) -> str:
        return str(TrainingRole(self.role).label)

    @property
    def induction_missing_labels(self) -> list[str]:
        return [str(SessionLevel(level).label) for level in self.induction_missing]


def _latest_reinductions(employees: QuerySet[Employee], as_of: dt.date) -> dict[int, dt.date]:
    """Each person's latest repeated induction up to `as_of` (people with none are left out)."""
    return dict(
        Reinduction.objects.filter(employee_id__in=employees.values("id"), since__lte=as_of)
        .order_by()
        .values("employee_id")
        .annotate(since=Max("since"))
        .values_list("employee_id", "since")
    )


def _attendance_sums(attendance: QuerySet[Attendance], year_start: dt.date) -> QuerySet:
    """Per person: induction hours, hours of the levels that count as initial for managers,
    this training year's other hours, and the last passed induction per level."""
    passed = ~Q(passed=False)
    # order_by(): the model's ordering would join sessions and people into the grouped query.
    return (
        attendance.order_by()
        .values("employee_id")
        .annotate(
            induction=Sum("hours_credited", filter=Q(level__in=INDUCTION_LEVELS)),
            manager_initial=Sum("hours_credited", filter=Q(level__in=MANAGER_INITIAL_LEVELS)),
            annual=Sum("hours_credited", filter=Q(date__gte=year_start) & ~Q(level__in=INDUCTION_LEVELS)),
            **{f"last_{level}": Max("date", filter=passed & Q(level=level)) for level in INDUCTION_LEVELS},
        )
    )


def _sums_since_reinduction(
    present: QuerySet[Attendance], reinduced_on: dict[int, dt.date], as_of: dt.date
) -> dict[int, dict]:
    """For the people who had a repeated induction: the initial hours attended since their
    latest one (one grouped query; none when nobody had one)."""
    if not reinduced_on:
        return {}
    latest = Reinduction.objects.filter(employee_id=OuterRef("employee_id"), since__lte=as_of).order_by("-since")
    return {
        row["employee_id"]: row
        for row in present.filter(employee_id__in=list(reinduced_on))
        .filter(date__gte=Subquery(latest.values("since")[:1]))
        .order_by()
        .values("employee_id")
        .annotate(
            induction=Sum("hours_credited", filter=Q(level__in=INDUCTION_LEVELS)),
            manager_initial=Sum("hours_credited", filter=Q(level__in=MANAGER_INITIAL_LEVELS)),
        )
    }


def _expired_holders(active: QuerySet[Employee], as_of: dt.date) -> set[int]:
    """The people holding an expired certificate that no valid one of its type replaces."""
    return set(
        Certificate.objects.filter(holder_id__in=active.values("id"), valid_until__lt=as_of)
        .exclude(Exists(_newer_certificate(as_of)))
        .values_list("holder_id", flat=True)
    )


def _people(active: QuerySet[Employee]) -> QuerySet:
    return active.values(
        "id",
        "employee_no",
        "name",
        "department_id",
        "department__name",
        "department__path",
        "is_principal_head",
        "is_safety_manager",
        "hire_date",
    ).order_by("department__path", "employee_no")


def _person_compliance(
    p: dict,
    *,
    need: Requirements,
    year: tuple[dt.date, dt.date, Decimal],
    totals: dict,
    reinduced: dt.date | None,
    since_reinduction: dict,
    has_expired_certificate: bool,
) -> PersonCompliance:
    """One person's row from their sums: `totals` over all their attendance, and
    `since_reinduction` over what followed their latest repeated induction (if any)."""
    role = rules.role_of(is_principal_head=p["is_principal_head"], is_safety_manager=p["is_safety_manager"])
    initial_need, annual_need = need.table[(role, need.high_risk)]
    hire = p["hire_date"]
    year_start, year_end, elapsed = year
    # People hired this training year are held to the initial hours; the yearly refresher
    # starts the training year after.
    if hire is not None and hire >= year_start:
        annual_need = 0
    initial_from = since_reinduction if reinduced is not None else totals
    initial = initial_from.get("induction") or ZERO
    if p["is_principal_head"] or p["is_safety_manager"]:
        initial += initial_from.get("manager_initial") or ZERO
    levels = set()
    for level in INDUCTION_LEVELS:
        last = totals.get(f"last_{level}")
        if last is not None and (reinduced is None or last >= reinduced):
            levels.add(level)
    return PersonCompliance(
        employee_id=p["id"],
        employee_no=p["employee_no"],
        name=p["name"],
        department_id=p["department_id"],
        department_name=p["department__name"],
        department_path=p["department__path"],
        role=role,
        hire_date=hire,
        initial_hours=initial,
        initial_required=initial_need,
        annual_hours=totals.get("annual") or ZERO,
        annual_required=annual_need,
        induction_levels=levels,
        reinduction_since=reinduced,
        has_expired_certificate=has_expired_certificate,
        year_start=year_start,
        year_end=year_end,
        year_elapsed=elapsed,
    )


def compliance(
    employees: QuerySet[Employee], *, as_of: dt.date, need: Requirements | None = None
) -> list[PersonCompliance]:
    """Each active employee's hours and induction against the rule set in force, the yearly
    hours counted over the company's training year containing `as_of`.

    A fixed number of queries whatever the number of people: settings, rule rows, company, the
    people, their latest repeated inductions, attendance summed per person over the attendance
    table alone (one grouped query), the same since the repeated induction for the people who
    had one, and expired certificates (less the first three when `need` is given).
    """
    need = need or requirements()
    year_start, year_end = need.training_year(as_of)
    year = (year_start, year_end, rules.year_elapsed(as_of, year_start, year_end))
    active = employees.filter(is_active=True)
    # Initial training: the induction levels; for principal heads and safety management staff
    # also external and special-topic courses (their 32/48-hour qualification course is
    # usually external). After a repeated induction only what followed it counts: the person
    # is new staff again.
    present = Attendance.objects.filter(employee_id__in=active.values("id"), present=True, date__lte=as_of)
    sums = {row["employee_id"]: row for row in _attendance_sums(present, year_start)}
    reinduced_on = _latest_reinductions(active, as_of)
    since = _sums_since_reinduction(present, reinduced_on, as_of)
    expired = _expired_holders(active, as_of)
    empty: dict = {}
    return [
        _person_compliance(
            p,
            need=need,
            year=year,
            totals=sums.get(p["id"], empty),
            reinduced=reinduced_on.get(p["id"]),
            since_reinduction=since.get(p["id"], empty),
            has_expired_certificate=p["id"] in expired,
        )
        for p in _people(active)
    ]


def compliance_rows(
    *, user, filters: dict | None = None, as_of: dt.date | None = None, need: Requirements | None = None
) -> list[PersonCompliance]:
    filters = filters or {}
    rows = compliance(visible_employees(user=user, filters=filters), as_of=as_of or timezone.localdate(), need=need)
    if filters.get("short") == "1":
        rows = [r for r in rows if r.needs_attention]
    return rows
