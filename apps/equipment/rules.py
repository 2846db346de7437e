"""Due dates of inspections, maintenance and calibration. Pure: no Django.

Statutory intervals come from TSG rules (特种设备安全法 第四十条: periodic inspection requests at
least one month before the due date). Dates step through apps/core/recurrence.py: a month step
keeps the day of the month and falls back to the month's last day when it has none (31 January +
1 month = 28 or 29 February); plans recur there too.
"""

from __future__ import annotations

import datetime as dt

from apps.core import recurrence

# 特种设备安全法 第四十条: request the periodic inspection one month before it is due.
REQUEST_LEAD_DAYS = 30


def next_due(last: dt.date | None, interval_months: int | None) -> dt.date | None:
    """The next due date after the last inspection or calibration; None without either."""
    if last is None or not interval_months:
        return None
    return recurrence.add_months(last, interval_months)


def is_overdue(due: dt.date | None, today: dt.date) -> bool:
    """Overdue from the day after the due date: an inspection on the due date is on time."""
    return due is not None and today > due


def request_from(due: dt.date) -> dt.date:
    """The first day on which the inspection task is raised."""
    return due - dt.timedelta(days=REQUEST_LEAD_DAYS)
