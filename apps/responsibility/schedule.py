"""Meeting periods and compliance: pure date logic, no database.

Element 2 asks for a company safety meeting every quarter and a department meeting every month
(AQ/T 9006-2010); the frequency is data (MeetingSettings). A period is due once it has ended; the
current period is shown but not yet counted as missed. The periods are calendar months, quarters,
half years or the year (apps/core/recurrence.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from apps.core import recurrence


@dataclass(frozen=True)
class Compliance:
    required: int  # periods of the year ended by as_of
    held: int  # of those, periods with at least one meeting held
    current_held: bool | None  # the running period (None once the year is over)

    @property
    def missed(self) -> int:
        return self.required - self.held

    @property
    def rate(self):
        from decimal import Decimal

        if not self.required:
            return None
        return (Decimal(self.held) * 100 / self.required).quantize(Decimal("0.1"))


def compliance(frequency: str, year: int, as_of: dt.date, held_dates: Iterable[dt.date]) -> Compliance:
    """Meetings held against required in `year`, looking from `as_of`."""
    held_dates = [d for d in held_dates if d.year == year and d <= as_of]
    required = held = 0
    current_held = None
    for period in recurrence.periods(frequency, year):
        if period.start > as_of:
            break
        has_meeting = any(d in period for d in held_dates)
        if period.end < as_of:
            required += 1
            held += has_meeting
        else:
            current_held = has_meeting
    return Compliance(required, held, current_held)
