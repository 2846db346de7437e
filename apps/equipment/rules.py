"""Due dates of inspections, maintenance and calibration. Pure: no Django.

Statutory intervals come from TSG rules (特种设备安全法 第四十条: periodic inspection requests at
least one month before the due date). A month step keeps the day of the month and falls back to
the month's last day when it has none (31 January + 1 month = 28 or 29 February).
"""

from __future__ import annotations

import calendar
import datetime as dt

from dateutil.relativedelta import relativedelta

# 特种设备安全法 第四十条: request the periodic inspection one month before it is due.
REQUEST_LEAD_DAYS = 30

RECURRENCE_STEPS = {
    "daily": relativedelta(days=1),
    "weekly": relativedelta(weeks=1),
    "monthly": relativedelta(months=1),
    "quarterly": relativedelta(months=3),
    "half_yearly": relativedelta(months=6),
    "yearly": relativedelta(years=1),
}


def add_months(start: dt.date, months: int) -> dt.date:
    """The same day `months` later, or that month's last day when it has no such day."""
    if months <= 0:
        raise ValueError("An interval is a positive number of months.")
    return start + relativedelta(months=months)


def next_due(last: dt.date | None, interval_months: int | None) -> dt.date | None:
    """The next due date after the last inspection or calibration; None without either."""
    if last is None or not interval_months:
        return None
    return add_months(last, interval_months)


def next_occurrence(current: dt.date, recurrence: str, *, anchor_day: int | None = None) -> dt.date:
    """The next date of a recurring plan. Monthly and longer steps come back to the plan's own
    day of the month (its anchor) where the month has it, so 31 Jan → 28 Feb → 31 Mar, not 28 Mar."""
    following = current + RECURRENCE_STEPS[recurrence]
    if anchor_day and getattr(RECURRENCE_STEPS[recurrence], "months", 0) + 12 * getattr(
        RECURRENCE_STEPS[recurrence], "years", 0
    ):
        last = calendar.monthrange(following.year, following.month)[1]
        following = following.replace(day=min(anchor_day, last))
    return following


def is_overdue(due: dt.date | None, today: dt.date) -> bool:
    """Overdue from the day after the due date: an inspection on the due date is on time."""
    return due is not None and today > due


def request_from(due: dt.date) -> dt.date:
    """The first day on which the inspection task is raised."""
    return due - dt.timedelta(days=REQUEST_LEAD_DAYS)
