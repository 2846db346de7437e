"""Accident grades (生产安全事故报告和调查处理条例, 国务院令第493号, 第三条).

Pure: no ORM, no settings. Any one criterion reaching a band places the accident there and the
highest band wins; "or more" includes the boundary, so 3 deaths is already 较大 (larger).
"""

from __future__ import annotations

from decimal import Decimal

GENERAL = "general"
LARGER = "larger"
MAJOR = "major"
ESPECIALLY_MAJOR = "especially_major"

ORDER = (GENERAL, LARGER, MAJOR, ESPECIALLY_MAJOR)

# (grade, deaths ≥, serious injuries ≥, direct loss in yuan ≥), worst first.
BANDS = (
    (ESPECIALLY_MAJOR, 30, 100, Decimal("100000000")),
    (MAJOR, 10, 50, Decimal("50000000")),
    (LARGER, 3, 10, Decimal("10000000")),
)

DEATHS = "deaths"
SERIOUS_INJURIES = "serious_injuries"
DIRECT_LOSS = "direct_loss"


def _check(deaths: int, serious_injuries: int, direct_loss_yuan) -> Decimal:
    loss = Decimal(str(direct_loss_yuan or 0))
    if deaths < 0 or serious_injuries < 0 or loss < 0:
        raise ValueError("Casualties and loss cannot be negative.")
    return loss


def decide(deaths: int, serious_injuries: int, direct_loss_yuan) -> tuple[str, tuple[str, ...]]:
    """The grade and the criteria (deaths, serious_injuries, direct_loss) that reach it.
    A general accident reached by no band returns no criterion."""
    loss = _check(deaths, serious_injuries, direct_loss_yuan)
    for grade, min_deaths, min_serious, min_loss in BANDS:
        reached = tuple(
            name
            for name, value, limit in (
                (DEATHS, deaths, min_deaths),
                (SERIOUS_INJURIES, serious_injuries, min_serious),
                (DIRECT_LOSS, loss, min_loss),
            )
            if value >= limit
        )
        if reached:
            return grade, reached
    return GENERAL, ()


def classify(deaths: int, serious_injuries: int, direct_loss_yuan) -> str:
    """一般 general, 较大 larger, 重大 major or 特别重大 especially_major."""
    return decide(deaths, serious_injuries, direct_loss_yuan)[0]


def is_larger_or_worse(grade: str) -> bool:
    return ORDER.index(grade) >= ORDER.index(LARGER)
