"""Reads of the safety meetings: those a person may see and compliance against the required
frequencies."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from apps.core.selectors import as_int, matching
from apps.org.models import Department, DepartmentKind
from apps.org.policy import employee_id, in_scope
from apps.responsibility import schedule
from apps.responsibility.models import Meeting, MeetingLevel, MeetingSettings
from apps.responsibility.selectors._common import TOP_KINDS


def meeting_list(*, user, filters: dict | None = None) -> QuerySet[Meeting]:
    filters = filters or {}
    qs = Meeting.objects.select_related("department", "chair").annotate(
        attendee_count=Count("attendees", distinct=True), decision_count=Count("decisions", distinct=True)
    )
    # Company meetings, those of the departments one heads, and those one attended.
    also = Q(level=MeetingLevel.COMPANY)
    if user and user.is_authenticated and (person := employee_id(user)):
        also |= Q(attendees__id=person)
    qs = in_scope(qs, user, heads_only=True, also=also).distinct()
    qs = matching(qs, filters, "level")
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
        Department.objects.filter(is_active=True, kind__in=(DepartmentKind.COMPANY, *TOP_KINDS)).order_by("path")
    )
    held: dict[tuple[str, int], list[dt.date]] = {}
    for level, department_id, held_on in Meeting.objects.filter(held_on__year=year, held_on__isnull=False).values_list(
        "level", "department_id", "held_on"
    ):
        held.setdefault((level, department_id), []).append(held_on)
    rows = []
    for unit in units:
        if department_ids is not None and unit.pk not in department_ids:
            continue
        level = MeetingLevel.COMPANY if unit.kind == DepartmentKind.COMPANY else MeetingLevel.DEPARTMENT
        frequency = settings.frequency(level)
        dates = held.get((level, unit.pk), [])
        if level == MeetingLevel.COMPANY:
            dates = [d for (lv, _d), ds in held.items() if lv == level for d in ds]
        rows.append(ComplianceRow(level, unit, frequency, schedule.compliance(frequency, year, as_of, dates)))
    return rows
