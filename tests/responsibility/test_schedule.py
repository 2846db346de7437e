import datetime as dt

import pytest

from apps.responsibility import schedule

D = dt.date


Q1, Q2, Q4 = D(2026, 2, 10), D(2026, 5, 5), D(2026, 11, 20)


@pytest.mark.parametrize(
    "frequency, as_of, held, required, held_count, current",
    [
        # The last day of a quarter still belongs to it: not yet due.
        ("quarterly", D(2026, 3, 31), [], 0, 0, False),
        ("quarterly", D(2026, 3, 31), [Q1], 0, 0, True),
        # The first day of the next quarter makes Q1 due.
        ("quarterly", D(2026, 4, 1), [], 1, 0, False),
        ("quarterly", D(2026, 4, 1), [Q1], 1, 1, False),
        ("quarterly", D(2026, 7, 1), [Q1, Q2], 2, 2, False),
        ("quarterly", D(2026, 12, 31), [Q1, Q4], 3, 1, True),
        # After the year end every period is due and nothing is current.
        ("quarterly", D(2027, 1, 1), [Q1, Q2, Q4], 4, 3, None),
        # Two meetings in one period count once; a meeting of another year never counts.
        ("quarterly", D(2027, 1, 1), [Q1, D(2026, 3, 1), D(2025, 12, 31)], 4, 1, None),
        ("monthly", D(2026, 2, 1), [D(2026, 1, 31)], 1, 1, False),
        ("monthly", D(2026, 12, 31), [], 11, 0, False),
        # A meeting dated after as_of is not counted yet.
        ("monthly", D(2026, 2, 15), [D(2026, 2, 20)], 1, 0, False),
    ],
)
def test_compliance_table(frequency, as_of, held, required, held_count, current):
    result = schedule.compliance(frequency, 2026, as_of, held)
    assert (result.required, result.held, result.current_held) == (required, held_count, current)
    assert result.missed == required - held_count


def test_rate():
    assert schedule.compliance("quarterly", 2026, D(2027, 1, 1), [Q1]).rate == 25
    assert schedule.compliance("quarterly", 2026, D(2026, 2, 1), []).rate is None
