"""LEC risk assessment (作业条件危险性评价法): D = L × E × C. Pure: no Django.

L likelihood, E exposure frequency, C consequence, with the usual scale values. Bands (docs/domain.md
"Hazards": D > 320 extreme, 160–320 high, 70–160 considerable, 20–70 general, < 20 slight):
each band starts at its lower figure, so 160 ≤ D ≤ 320 high, 70 ≤ D < 160 considerable,
20 ≤ D < 70 general and D < 20 slight; shown in the 红/橙/黄/蓝 risk colours.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

L_VALUES = (Decimal("0.1"), Decimal("0.2"), Decimal("0.5"), Decimal(1), Decimal(3), Decimal(6), Decimal(10))
E_VALUES = (Decimal("0.5"), Decimal(1), Decimal(2), Decimal(3), Decimal(6), Decimal(10))
C_VALUES = (Decimal(1), Decimal(3), Decimal(7), Decimal(15), Decimal(40), Decimal(100))

# (lower bound, inclusive?, band, colour), highest first
BANDS = (
    (Decimal(320), False, "extreme", "red"),
    (Decimal(160), True, "high", "orange"),
    (Decimal(70), True, "considerable", "yellow"),
    (Decimal(20), True, "general", "blue"),
)


@dataclass(frozen=True)
class Risk:
    d: Decimal
    band: str  # extreme | high | considerable | general | slight
    colour: str  # red | orange | yellow | blue


def _d(value) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(str(value))


def assess(likelihood, exposure, consequence) -> Risk:
    """D = L·E·C and its band. Values off the LEC scales raise ValueError."""
    lv, ev, cv = _d(likelihood), _d(exposure), _d(consequence)
    for name, value, scale in (("L", lv, L_VALUES), ("E", ev, E_VALUES), ("C", cv, C_VALUES)):
        if value not in scale:
            allowed = ", ".join(str(v) for v in scale)
            raise ValueError(f"{name} = {value} is not on the LEC scale ({allowed}).")
    d = (lv * ev * cv).normalize()
    return Risk(d, *band_for(d))


def band_for(d) -> tuple[str, str]:
    """(band, colour) of a risk value D."""
    d = _d(d)
    for bound, inclusive, band, colour in BANDS:
        if d > bound or (inclusive and d == bound):
            return band, colour
    return "slight", "blue"
