"""Table-driven tests of the pure scoring core.

Sources: docs/domain.md "Scoring and grades" (AQ/T 9006-2010 and the 13-element industry scoring
standards: score on 100, half-up to one decimal; 一级 ≥ 90, 二级 ≥ 75, 三级 ≥ 60; 缺项 leave both
sides; veto items; element minimum shares; the safety-performance gate).
"""

from decimal import Decimal as D

import pytest

from apps.scoring.engine import ItemResult, gate_level, grade, level_for, parse_rule, suggested_deduction, to_hundred


@pytest.mark.parametrize(
    "earned, full, na, expected",
    [
        (900, 1000, 0, D("90.0")),
        (899, 1000, 0, D("89.9")),
        (8995, 10000, 0, D("90.0")),  # 89.95 rounds half up
        (8994, 10000, 0, D("89.9")),  # 89.94 rounds down
        (D("674.5"), 1000, 100, D("74.9")),  # 74.944…
        (D("674.55"), 1000, 100, D("75.0")),  # 74.95 exactly, half up
        (0, 1000, 0, D("0.0")),
        (40, 40, 0, D("100.0")),
        (2, 3, 0, D("66.7")),
    ],
)
def test_to_hundred_rounds_half_up_to_one_decimal(earned, full, na, expected):
    assert to_hundred(earned, full, na) == expected


@pytest.mark.parametrize("full, na", [(100, 100), (0, 0), (50, 60)])
def test_to_hundred_refuses_when_nothing_applies(full, na):
    with pytest.raises(ValueError, match="No item applies"):
        to_hundred(0, full, na)


@pytest.mark.parametrize(
    "score, expected",
    [
        (D("100"), 1),
        (D("90.0"), 1),
        (D("89.9"), 2),
        (D("75.0"), 2),
        (D("74.9"), 3),
        (D("60.0"), 3),
        (D("59.9"), None),
        (D("0"), None),
    ],
)
def test_level_for_the_default_thresholds(score, expected):
    assert level_for(score) == expected


def test_level_for_custom_thresholds():
    assert level_for(D("85"), thresholds=(85, 70, 50)) == 1
    assert level_for(D("49.9"), thresholds=(85, 70, 50)) is None


# level, fatalities, limit, larger-or-worse accident → final level
GATE_CASES = [
    (1, 0, 0, False, 1),  # no fatal accident: 一级 stands
    (1, 1, 1, False, 2),  # a death within the control figure: at best 二级
    (1, 1, 2, False, 2),
    (2, 1, 1, False, 2),
    (3, 1, 1, False, 3),
    (2, 2, 1, False, None),  # deaths over the control figure withdraw the title
    (3, 1, 0, False, None),
    (1, 0, 0, True, None),  # a 较大 or worse accident withdraws the title
    (2, 0, 3, True, None),
    (3, 0, 0, True, None),
    (None, 0, 0, False, None),  # no score grade: nothing to gate
    (None, 5, 0, True, None),
]


@pytest.mark.parametrize("level, deaths, limit, larger, expected", GATE_CASES)
def test_gate_level(level, deaths, limit, larger, expected):
    assert gate_level(level, fatalities=deaths, fatality_limit=limit, larger_or_worse_accident=larger) == expected


def _items(*rows):
    return [
        ItemResult(code=c, element=e, points=D(p), deduction=D(d), applicable=a, veto_failed=v)
        for c, e, p, d, a, v in rows
    ]


def test_deductions_are_floored_at_zero():
    result = grade(_items(("1", "A1", 5, 8, True, False), ("2", "A1", 5, 0, True, False)))
    assert result.earned == D(5)
    assert result.score == D("50.0")


def test_not_applicable_items_leave_both_sides():
    result = grade(_items(("1", "A1", 60, 0, True, False), ("2", "A2", 40, 40, False, False)))
    assert (result.full, result.not_applicable, result.earned) == (D(100), D(40), D(60))
    assert result.score == D("100.0")
    assert result.level == 1


@pytest.mark.parametrize(
    "deduction, level", [(D("10.0"), 1), (D("10.1"), 2), (D("25"), 2), (D("25.1"), 3), (D("40"), 3), (D("40.1"), None)]
)
def test_grade_boundaries_on_a_100_point_standard(deduction, level):
    result = grade(_items(("1", "A1", 50, deduction, True, False), ("2", "A2", 50, 0, True, False)))
    assert result.level == level


def test_a_failed_veto_item_gives_no_grade_but_keeps_the_score():
    result = grade(_items(("1", "A1", 50, 0, True, True), ("2", "A2", 50, 0, True, False)))
    assert result.score == D("100.0")
    assert result.score_level == 1
    assert result.level is None
    assert result.veto_failed == ["1"]


def test_a_not_applicable_veto_item_does_not_veto():
    result = grade(_items(("1", "A1", 50, 0, False, True), ("2", "A2", 50, 0, True, False)))
    assert result.level == 1


@pytest.mark.parametrize(
    "a2_deduction, expected_level, below", [(D(20), 1, []), (D("20.1"), None, ["A2"]), (D(0), 1, [])]
)
def test_element_minimum_share(a2_deduction, expected_level, below):
    # A2 has 50 points; with a 60 % minimum share it must keep at least 30.
    items = _items(("1", "A1", 950, 0, True, False), ("2", "A2", 50, a2_deduction, True, False))
    result = grade(items, element_min_share=D("0.6"))
    assert result.level == expected_level
    assert result.below_min_share == below


def test_per_element_breakdown():
    result = grade(
        _items(("1", "A1", 6, 1, True, False), ("2", "A1", 4, 0, True, False), ("3", "A2", 10, 0, False, False))
    )
    by_code = {e.code: e for e in result.elements}
    assert by_code["A1"].earned == D(9) and by_code["A1"].percent == D("90.0")
    assert by_code["A2"].applicable_full == 0 and by_code["A2"].percent is None


@pytest.mark.parametrize(
    "rule, value, points, expected",
    [
        ("below:100:5:1", D(100), 10, D(0)),
        ("below:100:5:1", D("99.9"), 10, D(1)),
        ("below:100:5:1", D(95), 10, D(1)),
        ("below:100:5:1", D("94.9"), 10, D(2)),
        ("below:100:5:1", D(0), 10, D(10)),  # capped at the item's points
        ("above:0:1:2", 0, 10, D(0)),
        ("above:0:1:2", 3, 10, D(6)),
        ("above:0:1:2", 9, 10, D(10)),
        ("false", True, 4, D(0)),
        ("false", False, 4, D(4)),
        ("below:100:5:1", None, 10, None),  # no data: no suggestion
    ],
)
def test_suggested_deductions(rule, value, points, expected):
    assert suggested_deduction(rule, value, points) == expected


@pytest.mark.parametrize(
    "rule, reason",
    [
        ("between:1:2:3", "Unknown auto-deduction rule"),
        ("below:100:0:1", "the step and the deduction must be positive"),
        ("below:x:5:1", "has a part that is not a number"),
        ("below:100:5", "Unknown auto-deduction rule"),
    ],
)
def test_bad_rules_are_refused(rule, reason):
    with pytest.raises(ValueError, match=reason):
        parse_rule(rule)
