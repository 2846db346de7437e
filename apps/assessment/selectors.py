"""Reads of assessments: findings, the running result and the summary shared by page, PDF and xlsx."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from apps.assessment import policies
from apps.assessment.models import Assessment, AssessmentStatus, Finding, NonConformity
from apps.core import recurrence
from apps.core.selectors import matching
from apps.scoring import engine, registry
from apps.scoring.models import Element, ReviewGroup

# A grade is re-reviewed every 3 years (docs/domain.md); people are told 90 days ahead.
RENEWAL_YEARS = 3
RENEWAL_NOTICE_DAYS = 90


def assessment_list(*, user, filters: dict | None = None) -> QuerySet[Assessment]:
    filters = filters or {}
    if not policies.can_read_assessment(user):
        return Assessment.objects.none()
    qs = Assessment.objects.select_related("standard", "leader").annotate(
        item_count=Count("findings"), scored_count=Count("findings", filter=Q(findings__scored=True))
    )
    qs = matching(qs, filters, "year", "status")
    return qs.order_by("-year", "-created_at")


def findings(assessment: Assessment) -> list[Finding]:
    """Every finding with its item, B-item, element and department: one query."""
    return list(
        Finding.objects.filter(assessment=assessment)
        .select_related("item__b_item__element", "department", "assessor")
        .order_by("item__order")
    )


@dataclass
class ElementRow:
    code: str
    name: str
    points: Decimal
    not_applicable: Decimal
    earned: Decimal
    deducted: Decimal
    percent: Decimal | None
    scored: int
    total: int

    @property
    def applicable(self) -> Decimal:
        return self.points - self.not_applicable


@dataclass
class Summary:
    assessment: Assessment
    result: engine.Grade
    gate: dict
    final_level: int | None
    elements: list[ElementRow]
    scored: int
    total: int
    nonconformities: dict = field(default_factory=dict)  # review group label -> list
    previous: Assessment | None = None
    previous_elements: dict = field(default_factory=dict)  # element code -> percent

    @property
    def complete(self) -> bool:
        return self.scored == self.total


def gate_inputs(assessment: Assessment, *, as_of: dt.date | None = None) -> dict:
    """The safety-performance gate's figures: from the accident records when an app provides
    them through the registry, else the figures entered on the assessment."""
    if not assessment.is_editable:
        # Submitted figures are frozen: the report shows what was applied for.
        return {
            "fatalities": assessment.fatalities,
            "fatality_limit": assessment.fatality_limit,
            "larger_or_worse_accident": assessment.larger_or_worse_accident,
            "source": assessment.gate_source or "manual",
        }
    as_of = as_of or timezone.localdate()
    found = registry.indicators(as_of)
    deaths = found.get("accidents.fatalities_12m")
    worst = found.get("accidents.larger_or_worse_12m")
    from_records = deaths is not None and deaths.value is not None
    return {
        "fatalities": int(deaths.value) if from_records else assessment.fatalities,
        "fatality_limit": assessment.fatality_limit,
        "larger_or_worse_accident": (
            bool(worst.value) if worst is not None and worst.value is not None else assessment.larger_or_worse_accident
        ),
        "source": "records" if from_records else "manual",
    }


def result_of(assessment: Assessment, rows: list[Finding]) -> engine.Grade:
    return engine.grade(
        (
            engine.ItemResult(
                code=f.item.code,
                element=f.item.b_item.element.code,
                points=f.item.points,
                deduction=f.deduction,
                applicable=f.applicable,
                veto_failed=f.veto_failed and f.item.is_veto,
            )
            for f in rows
        ),
        element_min_share=assessment.standard.element_min_share,
        thresholds=assessment.standard.thresholds,
    )


def _element_rows(assessment: Assessment, rows: list[Finding], result: engine.Grade):
    """Each element of the standard with its figures and how many of its items are scored."""
    by_element = {e.code: e for e in result.elements}
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for f in rows:
        code = f.item.b_item.element.code
        counts[code][1] += 1
        counts[code][0] += f.scored
    elements = []
    for element in Element.objects.filter(standard_id=assessment.standard_id).order_by("order"):
        score = by_element.get(element.code) or engine.ElementScore(code=element.code)
        elements.append(
            ElementRow(
                code=element.code,
                name=element.name,
                points=element.points,
                not_applicable=score.not_applicable,
                earned=score.earned,
                deducted=score.applicable_full - score.earned,
                percent=score.percent,
                scored=counts[element.code][0],
                total=counts[element.code][1],
            )
        )
    return elements


def _nonconformities(assessment: Assessment) -> dict:
    """Review group label → its non-conformities in item order; groups without any left out."""
    groups = dict(ReviewGroup.choices)
    nonconformities: dict = {label: [] for label in groups.values()}
    for nc in (
        NonConformity.objects.filter(assessment=assessment)
        .select_related("finding__item", "department", "task")
        .order_by("finding__item__order")
    ):
        nonconformities[groups[nc.group]].append(nc)
    return {k: v for k, v in nonconformities.items() if v}


def _previous(assessment: Assessment) -> tuple[Assessment | None, dict]:
    """The latest submitted or approved assessment of the same standard before this one, and its
    score rate per element code."""
    previous = (
        Assessment.objects.filter(
            standard_id=assessment.standard_id,
            status__in=[AssessmentStatus.SUBMITTED, AssessmentStatus.APPROVED],
            created_at__lt=assessment.created_at,
        )
        .order_by("-year", "-created_at")
        .first()
    )
    if previous is None:
        return None, {}
    previous_result = result_of(previous, findings(previous))
    return previous, {e.code: e.percent for e in previous_result.elements}


def summary(assessment: Assessment, *, with_previous: bool = True) -> Summary:
    """Everything the summary page, the PDF report and the xlsx sheet show, computed once.

    A fixed number of queries whatever the number of items.
    """
    rows = findings(assessment)
    result = result_of(assessment, rows)
    gate = gate_inputs(assessment)
    final = engine.gate_level(
        result.level,
        fatalities=gate["fatalities"],
        fatality_limit=gate["fatality_limit"],
        larger_or_worse_accident=gate["larger_or_worse_accident"],
    )
    elements = _element_rows(assessment, rows, result)
    nonconformities = _nonconformities(assessment)
    previous, previous_elements = _previous(assessment) if with_previous else (None, {})
    return Summary(
        assessment=assessment,
        result=result,
        gate=gate,
        final_level=final,
        elements=elements,
        scored=sum(f.scored for f in rows),
        total=len(rows),
        nonconformities=nonconformities,
        previous=previous,
        previous_elements=previous_elements,
    )


def renewal_due(assessment: Assessment) -> dt.date:
    """The 3-year re-review of an awarded grade."""
    return recurrence.add_years(assessment.awarded_on, RENEWAL_YEARS)


def renewals_due(*, today: dt.date) -> QuerySet[Assessment]:
    """Awarded grades whose 3-year re-review falls within the next 90 days (or has passed); the
    daily reminder tells of each once."""
    cutoff = recurrence.add_years(today + dt.timedelta(days=RENEWAL_NOTICE_DAYS), -RENEWAL_YEARS)
    return Assessment.objects.filter(awarded_on__isnull=False, awarded_on__lte=cutoff)
