"""The one recurrence module: month ends, 29 February, the anchor day kept, one-off plans."""

from __future__ import annotations

import datetime as dt

import pytest

from apps.core import recurrence

D = dt.date


@pytest.mark.parametrize(
    "start, frequency, anchor, expected",
    [
        (D(2026, 3, 10), "daily", None, D(2026, 3, 11)),
        (D(2026, 12, 31), "daily", None, D(2027, 1, 1)),
        (D(2024, 2, 28), "daily", None, D(2024, 2, 29)),
        (D(2026, 2, 26), "weekly", None, D(2026, 3, 5)),
        (D(2026, 12, 29), "weekly", None, D(2027, 1, 5)),
        (D(2026, 1, 15), "monthly", None, D(2026, 2, 15)),
        # Month ends: the month's last day when it has no such day.
        (D(2026, 1, 31), "monthly", None, D(2026, 2, 28)),
        (D(2028, 1, 31), "monthly", None, D(2028, 2, 29)),
        (D(2026, 3, 31), "monthly", None, D(2026, 4, 30)),
        # The anchor day comes back where the month has it: 31 Jan → 28 Feb → 31 Mar.
        (D(2026, 2, 28), "monthly", 31, D(2026, 3, 31)),
        (D(2026, 4, 30), "monthly", 31, D(2026, 5, 31)),
        (D(2026, 2, 28), "monthly", 30, D(2026, 3, 30)),
        (D(2026, 11, 30), "quarterly", None, D(2027, 2, 28)),
        (D(2026, 11, 30), "quarterly", 31, D(2027, 2, 28)),
        (D(2026, 8, 31), "half_yearly", None, D(2027, 2, 28)),
        (D(2027, 8, 31), "half_yearly", None, D(2028, 2, 29)),
        (D(2026, 2, 28), "half_yearly", 31, D(2026, 8, 31)),
        # 29 February: the next year falls back to 28 February, and comes back in a leap year.
        (D(2028, 2, 29), "yearly", None, D(2029, 2, 28)),
        (D(2031, 2, 28), "yearly", 29, D(2032, 2, 29)),
        (D(2026, 6, 15), "yearly", None, D(2027, 6, 15)),
    ],
)
def test_next_due(start, frequency, anchor, expected):
    assert recurrence.next_due(start, frequency, anchor_day=anchor) == expected


def test_a_one_off_plan_has_no_next_date():
    assert recurrence.next_due(D(2026, 1, 31), recurrence.ONCE) is None
    assert recurrence.next_due_after(D(2026, 1, 31), recurrence.ONCE, D(2026, 6, 1)) is None


def test_an_unknown_frequency_is_refused_with_the_known_ones():
    with pytest.raises(ValueError, match="Unknown frequency 'fortnightly'; expected one of daily"):
        recurrence.next_due(D(2026, 1, 1), "fortnightly")


@pytest.mark.parametrize(
    "due, frequency, today, expected",
    [
        # Missed dates are caught up to the first one after today, keeping the anchor.
        (D(2026, 1, 31), "monthly", D(2026, 3, 15), D(2026, 3, 31)),
        (D(2026, 1, 31), "monthly", D(2026, 3, 31), D(2026, 4, 30)),
        (D(2026, 1, 31), "monthly", D(2026, 1, 30), D(2026, 2, 28)),
        (D(2026, 3, 2), "weekly", D(2026, 3, 23), D(2026, 3, 30)),
        (D(2028, 2, 29), "yearly", D(2031, 6, 1), D(2032, 2, 29)),
    ],
)
def test_next_due_after_catches_up_keeping_the_anchor(due, frequency, today, expected):
    assert recurrence.next_due_after(due, frequency, today) == expected


@pytest.mark.parametrize(
    "start, months, expected",
    [
        (D(2026, 1, 31), 1, D(2026, 2, 28)),
        (D(2026, 1, 31), 13, D(2027, 2, 28)),
        (D(2026, 3, 31), -1, D(2026, 2, 28)),
        (D(2028, 2, 29), 12, D(2029, 2, 28)),
        (D(2028, 2, 29), 48, D(2032, 2, 29)),
    ],
)
def test_add_months(start, months, expected):
    assert recurrence.add_months(start, months) == expected


@pytest.mark.parametrize(
    "start, years, expected",
    [(D(2026, 10, 22), 3, D(2029, 10, 22)), (D(2028, 2, 29), 3, D(2031, 2, 28)), (D(2028, 2, 29), 4, D(2032, 2, 29))],
)
def test_add_years(start, years, expected):
    assert recurrence.add_years(start, years) == expected


@pytest.mark.parametrize(
    "frequency, count, first_end, last_start",
    [
        ("monthly", 12, D(2024, 1, 31), D(2024, 12, 1)),
        ("quarterly", 4, D(2024, 3, 31), D(2024, 10, 1)),
        ("half_yearly", 2, D(2024, 6, 30), D(2024, 7, 1)),
        ("yearly", 1, D(2024, 12, 31), D(2024, 1, 1)),
    ],
)
def test_periods_cover_the_year(frequency, count, first_end, last_start):
    periods = recurrence.periods(frequency, 2024)
    assert len(periods) == count
    assert periods[0].start == D(2024, 1, 1) and periods[0].end == first_end
    assert periods[-1].start == last_start and periods[-1].end == D(2024, 12, 31)


@pytest.mark.parametrize(
    "frequency, day, start, end",
    [
        ("monthly", D(2024, 2, 29), D(2024, 2, 1), D(2024, 2, 29)),
        ("quarterly", D(2024, 3, 31), D(2024, 1, 1), D(2024, 3, 31)),
        ("quarterly", D(2024, 4, 1), D(2024, 4, 1), D(2024, 6, 30)),
        ("quarterly", D(2024, 12, 31), D(2024, 10, 1), D(2024, 12, 31)),
    ],
)
def test_period_of(frequency, day, start, end):
    assert recurrence.period_of(frequency, day) == recurrence.Period(start, end)


def test_the_periods_of_a_year():
    quarters = recurrence.periods("quarterly", 2028)
    assert [(p.start, p.end) for p in quarters] == [
        (D(2028, 1, 1), D(2028, 3, 31)),
        (D(2028, 4, 1), D(2028, 6, 30)),
        (D(2028, 7, 1), D(2028, 9, 30)),
        (D(2028, 10, 1), D(2028, 12, 31)),
    ]
    months = recurrence.periods("monthly", 2028)
    assert len(months) == 12 and months[1].end == D(2028, 2, 29)
    assert recurrence.periods("yearly", 2026) == [recurrence.Period(D(2026, 1, 1), D(2026, 12, 31))]
    assert recurrence.period_of("half_yearly", D(2026, 7, 1)).start == D(2026, 7, 1)
    assert D(2026, 6, 30) in recurrence.period_of("half_yearly", D(2026, 1, 1))


def test_days_do_not_divide_a_year_into_periods():
    with pytest.raises(ValueError, match="'weekly' does not divide a year"):
        recurrence.periods("weekly", 2026)
