"""LEC risk assessment (作业条件危险性评价法): D = L × E × C. Pure: no Django.

L likelihood, E exposure frequency, C consequence, with the usual scale values. Bands (DOMAIN.md
"Hazards"): D > 320 extreme, 160 < D ≤ 320 high, 70 < D ≤ 160 considerable, 20 < D ≤ 70 general,
D ≤ 20 slight; shown in the red / orange / yellow / blue risk colours (红/橙/黄/蓝).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

L_VALUES = (
    Decimal("0.1"),
    Decimal("0.2"),
    Decimal("0.5"),
    Decimal(1),
    Decimal(3),
    Decimal(6),
    Decimal(10),
)
E_VALUES = (Decimal("0.5"), Decimal(1), Decimal(2), Decimal(3), Decimal(6), Decimal(10))
C_VALUES = (Decimal(1), Decimal(3), Decimal(7), Decimal(15), Decimal(40), Decimal(100))

# (lower bound exclusive, band, colour), highest first
BANDS = (
    (Decimal(320), "extreme", "red"),
    (Decimal(160), "high", "orange"),
    (Decimal(70), "considerable", "yellow"),
    (Decimal(20), "general", "blue"),
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
    for bound, band, colour in BANDS:
        if d > bound:
            return band, colour
    return "slight", "blue"
