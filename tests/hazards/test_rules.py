"""安监总局令第16号 第十四条: quarterly hazard statistics by the 15th of the month after each quarter,
yearly statistics by 31 January."""

import datetime as dt

import pytest

from apps.hazards.rules import Period, periods_due_for_notice


@pytest.mark.parametrize(
    "period, start, end, due",
    [
        (Period(2026, 1), dt.date(2026, 1, 1), dt.date(2026, 3, 31), dt.date(2026, 4, 15)),
        (Period(2026, 2), dt.date(2026, 4, 1), dt.date(2026, 6, 30), dt.date(2026, 7, 15)),
        (Period(2026, 3), dt.date(2026, 7, 1), dt.date(2026, 9, 30), dt.date(2026, 10, 15)),
        (Period(2026, 4), dt.date(2026, 10, 1), dt.date(2026, 12, 31), dt.date(2027, 1, 15)),
        (Period(2026, None), dt.date(2026, 1, 1), dt.date(2026, 12, 31), dt.date(2027, 1, 31)),
    ],
)
def test_periods_and_deadlines(period, start, end, due):
    assert (period.start, period.end, period.due) == (start, end, due)


@pytest.mark.parametrize(
    "today, expected",
    [
        (dt.date(2026, 4, 5), [Period(2026, 1)]),
        (dt.date(2026, 4, 4), []),
        (dt.date(2026, 4, 15), [Period(2026, 1)]),  # the deadline itself
        (dt.date(2026, 4, 16), []),
        (dt.date(2027, 1, 5), [Period(2026, 4)]),
        (dt.date(2027, 1, 21), [Period(2026, None)]),
        (dt.date(2027, 1, 10), [Period(2026, 4)]),
        (dt.date(2026, 10, 5), [Period(2026, 3)]),
    ],
)
def test_reminders_are_due_from_ten_days_before_until_the_deadline(today, expected):
    assert periods_due_for_notice(today) == expected
