from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, DecimalField, F, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from apps.core.numbers import percent
from apps.core.selectors import as_date, matching, searched
from apps.hazards.models import OPEN_STATUSES, Checklist, Hazard, HazardGrade, HazardStatus, Inspection, InspectionPlan
from apps.org.policy import in_scope
from apps.org.selectors import in_department


def hazard_list(*, user, filters: dict | None = None) -> QuerySet[Hazard]:
    """Hazards a person may see: everything for safety managers and leadership, their
    departments for heads, what they reported themselves for everyone."""
    filters = filters or {}
    qs = in_scope(
        Hazard.objects.select_related("department", "reporter", "verified_by", "task"),
        user,
        heads_only=True,
        also=Q(reporter_id=user.pk) | Q(task__assignee_id=user.pk),
    )
    qs = searched(qs, filters.get("q"), "description", "location", "code")
    if status := filters.get("status"):
        qs = qs.filter(status__in=OPEN_STATUSES) if status == "open" else qs.filter(status=status)
    # the chosen department with its sub-units, or alone with direct=1
    qs = in_department(qs, filters.get("department"), direct=filters.get("direct") == "1")
    qs = matching(qs, filters, "grade", "category", "source")
    if filters.get("overdue") == "1":
        qs = qs.filter(overdue_q(timezone.localdate()))
    if start := as_date(filters.get("from")):
        qs = qs.filter(found_on__gte=start)
    if end := as_date(filters.get("to")):
        qs = qs.filter(found_on__lte=end)
    return qs.order_by("-found_on", "-pk")


def overdue_q(today: dt.date) -> Q:
    """Open, past the deadline, and not rectified by the deadline (see Hazard.is_overdue)."""
    return Q(status__in=OPEN_STATUSES, deadline__lt=today) & (
        Q(rectified_on__isnull=True) | Q(rectified_on__gt=F("deadline"))
    )


def inspection_list(*, user, filters: dict | None = None) -> QuerySet[Inspection]:
    filters = filters or {}
    qs = in_scope(Inspection.objects.select_related("department", "inspector", "plan"), user, heads_only=True)
    qs = matching(qs, filters, "kind")
    qs = in_department(qs, filters.get("department"), direct=True)
    return qs.annotate(failed=Count("results", filter=Q(results__result="fail")), checked=Count("results")).order_by(
        "-inspected_on", "-pk"
    )


def plan_list(*, user) -> QuerySet[InspectionPlan]:
    qs = in_scope(InspectionPlan.objects.select_related("department", "checklist"), user, heads_only=True)
    return qs.order_by("-is_active", "next_due")


def checklist_list() -> QuerySet[Checklist]:
    return Checklist.objects.annotate(item_count=Count("items")).order_by("kind", "name")


@dataclass
class StatisticsRow:
    department: str
    found: int = 0
    rectified: int = 0
    on_time: int = 0
    major_found: int = 0
    major_rectified: int = 0
    funds: Decimal = Decimal(0)

    @property
    def rectification_rate(self) -> Decimal | None:
        return percent(self.rectified, self.found)

    @property
    def on_time_rate(self) -> Decimal | None:
        return percent(self.on_time, self.rectified)


@dataclass
class Statistics:
    start: dt.date
    end: dt.date
    rows: list[StatisticsRow] = field(default_factory=list)
    total: StatisticsRow = field(default_factory=lambda: StatisticsRow(department=""))


def statistics(*, user, start: dt.date, end: dt.date) -> Statistics:
    """Hazards found in the period, by department, in one grouped query: rectified means
    closed; on time means rectified on or before the deadline."""
    qs = hazard_list(user=user).filter(found_on__gte=start, found_on__lte=end)
    closed = Q(status=HazardStatus.CLOSED)
    grouped = (
        qs.order_by()
        .values("department__name", "department__path")
        .annotate(
            found=Count("pk"),
            rectified=Count("pk", filter=closed),
            on_time=Count("pk", filter=closed & Q(rectified_on__lte=F("deadline"))),
            major_found=Count("pk", filter=Q(grade=HazardGrade.MAJOR)),
            major_rectified=Count("pk", filter=Q(grade=HazardGrade.MAJOR) & closed),
            funds=Coalesce(Sum("cost"), Value(Decimal(0)), output_field=DecimalField()),
        )
        .order_by("department__path")
    )
    result = Statistics(start=start, end=end, total=StatisticsRow(department="total"))
    for row in grouped:
        item = StatisticsRow(
            department=row["department__name"],
            found=row["found"],
            rectified=row["rectified"],
            on_time=row["on_time"],
            major_found=row["major_found"],
            major_rectified=row["major_rectified"],
            funds=row["funds"],
        )
        result.rows.append(item)
        for name in ("found", "rectified", "on_time", "major_found", "major_rectified", "funds"):
            setattr(result.total, name, getattr(result.total, name) + getattr(item, name))
    return result
