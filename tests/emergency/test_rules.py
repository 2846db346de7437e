"""生产安全事故应急预案管理办法 (应急管理部令第2号) 第三十三条: comprehensive and specialist plans
at least once a year, on-site disposal plans at least every six months; 第二十六条: filed within
20 working days of publication."""

import datetime as dt

import pytest

from apps.emergency.rules import add_working_days, evaluation_due, filing_due, next_drill_due

D = dt.date


@pytest.mark.parametrize(
    ("kind", "last", "due"),
    [
        ("comprehensive", D(2025, 3, 15), D(2026, 3, 15)),
        ("specialist", D(2025, 3, 15), D(2026, 3, 15)),
        ("onsite", D(2025, 3, 15), D(2025, 9, 15)),
        # Month ends: a month without the day falls back to its last day.
        ("onsite", D(2025, 8, 31), D(2026, 2, 28)),
        ("onsite", D(2023, 8, 31), D(2024, 2, 29)),  # leap year
        ("onsite", D(2025, 3, 31), D(2025, 9, 30)),
        ("onsite", D(2025, 12, 31), D(2026, 6, 30)),
        ("comprehensive", D(2025, 12, 31), D(2026, 12, 31)),
        # Leap years: 29 February + 1 year is 28 February; into a leap year stays on the day.
        ("comprehensive", D(2024, 2, 29), D(2025, 2, 28)),
        ("specialist", D(2024, 2, 29), D(2025, 2, 28)),
        ("comprehensive", D(2023, 2, 28), D(2024, 2, 28)),
        ("onsite", D(2024, 2, 29), D(2024, 8, 29)),
        ("onsite", D(2023, 8, 29), D(2024, 2, 29)),
    ],
)
def test_next_drill_due(kind, last, due):
    assert next_drill_due(kind, last) == due


def test_an_unknown_plan_kind_is_refused():
    with pytest.raises(ValueError, match="Unknown plan kind: 'seasonal'"):
        next_drill_due("seasonal", D(2025, 1, 1))


@pytest.mark.parametrize(
    ("start", "days", "end"),
    [
        (D(2025, 1, 6), 0, D(2025, 1, 6)),  # Monday
        (D(2025, 1, 6), 1, D(2025, 1, 7)),
        (D(2025, 1, 10), 1, D(2025, 1, 13)),  # Friday → Monday
        (D(2025, 1, 11), 1, D(2025, 1, 13)),  # Saturday → Monday
        (D(2025, 1, 6), 5, D(2025, 1, 13)),
        (D(2024, 11, 4), 20, D(2024, 12, 2)),  # no holiday in between
        # Spring Festival 2025: 28 Jan – 4 Feb off; Sunday 26 Jan and Saturday 8 Feb worked.
        (D(2025, 1, 24), 1, D(2025, 1, 26)),
        (D(2025, 1, 27), 1, D(2025, 2, 5)),
        (D(2025, 2, 7), 1, D(2025, 2, 8)),
        (D(2025, 1, 6), 20, D(2025, 2, 8)),
        # National Day 2025: 1–8 Oct off; Sunday 28 Sep and Saturday 11 Oct worked.
        (D(2025, 9, 22), 20, D(2025, 10, 24)),
        # Years the holiday calendar does not cover yet count Monday to Friday.
        (D(2027, 1, 1), 1, D(2027, 1, 4)),
    ],
)
def test_working_days_follow_the_holiday_calendar(start, days, end):
    assert add_working_days(start, days) == end


def test_filing_is_due_20_working_days_after_publication():
    assert filing_due(D(2024, 11, 4)) == D(2024, 12, 2)
    assert filing_due(D(2025, 1, 6)) == D(2025, 2, 8)


@pytest.mark.parametrize(
    ("last", "years", "due"),
    [
        (D(2022, 5, 1), 3, D(2025, 5, 1)),
        (D(2024, 2, 29), 3, D(2027, 2, 28)),
        (D(2024, 2, 29), 4, D(2028, 2, 29)),
        (D(2025, 1, 1), 1, D(2026, 1, 1)),
    ],
)
def test_evaluation_due(last, years, due):
    assert evaluation_due(last, years) == due
