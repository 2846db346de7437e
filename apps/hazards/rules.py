"""Deadlines of the hazard statistics (安全生产事故隐患排查治理暂行规定, 安监总局令第16号 第十四条):
quarterly statistics by the 15th of the month after each quarter, yearly statistics by 31 January
of the next year, signed by the principal head. Pure: no Django. Inspection plans recur through
apps/core/recurrence.py."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from apps.core import recurrence

# A reminder goes out this many days before a deadline.
NOTICE_DAYS = 10


@dataclass(frozen=True)
class Period:
    year: int
    quarter: int | None  # None: the whole year

    @property
    def span(self) -> recurrence.Period:
        if self.quarter is None:
            return recurrence.period_of("yearly", dt.date(self.year, 1, 1))
        return recurrence.period_of("quarterly", dt.date(self.year, 3 * self.quarter - 2, 1))

    @property
    def start(self) -> dt.date:
        return self.span.start

    @property
    def end(self) -> dt.date:
        return self.span.end

    @property
    def due(self) -> dt.date:
        if self.quarter is None:
            return dt.date(self.year + 1, 1, 31)
        after = self.end + dt.timedelta(days=1)
        return dt.date(after.year, after.month, 15)

    @property
    def key(self) -> str:
        return f"{self.year}" + (f"-Q{self.quarter}" if self.quarter else "")


def periods_due_for_notice(today: dt.date) -> list[Period]:
    """The statistics whose reminder window (NOTICE_DAYS before the deadline up to the
    deadline itself) contains this day."""
    candidates = [Period(today.year - 1, None), Period(today.year - 1, 4)]
    candidates += [Period(today.year, q) for q in (1, 2, 3)]
    return [p for p in candidates if p.due - dt.timedelta(days=NOTICE_DAYS) <= today <= p.due]
