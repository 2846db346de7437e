from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, F, IntegerField, OuterRef, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce, Greatest, TruncMonth
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.accidents import rules
from apps.accidents.models import (
    GB6441_2025_FROM,
    Accident,
    AccidentType,
    Edition,
    Grade,
    Lesson,
    ManHours,
    Person,
    Severity,
)
from apps.core.selectors import as_int, by_flag, matching, searched
from apps.org.policy import in_scope, visible_department_ids
from apps.org.selectors import in_department
from apps.workflow.models import Task


def accident_detail_list(*, user) -> QuerySet[Accident]:
    """Accidents the user may see, with what the detail shows (people, updates, measures)."""
    return accident_list(user=user).prefetch_related("people", "updates", "measures__task")


def accident_list(*, user, filters: dict | None = None) -> QuerySet[Accident]:
    filters = filters or {}
    qs = in_scope(Accident.objects.select_related("department", "accident_type"), user)
    qs = searched(qs, filters.get("q"), "code", "title", "place", "account")
    qs = matching(qs, filters, "grade", "status")
    if accident_type := as_int(filters.get("type")):
        qs = qs.filter(accident_type_id=accident_type)
    if year := as_int(filters.get("year")):
        qs = qs.filter(occurred_at__year=year)
    qs = by_flag(qs, filters.get("near_miss"), Q(is_near_miss=True))
    qs = in_department(qs, filters.get("department"))
    return qs.order_by("-occurred_at", "-pk")


def accident_get(*, user, pk: int) -> Accident:
    return accident_list(user=user).get(pk=pk)


def measure_tasks(accident: Accident) -> list:
    return list(accident.measures.select_related("task__department").order_by("pk"))


def source_tasks(accident: Accident) -> QuerySet[Task]:
    return Task.objects.filter(source_type__app_label="accidents", source_type__model="accident", source_id=accident.pk)


def lesson_list(*, user) -> QuerySet[Lesson]:
    """Lessons of the accidents one sees, and those shared with one's departments."""
    qs = Lesson.objects.select_related("accident").prefetch_related("departments")
    visible = visible_department_ids(user)
    if visible is not None:
        shared = Lesson.objects.filter(Q(accident__department_id__in=visible) | Q(departments__in=visible)).values("pk")
        qs = qs.filter(pk__in=shared)
    return qs.annotate(attendance=Count("attendees", distinct=True)).order_by("-held_on", "-pk")


def man_hours_list(*, user, filters: dict | None = None) -> QuerySet[ManHours]:
    filters = filters or {}
    qs = in_scope(ManHours.objects.select_related("department"), user)
    if year := as_int(filters.get("year")):
        qs = qs.filter(month__year=year)
    qs = in_department(qs, filters.get("department"), direct=True)
    return qs.order_by("-month", "department__code")


def types_for(occurred_on: dt.date | None) -> QuerySet[AccidentType]:
    edition = Edition.GB6441_1986 if occurred_on and occurred_on < GB6441_2025_FROM else Edition.GB6441_2025
    return AccidentType.objects.filter(edition=edition)


