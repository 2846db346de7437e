"""What the responsibility app tells the scoring engine (elements 1 and 2)."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from apps.core.numbers import percent
from apps.responsibility import selectors
from apps.responsibility.models import (
    AssessmentStatus,
    DepartmentAssessment,
    DepartmentTarget,
    DutyDocument,
    DutyReview,
    LetterStatus,
    Objective,
    ResponsibilityLetter,
    SafetyBody,
)
from apps.scoring import registry
from apps.scoring.registry import Indicator


def provider(as_of: dt.date) -> list[Indicator]:
    """Objectives of the year set and split, departments assessed (last year's, the one a
    year-end assessment is about), letters signed, units with officers, meetings held."""
    year = as_of.year
    return [
        _objectives_split(year),
        _departments_assessed(year - 1),
        _letters_signed(year),
        _units_without_officer(),
        _meetings_held(year, as_of),
        _duties_reviewed(year),
        _bodies_appointed(),
    ]


def _objectives_split(year: int) -> Indicator:
    objectives = Objective.objects.filter(year=year).aggregate(
        # distinct: the filter joins the targets, one row per department an objective is split to
        total=Count("pk", distinct=True),
        split=Count("pk", filter=Q(targets__isnull=False), distinct=True),
    )
    split = bool(objectives["total"]) and objectives["split"] == objectives["total"]
    return Indicator(
        "responsibility.objectives_split",
        _("Objectives of the year set and split to departments"),
        value=split,
        element=1,
        target=True,
        ok=split,
        url="/responsibility/objectives/",
    )


def _departments_assessed(assessed_year: int) -> Indicator:
    to_assess = (
        DepartmentTarget.objects.filter(objective__year=assessed_year).values("department_id").distinct().count()
    )
    assessed = DepartmentAssessment.objects.filter(year=assessed_year, status=AssessmentStatus.APPROVED).count()
    return registry.rate(
        "responsibility.departments_assessed_rate",
        _("Departments assessed against last year's targets"),
        percent(assessed, to_assess),
        1,
        "/responsibility/objectives/",
        verdict=False,
    )


def _letters_signed(year: int) -> Indicator:
    letters = ResponsibilityLetter.objects.filter(year=year).aggregate(
        total=Count("pk"), signed=Count("pk", filter=Q(status=LetterStatus.SIGNED))
    )
    return registry.rate(
        "responsibility.letters_signed_rate",
        _("Responsibility letters signed by both sides"),
        percent(letters["signed"], letters["total"]),
        2,
        "/responsibility/letters/",
        verdict=False,
    )


def _units_without_officer() -> Indicator:
    without_officer = len(selectors.units_without_officer())
    return registry.nought(
        "responsibility.units_without_officer",
        _("Units without a safety officer"),
        without_officer,
        2,
        "/responsibility/organisation/",
    )


def _meetings_held(year: int, as_of: dt.date) -> Indicator:
    rows = selectors.meeting_compliance(year=year, as_of=as_of)
    required = sum(r.result.required for r in rows)
    held = sum(r.result.held for r in rows)
    return registry.rate(
        "responsibility.meetings_held_rate",
        _("Safety meetings held against required"),
        percent(held, required),
        2,
        "/responsibility/meetings/compliance/",
        verdict=False,
    )


def _duties_reviewed(year: int) -> Indicator:
    current_duties = DutyDocument.objects.filter(is_current=True).count()
    reviewed = DutyReview.objects.filter(year=year, document__is_current=True).count()
    return registry.rate(
        "responsibility.duties_reviewed_rate",
        _("Duty documents reviewed this year"),
        percent(reviewed, current_duties),
        2,
        "/responsibility/duties/",
        verdict=False,
    )


def _bodies_appointed() -> Indicator:
    has_bodies = SafetyBody.objects.filter(document__isnull=False).values("kind").distinct().count()
    return Indicator(
        "responsibility.bodies_appointed",
        _("Safety committee and office appointed by document"),
        value=has_bodies >= 2,
        element=2,
        target=True,
        ok=has_bodies >= 2,
        url="/responsibility/organisation/",
    )
