"""Emergency-plan deadlines. Pure: no Django.

生产安全事故应急预案管理办法 (应急管理部令第2号):
- 第三十三条: the company drills at least one comprehensive *or* specialist plan a year and at
  least one on-site disposal plan (现场处置方案) every half-year: an obligation of the company, not
  of each plan (see drill_obligations);
- 第二十六条: a plan is filed with the authority within 20 working days of its publication
  (working days by the State Council's holiday calendar, see add_working_days);
- 第三十五条: plans are evaluated periodically (commonly every three years).

Years and months step through apps/core/recurrence.py: the day of the month is kept, or the
month's last day when it has none (29 February + 1 year = 28 February; 31 August + 6 months = 28
or 29 February).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

import chinese_calendar

from apps.core import recurrence

# plan kind -> how often it is drilled at least (a frequency of apps/core/recurrence.py)
DRILL_FREQUENCIES = {"comprehensive": "yearly", "specialist": "yearly", "onsite": "half_yearly"}
# 生产安全事故应急条例 (国务院令第708号) 第八条第二款: the units it names drill every half-year.
HIGH_RISK_DRILL_FREQUENCIES = {**DRILL_FREQUENCIES, "comprehensive": "half_yearly", "specialist": "half_yearly"}
FILING_WORKING_DAYS = 20
DEFAULT_EVALUATION_YEARS = 3


def next_drill_due(plan_kind: str, last_drill: dt.date, *, high_risk: bool = False) -> dt.date:
    """The latest date by which the plan must be drilled again after `last_drill` (or after its
    publication, for a plan never drilled); every half-year for a unit of 708号 第八条."""
    try:
        frequency = (HIGH_RISK_DRILL_FREQUENCIES if high_risk else DRILL_FREQUENCIES)[plan_kind]
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


# ------------------------------------------------------------------------------
# The company's drill obligation (第三十三条; 708号 第八条 for the units it names)
# ------------------------------------------------------------------------------
# The plan kinds that meet each obligation: one drill of either kind is enough.
DRILL_GROUPS = {"comprehensive_or_specialist": ("comprehensive", "specialist"), "onsite": ("onsite",)}


def drill_group(plan_kind: str) -> str:
    for group, kinds in DRILL_GROUPS.items():
        if plan_kind in kinds:
            return group
    raise ValueError(f"Unknown plan kind: {plan_kind!r}")


def group_frequency(group: str, *, high_risk: bool = False) -> str:
    frequencies = HIGH_RISK_DRILL_FREQUENCIES if high_risk else DRILL_FREQUENCIES
    return frequencies[DRILL_GROUPS[group][0]]


def period_of(day: dt.date, frequency: str) -> tuple[dt.date, dt.date]:
    """The calendar year (1 Jan–31 Dec) or half-year (1 Jan–30 Jun, 1 Jul–31 Dec) holding the day."""
    if frequency == "yearly":
        return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
    if frequency == "half_yearly":
        first = day.month <= 6
        return (
            (dt.date(day.year, 1, 1), dt.date(day.year, 6, 30))
            if first
            else (dt.date(day.year, 7, 1), dt.date(day.year, 12, 31))
        )
    raise ValueError(f"Drill periods are yearly or half-yearly, not {frequency!r}")


@dataclass(frozen=True)
class Obligation:
    """One period's obligation: at least one drill of the group's kinds from `start` to `end`."""

    group: str
    frequency: str
    start: dt.date
    end: dt.date  # the drill is due by this day
    drilled_on: dt.date | None  # the first drill of the period, or None

    @property
    def met(self) -> bool:
        return self.drilled_on is not None

    def is_missed(self, as_of: dt.date) -> bool:
        """The period ended before the date without a drill."""
        return not self.met and self.end < as_of


def drill_obligations(
    drills: Iterable[tuple[str, dt.date]], as_of: dt.date, *, since: dict[str, dt.date], high_risk: bool = False
) -> list[Obligation]:
    """Each group's periods from the one holding `since[group]` (the first publication of a plan
    of the group in force; a group without one owes nothing) to the one holding `as_of`, with
    the first drill held in each by `as_of`. `drills` are (plan kind, date held)."""
    held: dict[str, list[dt.date]] = {group: [] for group in DRILL_GROUPS}
    for kind, day in drills:
        if day <= as_of:
            held[drill_group(kind)].append(day)
    obligations = []
    for group, first in sorted(since.items()):
        if first is None or first > as_of:
            continue
        frequency = group_frequency(group, high_risk=high_risk)
        start, end = period_of(first, frequency)
        while start <= as_of:
            in_period = [day for day in held[group] if start <= day <= end]
            obligations.append(Obligation(group, frequency, start, end, min(in_period, default=None)))
            start, end = period_of(end + dt.timedelta(days=1), frequency)
    return obligations


def missed(obligations: Iterable[Obligation], as_of: dt.date, *, window_days: int | None = None) -> list[Obligation]:
    """The periods ended before the date without a drill; with `window_days`, those ended within
    that many days before it."""
    since = as_of - dt.timedelta(days=window_days) if window_days is not None else dt.date.min
    return [o for o in obligations if o.is_missed(as_of) and o.end >= since]


def next_obligation_due(obligations: Iterable[Obligation], as_of: dt.date) -> dt.date | None:
    """The next date a drill falls due: the end of a group's current period if it is not met yet,
    else the end of the period after it."""
    latest: dict[str, Obligation] = {}
    for o in obligations:
        if o.group not in latest or o.start > latest[o.group].start:
            latest[o.group] = o
    dues = [
        o.end if not o.met and o.end >= as_of else period_of(o.end + dt.timedelta(days=1), o.frequency)[1]
        for o in latest.values()
    ]
    return min(dues, default=None)
