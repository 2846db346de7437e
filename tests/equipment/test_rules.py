import datetime as dt

import pytest

from apps.equipment import rules

D = dt.date


@pytest.mark.parametrize(
    "last, months, due",
    [
        (D(2024, 1, 31), 1, D(2024, 2, 29)),  # leap year: the month's last day
        (D(2023, 1, 31), 1, D(2023, 2, 28)),
        (D(2024, 2, 29), 12, D(2025, 2, 28)),  # no 29 February next year
        (D(2024, 2, 29), 48, D(2028, 2, 29)),
        (D(2023, 8, 31), 6, D(2024, 2, 29)),
        (D(2024, 3, 31), 1, D(2024, 4, 30)),
        (D(2024, 12, 31), 1, D(2025, 1, 31)),  # over the year end
        (D(2024, 11, 30), 24, D(2026, 11, 30)),  # 起重机械 every 2 years (TSG Q7015)
        (D(2024, 6, 15), 12, D(2025, 6, 15)),  # 电梯 every year (TSG T7001)
    ],
)
def test_next_due_keeps_the_day_or_takes_the_months_last(last, months, due):
    assert rules.next_due(last, months) == due


@pytest.mark.parametrize("last, months", [(None, 12), (D(2024, 1, 1), None), (D(2024, 1, 1), 0)])
def test_no_due_date_without_a_last_date_or_an_interval(last, months):
    assert rules.next_due(last, months) is None


@pytest.mark.parametrize(
    "due, today, overdue",
    [
        (D(2024, 2, 29), D(2024, 2, 29), False),  # on the due date is on time
        (D(2024, 2, 29), D(2024, 3, 1), True),
        (D(2024, 12, 31), D(2025, 1, 1), True),
        (None, D(2025, 1, 1), False),
    ],
)
def test_overdue_from_the_day_after_the_due_date(due, today, overdue):
    assert rules.is_overdue(due, today) is overdue


def test_the_request_goes_out_a_month_before():
    # 特种设备安全法 第四十条: 在检验合格有效期届满前一个月向特种设备检验机构提出定期检验要求.
    assert rules.request_from(D(2024, 3, 1)) == D(2024, 1, 31)
