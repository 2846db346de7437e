"""The company's drill obligation: 应急管理部令第2号 第三十三条 (one comprehensive or specialist
drill a year, one on-site drill each half-year, calendar periods) and, for the units of
国务院令第708号 第八条, every half-year for comprehensive and specialist drills too."""

import datetime as dt

import pytest

from apps.emergency.rules import drill_obligations, missed, next_drill_due, next_obligation_due, period_of

D = dt.date
CS, ONSITE = "comprehensive_or_specialist", "onsite"
SINCE = {CS: D(2024, 1, 1), ONSITE: D(2024, 1, 1)}


def _missed(drills, as_of, *, high_risk=False, since=SINCE):
    obligations = drill_obligations(drills, as_of, since=since, high_risk=high_risk)
    return [(o.group, o.end) for o in missed(obligations, as_of)]


@pytest.mark.parametrize(
    ("day", "frequency", "period"),
    [
        (D(2025, 6, 30), "half_yearly", (D(2025, 1, 1), D(2025, 6, 30))),
        (D(2025, 7, 1), "half_yearly", (D(2025, 7, 1), D(2025, 12, 31))),
        (D(2025, 12, 31), "half_yearly", (D(2025, 7, 1), D(2025, 12, 31))),
        (D(2026, 1, 1), "half_yearly", (D(2026, 1, 1), D(2026, 6, 30))),
        (D(2025, 12, 31), "yearly", (D(2025, 1, 1), D(2025, 12, 31))),
        (D(2026, 1, 1), "yearly", (D(2026, 1, 1), D(2026, 12, 31))),
    ],
)
def test_periods_are_calendar_years_and_half_years(day, frequency, period):
    assert period_of(day, frequency) == period


# Drills of 2025 (plans in force since 2024-01-01, 2024 drilled in full), as of 2026-01-10.
FULL_2024 = [("specialist", D(2024, 5, 1)), ("onsite", D(2024, 3, 1)), ("onsite", D(2024, 9, 1))]


@pytest.mark.parametrize(
    ("drills_2025", "high_risk", "missing"),
    [
        # One specialist drill and an on-site drill each half: met, whichever plans they were.
        ([("specialist", D(2025, 6, 30)), ("onsite", D(2025, 6, 30)), ("onsite", D(2025, 7, 1))], False, []),
        # The comprehensive plan is never drilled: a specialist drill is enough.
        ([("specialist", D(2025, 12, 31)), ("onsite", D(2025, 1, 1)), ("onsite", D(2025, 12, 31))], False, []),
        # Only on-site drills: the year's comprehensive-or-specialist drill is missing.
        ([("onsite", D(2025, 3, 1)), ("onsite", D(2025, 9, 1))], False, [(CS, D(2025, 12, 31))]),
        # Only a specialist drill: both on-site half-years are missing.
        ([("specialist", D(2025, 5, 1))], False, [(ONSITE, D(2025, 6, 30)), (ONSITE, D(2025, 12, 31))]),
        # Two on-site drills in the first half do not cover the second.
        (
            [("comprehensive", D(2025, 2, 1)), ("onsite", D(2025, 1, 1)), ("onsite", D(2025, 6, 30))],
            False,
            [(ONSITE, D(2025, 12, 31))],
        ),
        # A drill on 1 Jan 2026 belongs to 2026, not to the year before.
        (
            [("onsite", D(2025, 6, 1)), ("onsite", D(2025, 7, 1)), ("comprehensive", D(2026, 1, 1))],
            False,
            [(CS, D(2025, 12, 31))],
        ),
        # High-risk (708号 第八条): a comprehensive or specialist drill each half-year as well.
        (
            [("specialist", D(2025, 6, 30)), ("onsite", D(2025, 6, 30)), ("onsite", D(2025, 7, 1))],
            True,
            [(CS, D(2025, 12, 31))],
        ),
        (
            [
                ("specialist", D(2025, 6, 30)),
                ("comprehensive", D(2025, 7, 1)),
                ("onsite", D(2025, 1, 1)),
                ("onsite", D(2025, 12, 31)),
            ],
            True,
            [],
        ),
        ([("onsite", D(2025, 3, 1)), ("onsite", D(2025, 9, 1))], True, [(CS, D(2025, 6, 30)), (CS, D(2025, 12, 31))]),
    ],
)
def test_a_year_of_drills(drills_2025, high_risk, missing):
    full_2024 = [*FULL_2024, ("comprehensive", D(2024, 10, 1))] if high_risk else FULL_2024
    assert [
        m for m in _missed(full_2024 + drills_2025, D(2026, 1, 10), high_risk=high_risk) if m[1].year == 2025
    ] == missing