def lost_time_injuries():
    """Lost-time injuries of each accident, for Sum() over accidents.

    The accident's counts are the reference (casualty updates change only them); under GB 6441
    every death, serious and minor injury (a minor one loses at least one workday) is a
    lost-time injury. People recorded with a death, a serious injury or lost workdays count
    when there are more of them than the counts say. So: the greater of the two, per accident.
    Lost workdays themselves are known only from the people recorded.
    """
    people = (
        Person.objects.filter(accident=OuterRef("pk"))
        .filter(Q(severity__in=(Severity.DEATH, Severity.SERIOUS)) | Q(lost_workdays__gt=0))
        .order_by()
        .values("accident")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Greatest(
        Coalesce(Subquery(people, output_field=IntegerField()), Value(0)),
        F("deaths") + F("serious_injuries") + F("minor_injuries"),
        output_field=IntegerField(),
    )


# ------------------------------------------------------------------------------
# Statistics: a fixed number of grouped queries whatever the number of accidents or months
# ------------------------------------------------------------------------------
@dataclass
class Period:
    label: str
    accidents: int = 0
    near_misses: int = 0
    deaths: int = 0
    serious: int = 0
    minor: int = 0
    lost_time: int = 0
    lost_workdays: int = 0
    direct_loss: float = 0
    hours: float = 0
    staff: float = 0  # average headcount over the months with man-hours
    months_with_staff: int = 0
    staff_total: int = 0

    @property
    def recordable(self) -> int:
        return self.deaths + self.serious + self.minor

    @property
    def trir(self):
        return rules.rate(self.recordable, self.hours, rules.TRIR_BASE)

    @property
    def ltifr(self):
        return rules.rate(self.lost_time, self.hours, rules.LTIFR_BASE)

    @property
    def deaths_per_thousand(self):
        return rules.per_thousand_staff(self.deaths, self.staff)

    @property
    def serious_per_thousand(self):
        return rules.per_thousand_staff(self.serious, self.staff)


@dataclass
class Statistics:
    year: int
    months: list[Period]
    total: Period
    years: list[Period] = field(default_factory=list)  # the year and the ones before it
    by_type: list[dict] = field(default_factory=list)
    by_grade: list[dict] = field(default_factory=list)
    by_department: list[dict] = field(default_factory=list)


YEARS_SHOWN = 5
FIRST_YEAR = 1950  # no accident record here is older


def statistics_year(value) -> tuple[int, str | None]:
    """The year asked for, or this year with the reason when it is missing or out of range."""
    this_year = timezone.localdate().year
    if value in (None, ""):
        return this_year, None
    year = as_int(value)
    if year is None or not FIRST_YEAR <= year <= this_year + 1:
        return this_year, _("Year: choose a year from %(first)d to %(last)d.") % {
            "first": FIRST_YEAR,
            "last": this_year + 1,
        }
    return year, None


def _bounds(start: dt.date, end: dt.date) -> tuple[dt.datetime, dt.datetime]:
    tz = timezone.get_current_timezone()
    return (dt.datetime.combine(start, dt.time.min, tzinfo=tz), dt.datetime.combine(end, dt.time.min, tzinfo=tz))


def _month_key(value) -> tuple[int, int]:
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
    return value.year, value.month


def _add_up(total: Period, periods) -> Period:
    for period in periods:
        for name in (
            "accidents",
            "near_misses",
            "deaths",
            "serious",
            "minor",
            "lost_time",
            "lost_workdays",
            "direct_loss",
            "hours",
        ):
            setattr(total, name, getattr(total, name) + getattr(period, name))
        if period.staff_total:
            total.months_with_staff += 1
            total.staff_total += period.staff_total
    total.staff = total.staff_total / total.months_with_staff if total.months_with_staff else 0
    return total


REAL = Q(is_near_miss=False)  # an accident, not a near miss


def _statistics_rows(*, user, first_year: int, year: int, departments):
    """The accidents, man-hours and people of the years shown that the user may see (of the
    departments given, when given)."""
    start, end = _bounds(dt.date(first_year, 1, 1), dt.date(year + 1, 1, 1))
    accidents = in_scope(Accident.objects.filter(occurred_at__gte=start, occurred_at__lt=end), user)
    hours = in_scope(
        ManHours.objects.filter(month__gte=dt.date(first_year, 1, 1), month__lt=dt.date(year + 1, 1, 1)), user
    )
    people = in_scope(
        Person.objects.filter(
            accident__occurred_at__gte=start, accident__occurred_at__lt=end, accident__is_near_miss=False
        ),
        user,
        "accident__department_id",
    )
    if departments is not None:
        accidents = accidents.filter(department_id__in=departments)
        hours = hours.filter(department_id__in=departments)
        people = people.filter(accident__department_id__in=departments)
    return accidents, hours, people


def _months(accidents, hours, people, *, first_year: int, year: int) -> dict:
    """Every month of the years shown, (year, month) → Period: three queries."""
    months = {(y, m): Period(f"{y}-{m:02d}") for y in range(first_year, year + 1) for m in range(1, 13)}
    for row in (
        accidents.annotate(m=TruncMonth("occurred_at"))
        .values("m")
        .annotate(
            # First: its F("deaths") etc. must name the fields, not the sums below.
            lost_time=Sum(lost_time_injuries(), filter=REAL),
            accidents=Count("pk", filter=REAL),
            near_misses=Count("pk", filter=~REAL),
            deaths=Sum("deaths", filter=REAL),
            serious=Sum("serious_injuries", filter=REAL),
            minor=Sum("minor_injuries", filter=REAL),
            loss=Sum("direct_loss", filter=REAL),
        )
    ):
        period = months[_month_key(row["m"])]
        period.accidents += row["accidents"]
        period.near_misses += row["near_misses"]
        period.deaths += row["deaths"] or 0
        period.serious += row["serious"] or 0
        period.minor += row["minor"] or 0
        period.direct_loss += float(row["loss"] or 0)
        period.lost_time += row["lost_time"] or 0
    for row in people.annotate(m=TruncMonth("accident__occurred_at")).values("m").annotate(days=Sum("lost_workdays")):
        period = months[_month_key(row["m"])]
        period.lost_workdays += row["days"] or 0
    for row in hours.values("month").annotate(h=Sum("hours"), staff=Sum("headcount")):
        period = months[(row["month"].year, row["month"].month)]
        period.hours += float(row["h"] or 0)
        period.staff_total += row["staff"] or 0
    for period in months.values():
        period.staff = period.staff_total
    return months


def _breakdowns(accidents, year: int) -> tuple[list[dict], list[dict], list[dict]]:
    """The year's accidents by type and by grade, and with its near misses by department:
    three queries."""
    accidents = accidents.filter(occurred_at__gte=_bounds(dt.date(year, 1, 1), dt.date(year, 1, 2))[0])
    grouped = accidents.filter(REAL)
    by_type = list(
        grouped.values("accident_type__edition", "accident_type__code", "accident_type__name")
        .annotate(count=Count("pk"), deaths=Sum("deaths"), serious=Sum("serious_injuries"))
        .order_by("-count", "accident_type__code")
    )
    grade_labels = dict(Grade.choices)
    by_grade = [
        {**row, "label": grade_labels.get(row["grade"], row["grade"])}
        for row in grouped.values("grade").annotate(count=Count("pk")).order_by("grade")
    ]
    by_department = list(
        accidents.values("department__name", "department__code")
        .annotate(
            count=Count("pk", filter=REAL),
            near_misses=Count("pk", filter=~REAL),
            deaths=Sum("deaths", filter=REAL),
            serious=Sum("serious_injuries", filter=REAL),
            loss=Sum("direct_loss", filter=REAL),
        )
        .order_by("department__code")
    )
    return by_type, by_grade, by_department


def statistics(*, user, year: int, departments=None) -> Statistics:
    """By month for the year and by year for the last five: accidents, casualties, loss,
    man-hours and the rates; the year's accidents by type, grade and department.
    Six queries, whatever the data."""
    first_year = year - YEARS_SHOWN + 1
    accidents, hours, people = _statistics_rows(user=user, first_year=first_year, year=year, departments=departments)
    months = _months(accidents, hours, people, first_year=first_year, year=year)
    years = [_add_up(Period(str(y)), [months[(y, m)] for m in range(1, 13)]) for y in range(year, first_year - 1, -1)]
    this_year = [months[(year, m)] for m in range(1, 13)]
    by_type, by_grade, by_department = _breakdowns(accidents, year)
    return Statistics(year, this_year, years[0], years, by_type, by_grade, by_department)
