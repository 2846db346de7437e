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
from apps.scoring.registry import Indicator


def provider(as_of: dt.date) -> list[Indicator]:
    """Objectives of the year set and split, departments assessed (last year's, the one a
    year-end assessment is about), letters signed, units with officers, meetings held."""
    year = as_of.year
    objectives = Objective.objects.filter(year=year).aggregate(
        total=Count("pk"), split=Count("pk", filter=Q(targets__isnull=False), distinct=True)
    )
    split = bool(objectives["total"]) and objectives["split"] == objectives["total"]
    assessed_year = year - 1
    to_assess = (
        DepartmentTarget.objects.filter(objective__year=assessed_year)
        .values("department_id")
        .distinct()
        .count()
    )
    assessed = DepartmentAssessment.objects.filter(
        year=assessed_year, status=AssessmentStatus.APPROVED
    ).count()
    letters = ResponsibilityLetter.objects.filter(year=year).aggregate(
        total=Count("pk"), signed=Count("pk", filter=Q(status=LetterStatus.SIGNED))
    )
    without_officer = len(selectors.units_without_officer())
    rows = selectors.meeting_compliance(year=year, as_of=as_of)
    required = sum(r.result.required for r in rows)
    held = sum(r.result.held for r in rows)
    current_duties = DutyDocument.objects.filter(is_current=True).count()
    reviewed = DutyReview.objects.filter(year=year, document__is_current=True).count()
    has_bodies = SafetyBody.objects.filter(document__isnull=False).values("kind").distinct().count()
    return [
        Indicator(
            "responsibility.objectives_split",
            _("Objectives of the year set and split to departments"),
            split,
            1,
            True,
            "",
            split,
            "/responsibility/objectives/",
        ),
        Indicator(
            "responsibility.departments_assessed_rate",
            _("Departments assessed against last year's targets"),
            percent(assessed, to_assess),
            1,
            100,
            "%",
            None,
            "/responsibility/objectives/",
        ),
        Indicator(
            "responsibility.letters_signed_rate",
            _("Responsibility letters signed by both sides"),
            percent(letters["signed"], letters["total"]),
            2,
            100,
            "%",
            None,
            "/responsibility/letters/",
        ),
        Indicator(
            "responsibility.units_without_officer",
            _("Units without a safety officer"),
            without_officer,
            2,
            0,
            "",
            without_officer == 0,
            "/responsibility/organisation/",
        ),
        Indicator(
            "responsibility.meetings_held_rate",
            _("Safety meetings held against required"),
            percent(held, required),
            2,
            100,
            "%",
            None,
            "/responsibility/meetings/compliance/",
        ),
        Indicator(
            "responsibility.duties_reviewed_rate",
            _("Duty documents reviewed this year"),
            percent(reviewed, current_duties),
            2,
            100,
            "%",
            None,
            "/responsibility/duties/",
        ),
        Indicator(
            "responsibility.bodies_appointed",
            _("Safety committee and office appointed by document"),
            has_bodies >= 2,
            2,
            True,
            "",
            has_bodies >= 2,
            "/responsibility/organisation/",
        ),
    ]
