"""The projected grade today: the latest assessment with its indicator-linked items re-scored from
live evidence (docs/architecture.md: "auto-scored items from live indicators, the rest from the latest
assessment")."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from apps.assessment.models import Assessment, AssessmentStatus, Finding
from apps.scoring import engine
from apps.scoring.models import ScoringItem, Standard

DONE = (AssessmentStatus.SUBMITTED, AssessmentStatus.APPROVED)


@dataclass
class ElementBar:
    code: str
    name: str
    points: Decimal
    applicable: Decimal
    earned: Decimal
    percent: Decimal | None


@dataclass
class Projection:
    standard: Standard | None
    base: Assessment | None  # the assessment the manual items come from
    result: engine.Grade | None
    final_level: int | None
    gate: dict
    elements: list[ElementBar] = field(default_factory=list)
    live_items: int = 0  # items scored from live indicators
    from_assessment: int = 0  # items taken from the base assessment
    not_scored: int = 0  # items neither live nor scored in the base (counted as not deducted)
    base_score: Decimal | None = None

    @property
    def gate_effect(self) -> str:
        """ "none", "caps" (a death this year: at best level 2) or "withdraws"."""
        allowed = engine.gate_level(
            1,
            fatalities=self.gate.get("fatalities", 0),
            fatality_limit=self.gate.get("fatality_limit", 0),
            larger_or_worse_accident=self.gate.get("larger_or_worse_accident", False),
        )
        return "none" if allowed == 1 else ("caps" if allowed else "withdraws")

    @property
    def change(self) -> Decimal | None:
        if self.result is None or self.result.score is None or self.base_score is None:
            return None
        return self.result.score - self.base_score


def base_assessment() -> Assessment | None:
    """The latest submitted or approved assessment, else the latest one being worked on."""
    qs = Assessment.objects.select_related("standard").order_by("-year", "-created_at")
    return qs.filter(status__in=DONE).first() or qs.first()


LIVE, FROM_ASSESSMENT, NOT_SCORED = "live", "assessment", "none"


def _item_result(item: ScoringItem, finding: Finding | None, indicators: dict):
    """The item scored from its live indicator when it has a rule and applies, else from the
    base assessment's finding, else not deducted; with which of the three it was."""
    applicable = finding.applicable if finding else True
    veto_failed = bool(finding and finding.veto_failed and item.is_veto)
    indicator = indicators.get(item.indicator_key) if item.indicator_key else None
    suggested = (
        engine.suggested_deduction(item.auto_rule, indicator.value, item.points)
        if indicator is not None and item.auto_rule
        else None
    )
    if suggested is not None and applicable:
        deduction = suggested
        # A live veto item fails when the records take away all its points.
        veto_failed = item.is_veto and deduction >= item.points
        source = LIVE
    elif finding is not None and finding.scored:
        deduction = finding.deduction
        source = FROM_ASSESSMENT
    else:
        deduction = Decimal(0)
        source = NOT_SCORED
    result = engine.ItemResult(
        code=item.code,
        element=item.b_item.element.code,
        points=item.points,
        deduction=deduction,
        applicable=applicable,
        veto_failed=veto_failed,
    )
    return result, source


def _element_bars(items: list[ScoringItem], result: engine.Grade) -> list[ElementBar]:
    """One bar per element, in the standard's order, with its graded figures."""
    bars: dict[str, ElementBar] = {}
    for item in items:
        element = item.b_item.element
        bars.setdefault(
            element.code, ElementBar(element.code, element.name, element.points, Decimal(0), Decimal(0), None)
        )
    for score in result.elements:
        bar = bars[score.code]
        bar.applicable = score.applicable_full
        bar.earned = score.earned
        bar.percent = score.percent
    return list(bars.values())


def project(indicators: dict, *, base: Assessment | None = None) -> Projection:
    """Five queries whatever the number of items and records."""
    base = base if base is not None else base_assessment()
    standard = base.standard if base else Standard.objects.filter(is_active=True).first()
    if standard is None:
        return Projection(None, None, None, None, {})
    items = list(
        ScoringItem.objects.filter(standard=standard)
        .select_related("b_item__element")
        .order_by("b_item__element__order", "order")
    )
    findings = {f.item_id: f for f in Finding.objects.filter(assessment=base)} if base else {}
    scored = [_item_result(item, findings.get(item.pk), indicators) for item in items]
    sources = Counter(source for _result, source in scored)
    result = engine.grade(
        [result for result, _source in scored],
        element_min_share=standard.element_min_share,
        thresholds=standard.thresholds,
    )
    gate = gate_figures(indicators, base)
    final = engine.gate_level(
        result.level,
        fatalities=gate["fatalities"],
        fatality_limit=gate["fatality_limit"],
        larger_or_worse_accident=gate["larger_or_worse_accident"],
    )
    base_score = base.score if base is not None and base.status in DONE else None
    if base is not None and base_score is None and findings:
        base_score = _score_of(base, items, findings)
    return Projection(
        standard=standard,
        base=base,
        result=result,
        final_level=final,
        gate=gate,
        elements=_element_bars(items, result),
        live_items=sources[LIVE],
        from_assessment=sources[FROM_ASSESSMENT],
        not_scored=sources[NOT_SCORED],
        base_score=base_score,
    )


def gate_figures(indicators: dict, base: Assessment | None) -> dict:
    """Deaths and a larger-or-worse accident in the last 12 months: from the accident records
    when an app provides them, else the figures entered on the base assessment."""
    deaths = indicators.get("accidents.fatalities_12m")
    worst = indicators.get("accidents.larger_or_worse_12m")
    from_records = deaths is not None and deaths.value is not None
    return {
        "fatalities": int(deaths.value) if from_records else (base.fatalities if base else 0),
        "fatality_limit": base.fatality_limit if base else 0,
        "larger_or_worse_accident": (
            bool(worst.value)
            if worst is not None and worst.value is not None
            else bool(base and base.larger_or_worse_accident)
        ),
        "source": "records" if from_records else ("manual" if base else "none"),
    }


def _score_of(base: Assessment, items, findings) -> Decimal | None:
    """The running score of an assessment still being worked on (its scored items only)."""
    results = [
        engine.ItemResult(
            code=item.code,
            element=item.b_item.element.code,
            points=item.points,
            deduction=findings[item.pk].deduction,
            applicable=findings[item.pk].applicable,
            veto_failed=findings[item.pk].veto_failed and item.is_veto,
        )
        for item in items
        if item.pk in findings and findings[item.pk].scored
    ]
    if not results:
        return None
    return engine.grade(results).score
