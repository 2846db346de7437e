"""Accident grades at every band edge (生产安全事故报告和调查处理条例, 国务院令第493号, 第三条):
any one criterion reaching a band places the accident there and the highest band wins."""

from decimal import Decimal

import pytest

from apps.accidents import grading, rules
from apps.accidents.grading import classify, decide

M = 1_000_000


@pytest.mark.parametrize(
    "deaths, serious, loss, expected",
    [
        # deaths: < 3 general, 3-9 larger, 10-29 major, >= 30 especially major
        (0, 0, 0, "general"),
        (2, 0, 0, "general"),
        (3, 0, 0, "larger"),
        (9, 0, 0, "larger"),
        (10, 0, 0, "major"),
        (29, 0, 0, "major"),
        (30, 0, 0, "especially_major"),
        (31, 0, 0, "especially_major"),
        # serious injuries: < 10, 10-49, 50-99, >= 100
        (0, 9, 0, "general"),
        (0, 10, 0, "larger"),
        (0, 49, 0, "larger"),
        (0, 50, 0, "major"),
        (0, 99, 0, "major"),
        (0, 100, 0, "especially_major"),
        # direct loss: < 10 million, 10 to < 50, 50 to < 100, >= 100 million yuan
        (0, 0, Decimal("9999999.99"), "general"),
        (0, 0, 10 * M, "larger"),
        (0, 0, Decimal("49999999.99"), "larger"),
        (0, 0, 50 * M, "major"),
        (0, 0, Decimal("99999999.99"), "major"),
        (0, 0, 100 * M, "especially_major"),
        # mixtures: the criterion pointing highest wins
        (2, 49, Decimal("9999999"), "larger"),
        (3, 50, 0, "major"),
        (0, 10, 100 * M, "especially_major"),
        (30, 0, 10 * M, "especially_major"),
        (9, 99, Decimal("49999999"), "major"),
        (1, 9, 50 * M, "major"),
        (10, 100, 0, "especially_major"),
    ],
)
def test_classify(deaths, serious, loss, expected):
    assert classify(deaths, serious, loss) == expected


@pytest.mark.parametrize(
    "deaths, serious, loss, grade, basis",
    [
        (0, 0, 0, "general", ()),
        (3, 0, 0, "larger", ("deaths",)),
        (3, 55, 0, "major", ("serious_injuries",)),
        (12, 55, 60 * M, "major", ("deaths", "serious_injuries", "direct_loss")),
        (0, 0, 100 * M, "especially_major", ("direct_loss",)),
    ],
)
def test_the_deciding_criterion_is_named(deaths, serious, loss, grade, basis):
    assert decide(deaths, serious, loss) == (grade, basis)


def test_negative_figures_are_refused():
    with pytest.raises(ValueError, match="cannot be negative"):
        classify(-1, 0, 0)


def test_larger_or_worse():
    assert not grading.is_larger_or_worse("general")
    assert all(grading.is_larger_or_worse(g) for g in ("larger", "major", "especially_major"))


def test_rates_use_the_documented_bases():
    assert rules.rate(1, 200_000, rules.TRIR_BASE) == 1.0
    assert rules.rate(2, 1_000_000, rules.LTIFR_BASE) == 2.0
    assert rules.rate(1, 0, rules.TRIR_BASE) is None
    assert rules.per_thousand_staff(1, 500) == 2.0
