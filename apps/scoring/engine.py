"""The scoring core: pure functions, no ORM and no settings.

Rules (docs/domain.md "Scoring and grades", AQ/T 9006-2010 and the 13-element industry scoring
standards):
- an item scores its points minus deductions, never below 0;
- items that do not apply (缺项) leave both the earned and the full score;
- score on 100 = earned ÷ (full − not-applicable full) × 100, rounded half-up to 1 decimal;
- grade 一级 ≥ 90, 二级 ≥ 75, 三级 ≥ 60 (configurable per standard), below that none;
- a failed veto item (否决项) or an element under its minimum share gives no grade;
- the safety-performance gate: 一级 needs no fatal accident in the year before applying, 二级 and
  三级 need fatalities within the yearly control figure; a 较大 or worse accident, or deaths over the
  control figure, withdraw the title. The final grade is the lower of score grade and gate.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

ONE_DECIMAL = Decimal("0.1")
DEFAULT_THRESHOLDS = (90, 75, 60)


def _d(value) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(str(value))


def to_hundred(earned, full, not_applicable=0) -> Decimal:
    """earned ÷ (full − not_applicable) × 100, rounded half-up to 1 decimal."""
    applicable = _d(full) - _d(not_applicable)
    if applicable <= 0:
        raise ValueError("No item applies: the score cannot be computed.")
    return (_d(earned) / applicable * 100).quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP)


def level_for(score, thresholds=DEFAULT_THRESHOLDS) -> int | None:
    """1, 2 or 3 for the first threshold the score reaches; None below the last."""
    score = _d(score)
    for level, threshold in enumerate(thresholds, start=1):
        if score >= _d(threshold):
            return level
    return None


def gate_level(
    level: int | None, *, fatalities: int, fatality_limit: int, larger_or_worse_accident: bool
) -> int | None:
    """The grade the safety-performance gate allows, combined with the score grade (the lower)."""
    if level is None or larger_or_worse_accident or fatalities > fatality_limit:
        return None
    if fatalities > 0:
        return max(level, 2)  # 一级 needs a year without a fatal accident
    return level


@dataclass(frozen=True)
class ItemResult:
    code: str
    element: str
    points: Decimal
    deduction: Decimal = Decimal(0)
    applicable: bool = True
    veto_failed: bool = False

    @property
    def earned(self) -> Decimal:
        if not self.applicable:
            return Decimal(0)
        return max(Decimal(0), _d(self.points) - _d(self.deduction))


@dataclass
class ElementScore:
    code: str
    full: Decimal = Decimal(0)
    not_applicable: Decimal = Decimal(0)
    earned: Decimal = Decimal(0)

    @property
    def applicable_full(self) -> Decimal:
        return self.full - self.not_applicable

    @property
    def share(self) -> Decimal | None:
        """Earned over applicable full, as a fraction; None when nothing applies."""
        if self.applicable_full <= 0:
            return None
        return self.earned / self.applicable_full

    @property
    def percent(self) -> Decimal | None:
        share = self.share
        return None if share is None else (share * 100).quantize(ONE_DECIMAL, ROUND_HALF_UP)


@dataclass
class Grade:
    earned: Decimal
    full: Decimal
    not_applicable: Decimal
    score: Decimal | None
    score_level: int | None  # from the score alone
    level: int | None  # after vetoes and minimum shares (before the gate)
    elements: list[ElementScore] = field(default_factory=list)
    veto_failed: list[str] = field(default_factory=list)
    below_min_share: list[str] = field(default_factory=list)

    @property
    def applicable_full(self) -> Decimal:
        return self.full - self.not_applicable


def grade(items: Iterable[ItemResult], *, element_min_share=None, thresholds=DEFAULT_THRESHOLDS) -> Grade:
    """Score a set of item results: totals, the score on 100, per-element breakdown and level."""
    elements: dict[str, ElementScore] = {}
    veto_failed: list[str] = []
    for item in items:
        element = elements.setdefault(item.element, ElementScore(code=item.element))
        points = _d(item.points)
        element.full += points
        if not item.applicable:
            element.not_applicable += points
            continue
        element.earned += item.earned
        if item.veto_failed:
            veto_failed.append(item.code)
    full = sum((e.full for e in elements.values()), Decimal(0))
    not_applicable = sum((e.not_applicable for e in elements.values()), Decimal(0))
    earned = sum((e.earned for e in elements.values()), Decimal(0))
    score = to_hundred(earned, full, not_applicable) if full - not_applicable > 0 else None
    score_level = level_for(score, thresholds) if score is not None else None
    below = []
    if element_min_share is not None:
        minimum = _d(element_min_share)
        below = [e.code for e in elements.values() if e.share is not None and e.share < minimum]
    level = None if veto_failed or below else score_level
    return Grade(
        earned=earned,
        full=full,
        not_applicable=not_applicable,
        score=score,
        score_level=score_level,
        level=level,
        elements=list(elements.values()),
        veto_failed=veto_failed,
        below_min_share=below,
    )


# ------------------------------------------------------------------------------
# Auto-deduction rules linking a scoring item to a live indicator
# ------------------------------------------------------------------------------
# "below:T:S:D"  a percentage: each S points below target T deducts D (e.g. below:100:5:1)
# "above:L:S:D"  a count: each S above limit L deducts D (e.g. above:0:1:2)
# "false"        a yes/no: false deducts every point of the item


def parse_rule(rule: str) -> tuple[str, tuple[Decimal, ...]]:
    """Validate a rule string; raises ValueError with a readable reason."""
    rule = (rule or "").strip()
    if rule == "false":
        return "false", ()
    parts = rule.split(":")
    if len(parts) != 4 or parts[0] not in ("below", "above"):
        raise ValueError(f"Unknown auto-deduction rule “{rule}”: use below:T:S:D, above:L:S:D or false.")
    try:
        numbers = tuple(Decimal(p) for p in parts[1:])
    except ArithmeticError:
        raise ValueError(f"The rule “{rule}” has a part that is not a number.") from None
    if numbers[1] <= 0 or numbers[2] <= 0:
        raise ValueError(f"In “{rule}” the step and the deduction must be positive.")
    return parts[0], numbers


def suggested_deduction(rule: str, value, points) -> Decimal | None:
    """The deduction an indicator's value suggests for an item; None when there is no value."""
    if value is None or not rule:
        return None
    kind, numbers = parse_rule(rule)
    points = _d(points)
    if kind == "false":
        return Decimal(0) if bool(value) else points
    target, step, deduct = numbers
    gap = target - _d(value) if kind == "below" else _d(value) - target
    if gap <= 0:
        return Decimal(0)
    steps = (gap / step).to_integral_value(rounding="ROUND_CEILING")
    return min(points, steps * deduct)
