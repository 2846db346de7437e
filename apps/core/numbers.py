"""Small number helpers shared by selectors, evidence providers and exporters."""

from __future__ import annotations

from decimal import Decimal


def percent(part: int, whole: int) -> Decimal | None:
    """part of whole in %, to one decimal; None when there is nothing to measure."""
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"))


def excel_number(value):
    """A Decimal as int when whole (a sheet shows 10, not 10.0), else float; None stays None."""
    if value is None:
        return None
    return int(value) if value == int(value) else float(value)
