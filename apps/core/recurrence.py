"""Periods and next-due dates: the one place the project steps dates forward. Pure: no Django.

A step of months or years keeps the day of the month and falls back to the month's last day when
the month has none (31 January + 1 month = 28 or 29 February; 29 February + 1 year = 28
February). A recurring plan keeps its anchor day: stepping on from a fallen-back date comes back to
the anchor where the month has it, so a plan of the 31st runs 31 Jan → 28 Feb → 31 Mar, never
→ 28 Mar.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta

ONCE = "once"
# frequency -> (months, days) of one step
_STEPS: dict[str, tuple[int, int]] = {
    "daily": (0, 1),
    "weekly": (0, 7),
    "monthly": (1, 0),
    "quarterly": (3, 0),
    "half_yearly": (6, 0),
    "yearly": (12, 0),
}
FREQUENCIES = tuple(_STEPS)


def _months_and_days(frequency: str) -> tuple[int, int]:
    try:
        return _STEPS[frequency]
    except KeyError:
        raise ValueError(f"Unknown frequency {frequency!r}; expected one of {', '.join(FREQUENCIES)}") from None


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def add_months(start: dt.date, months: int, *, anchor_day: int | None = None) -> dt.date:
    """`months` later (may be negative) on the anchor day (by default `start`'s day), or on that
    month's last day when it has no such day."""
    moved = start + relativedelta(months=months)
    day = anchor_day or start.day
    return moved.replace(day=min(day, calendar.monthrange(moved.year, moved.month)[1]))


def add_years(start: dt.date, years: int) -> dt.date:
    """`years` later on the same day; 29 February falls back to 28 February."""
    return add_months(start, 12 * years)


def step(start: dt.date, frequency: str, *, times: int = 1, anchor_day: int | None = None) -> dt.date:
    """`times` steps of `frequency` after `start`. Months and years come back to `anchor_day`
    (default: `start`'s day) where the month has it."""
    months, days = _months_and_days(frequency)
    if months:
        return add_months(start, months * times, anchor_day=anchor_day)
    return start + dt.timedelta(days=days * times)


def next_due(current: dt.date, frequency: str, *, anchor_day: int | None = None) -> dt.date | None:
    """The date after `current` of a plan recurring at `frequency`; None for a one-off plan."""
    if frequency == ONCE:
        return None
    return step(current, frequency, anchor_day=anchor_day)


def next_due_after(due: dt.date, frequency: str, today: dt.date, *, anchor_day: int | None = None) -> dt.date | None:
    """The date that follows `due` in the plan's series, skipping those not after `today` (a
    plan that missed runs catches up); None for a one-off plan. The series keeps `anchor_day`
    (default: `due`'s day)."""
    anchor = anchor_day or due.day
    following = next_due(due, frequency, anchor_day=anchor)
    while following is not None and following <= today:
        following = next_due(following, frequency, anchor_day=anchor)
    return following


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date  # inclusive

    def __contains__(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


def periods(frequency: str, year: int) -> list[Period]:
    """The calendar periods of a year for a monthly or longer frequency (quarters start in
    January, April, July and October)."""
    months, _ = _months_and_days(frequency)
    if not months:
        raise ValueError(f"{frequency!r} does not divide a year into calendar periods")
    return [Period(dt.date(year, month, 1), month_end(year, month + months - 1)) for month in range(1, 13, months)]


def period_of(frequency: str, day: dt.date) -> Period:
    return next(p for p in periods(frequency, day.year) if day in p)
