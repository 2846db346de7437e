"""Emergency-plan deadlines. Pure: no Django.

生产安全事故应急预案管理办法 (应急管理部令第2号):
- 第三十三条: a comprehensive or specialist plan is drilled at least once a year, an on-site
  disposal plan (现场处置方案) at least once every six months;
- 第二十六条: a plan is filed with the authority within 20 working days of its publication
  (working days by the State Council's holiday calendar, see add_working_days);
- 第三十五条: plans are evaluated periodically (commonly every three years).

Years and months step through apps/core/recurrence.py: the day of the month is kept, or the
month's last day when it has none (29 February + 1 year = 28 February; 31 August + 6 months = 28
or 29 February).
"""

from __future__ import annotations

import datetime as dt

import chinese_calendar

from apps.core import recurrence

# plan kind -> how often it is drilled at least (a frequency of apps/core/recurrence.py)
DRILL_FREQUENCIES = {"comprehensive": "yearly", "specialist": "yearly", "onsite": "half_yearly"}
FILING_WORKING_DAYS = 20
DEFAULT_EVALUATION_YEARS = 3


def next_drill_due(plan_kind: str, last_drill: dt.date) -> dt.date:
    """The latest date by which the plan must be drilled again after `last_drill` (or after its
    publication, for a plan never drilled)."""
    try:
        frequency = DRILL_FREQUENCIES[plan_kind]
    except KeyError:
        raise ValueError(f"Unknown plan kind: {plan_kind!r}") from None
    return recurrence.step(last_drill, frequency)


def is_working_day(day: dt.date) -> bool:
    """A working day by the State Council's yearly holiday notice: public holidays are off and
    make-up days (调休) on a weekend are worked. The calendar (chinesecalendar) covers the years
    announced when it was released; later years count Monday to Friday until it is updated."""
    try:
        return chinese_calendar.is_workday(day)
    except NotImplementedError:
        return day.weekday() < 5


def add_working_days(start: dt.date, days: int) -> dt.date:
    """`days` working days after `start` (the first is the day after)."""
    if days < 0:
        raise ValueError("A number of working days is not negative.")
    day = start
    left = days
    while left:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            left -= 1
    return day


def filing_due(published_on: dt.date) -> dt.date:
    """20 working days after publication, holidays and make-up days included."""
    return add_working_days(published_on, FILING_WORKING_DAYS)


def evaluation_due(last: dt.date, years: int) -> dt.date:
    if years <= 0:
        raise ValueError("An evaluation interval is a positive number of years.")
    return recurrence.add_years(last, years)