@pytest.mark.parametrize(
    ("as_of", "missing"),
    [
        # A period is missed only after its last day.
        (D(2025, 6, 30), []),
        (D(2025, 7, 1), [(ONSITE, D(2025, 6, 30))]),
        (D(2025, 12, 31), [(ONSITE, D(2025, 6, 30))]),
        (D(2026, 1, 1), [(CS, D(2025, 12, 31)), (ONSITE, D(2025, 6, 30)), (ONSITE, D(2025, 12, 31))]),
    ],
)
def test_a_period_is_missed_the_day_after_it_ends(as_of, missing):
    since = {CS: D(2025, 1, 1), ONSITE: D(2025, 1, 1)}
    assert sorted(_missed([], as_of, since=since)) == missing


def test_drills_after_the_date_do_not_count_and_a_group_without_plans_owes_nothing():
    since = {CS: D(2025, 3, 1), ONSITE: None}
    drills = [("specialist", D(2025, 12, 31))]
    assert _missed(drills, D(2026, 1, 1), since=since) == []
    assert _missed(drills, D(2025, 12, 31), since=since) == []
    # Recorded as of a date before the drill, the year is still open (due 31 Dec).
    obligations = drill_obligations(drills, D(2025, 12, 30), since=since)
    assert next_obligation_due(obligations, D(2025, 12, 30)) == D(2025, 12, 31)
    assert [o.group for o in obligations] == [CS]


@pytest.mark.parametrize(
    ("drills", "as_of", "high_risk", "due"),
    [
        ([], D(2025, 3, 1), False, D(2025, 6, 30)),  # the on-site half-year comes first
        ([("onsite", D(2025, 2, 1))], D(2025, 3, 1), False, D(2025, 12, 31)),
        ([("onsite", D(2025, 2, 1))], D(2025, 3, 1), True, D(2025, 6, 30)),
        ([("onsite", D(2025, 2, 1)), ("specialist", D(2025, 2, 2))], D(2025, 3, 1), True, D(2025, 12, 31)),
        ([("onsite", D(2025, 2, 1)), ("specialist", D(2025, 2, 2))], D(2025, 6, 30), False, D(2025, 12, 31)),
    ],
)
def test_the_next_obligation_due(drills, as_of, high_risk, due):
    since = {CS: D(2025, 1, 1), ONSITE: D(2025, 1, 1)}
    obligations = drill_obligations(drills, as_of, since=since, high_risk=high_risk)
    assert next_obligation_due(obligations, as_of) == due


def test_missed_within_a_window():
    obligations = drill_obligations([], D(2026, 7, 1), since={CS: D(2024, 1, 1), ONSITE: None})
    assert [o.end for o in missed(obligations, D(2026, 7, 1), window_days=365)] == [D(2025, 12, 31)]


@pytest.mark.parametrize(
    ("kind", "high_risk", "due"),
    [
        ("comprehensive", False, D(2026, 3, 15)),
        ("specialist", False, D(2026, 3, 15)),
        ("comprehensive", True, D(2025, 9, 15)),
        ("specialist", True, D(2025, 9, 15)),
        ("onsite", True, D(2025, 9, 15)),
    ],
)
def test_a_plan_of_a_high_risk_unit_is_drilled_every_half_year(kind, high_risk, due):
    assert next_drill_due(kind, D(2025, 3, 15), high_risk=high_risk) == due
