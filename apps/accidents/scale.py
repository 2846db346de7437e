"""Bulk data for the dashboard benchmark: accidents over the last 3 years and man-hours.

Rows are written with bulk_create only (no services, no history): the benchmark measures reads.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from django.utils import timezone

from apps.accidents import grading, rules
from apps.accidents.models import (
    GB6441_2025_FROM,
    Accident,
    AccidentStatus,
    AccidentType,
    Edition,
    ManHours,
    Person,
    Severity,
)

BATCH = 1000


def _casualties(rng: random.Random) -> tuple[int, int, int, Decimal]:
    """Mostly minor injuries; now and then a serious one or a death; very rarely a larger one."""
    roll = rng.random()
    if roll < 0.01:
        return 3, rng.randint(0, 4), 0, Decimal(rng.randint(2_000_000, 12_000_000))
    if roll < 0.05:
        return 1, 0, rng.randint(0, 2), Decimal(rng.randint(200_000, 1_500_000))
    if roll < 0.25:
        return 0, 1, rng.randint(0, 1), Decimal(rng.randint(10_000, 200_000))
    return 0, 0, rng.randint(1, 2), Decimal(rng.randint(500, 30_000))


def _accidents(*, departments, count, rng: random.Random, today: dt.date) -> list[Accident]:
    """`count` accidents over the last 3 years, about 15 % of them near misses; those older than
    90 days closed with the whole checklist."""
    types = {
        edition: list(AccidentType.objects.filter(edition=edition))
        for edition in (Edition.GB6441_2025, Edition.GB6441_1986)
    }
    tz = timezone.get_current_timezone()
    now = timezone.now()
    prefix = f"SC-{rng.randrange(16**6):06x}-"
    accidents = []
    for number in range(count):
        day = today - dt.timedelta(days=rng.randrange(3 * 365))
        occurred_at = dt.datetime.combine(day, dt.time(rng.randrange(7, 22), rng.randrange(60)), tzinfo=tz)
        occurred_at = min(occurred_at, now)
        near_miss = rng.random() < 0.15
        deaths, serious, minor, loss = (0, 0, 0, Decimal(0)) if near_miss else _casualties(rng)
        edition = Edition.GB6441_2025 if day >= GB6441_2025_FROM else Edition.GB6441_1986
        closed = day < today - dt.timedelta(days=90)
        accidents.append(
            Accident(
                code=f"{prefix}{number:05d}",
                title=f"Accident {number}",
                occurred_at=occurred_at,
                place="-",
                department=rng.choice(departments),
                accident_type=rng.choice(types[edition]),
                is_near_miss=near_miss,
                deaths=deaths,
                serious_injuries=serious,
                minor_injuries=minor,
                direct_loss=loss,
                grade=grading.classify(deaths, serious, loss),
                authority_told_at=None
                if near_miss
                else occurred_at + dt.timedelta(minutes=rng.choice((20, 40, 55, 90))),
                status=AccidentStatus.CLOSED if closed else AccidentStatus.INVESTIGATING,
                cause_found=closed,
                responsible_handled=closed,
                staff_educated=closed,
                measures_taken=closed,
                report_submitted_on=day + dt.timedelta(days=rng.randint(20, rules.INVESTIGATION_DAYS))
                if closed
                else None,
                closed_on=day + dt.timedelta(days=rng.randint(30, 80)) if closed else None,
            )
        )
    return accidents


def _people(accidents: list[Accident], *, employees, rng: random.Random) -> list[Person]:
    """One person for each death and injury the accidents count."""
    people = []
    for accident in accidents:
        for severity, n in (
            (Severity.DEATH, accident.deaths),
            (Severity.SERIOUS, accident.serious_injuries),
            (Severity.MINOR, accident.minor_injuries),
        ):
            for _ in range(n):
                employee = rng.choice(employees) if employees else None
                lost = {Severity.DEATH: 6000, Severity.SERIOUS: rng.randint(105, 200)}.get(severity, rng.randint(0, 30))
                people.append(
                    Person(
                        accident=accident,
                        employee=employee,
                        name=employee.name if employee else "-",
                        severity=severity,
                        lost_workdays=lost,
                    )
                )
    return people


def _man_hours(*, departments, rng: random.Random, today: dt.date) -> list[ManHours]:
    """The 24 months before this one for every department, but months already entered."""
    first = today.replace(day=1)
    months = []
    for _ in range(24):
        first = (first - dt.timedelta(days=1)).replace(day=1)
        months.append(first)
    taken = set(
        ManHours.objects.filter(department__in=departments, month__in=months).values_list("department_id", "month")
    )
    hours = []
    for department in departments:
        staff = rng.randint(10, 80)
        for month in months:
            if (department.pk, month) not in taken:
                hours.append(
                    ManHours(
                        department=department,
                        month=month,
                        headcount=staff,
                        hours=Decimal(staff * rng.randint(160, 190)),
                    )
                )
    return hours


def seed(*, departments, employees, factor, rng: random.Random, today: dt.date) -> int:
    count = max(1, round(100 * factor))
    accidents = _accidents(departments=departments, count=count, rng=rng, today=today)
    Accident.objects.bulk_create(accidents, batch_size=BATCH)
    people = _people(accidents, employees=employees, rng=rng)
    Person.objects.bulk_create(people, batch_size=BATCH)
    hours = _man_hours(departments=departments, rng=rng, today=today)
    ManHours.objects.bulk_create(hours, batch_size=BATCH)
    return len(accidents)
