"""GB 18218-2018 identification and grading: tables of cases at every boundary.

Sources: §4.1.2 (S = Σ q/Q ≥ 1), §4.3 (R = α·Σ β·q/Q), 表1–表6 as in fixtures/major_hazards/.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from apps.major_hazards.identification import Entry, alpha_for, find_substance, identify, level_for


# §4.1.2: 氨 (表1 Q = 10 t): a major hazard source from S = 1 on, not below.
@pytest.mark.parametrize(
    ("tonnes", "major"),
    [("9.999", False), ("9.9999999", False), ("10", True), ("10.001", True)],
)
def test_a_unit_is_major_from_s_equal_one(tonnes, major):
    result = identify({"液氨": Decimal(tonnes)}, exposed_people=0)
    assert result.is_major is major
    assert result.s == Decimal(tonnes) / 10
    if not major:
        assert result.r is None and result.level is None


def test_s_adds_the_lines_exactly():
    # 0.1 + 0.2 + 0.7 of the critical quantities is exactly 1 (no binary rounding below it).
    result = identify({"氨": 1, "W2": 2, "J1": "3.5"}, exposed_people=0)
    assert result.s == 1 and result.is_major
    # 碳酰氯 (Q 0.3 t) in two places: 1/3 + 2/3, exactly 1 although neither is a finite decimal.
    thirds = identify([("光气", "0.1"), ("碳酰氯", "0.2")], exposed_people=0)
    assert thirds.is_major and thirds.s == 1
    assert not identify([("光气", "0.1"), ("碳酰氯", "0.1999999")], exposed_people=0).is_major


# 表6 with α = 1.0 (1–29 people) and 氨 (β = 2, Q = 10): R = 2·q/10 = q/5.
@pytest.mark.parametrize(
    ("tonnes", "r", "level"),
    [
        ("500", "100", 1),
        ("499.99", "99.998", 2),
        ("250", "50", 2),
        ("249.99", "49.998", 3),
        ("50", "10", 3),
        ("49.99", "9.998", 4),
        ("10", "2", 4),
    ],
)
def test_levels_at_every_r_boundary(tonnes, r, level):
    result = identify({"氨": Decimal(tonnes)}, exposed_people=10)
    assert result.alpha == 1
    assert result.r == Decimal(r)
    assert result.level == level


@pytest.mark.parametrize(
    ("r", "level"),
    [(Decimal("100"), 1), (Decimal("99.9999"), 2), (Decimal("50"), 2), (Decimal("49.9999"), 3),
     (Decimal("10"), 3), (Decimal("9.9999"), 4), (Decimal("0"), 4)],
)  # fmt: skip
def test_level_for_table_6(r, level):
    assert level_for(r) == level


# 表5: α by the people within 500 m.
@pytest.mark.parametrize(
    ("people", "alpha"),
    [(0, "0.5"), (1, "1.0"), (29, "1.0"), (30, "1.2"), (49, "1.2"), (50, "1.5"), (99, "1.5"),
     (100, "2.0"), (5000, "2.0")],
)  # fmt: skip
def test_alpha_at_every_band_edge(people, alpha):
    assert alpha_for(people) == Decimal(alpha)
    result = identify({"氨": 10}, exposed_people=people)
    assert result.alpha == Decimal(alpha)
    assert result.r == Decimal(alpha) * 2  # β·q/Q = 2·10/10


def test_negative_people_are_refused():
    with pytest.raises(ValueError):
        identify({"氨": 10}, exposed_people=-1)


def test_a_mixture_of_named_and_category_only_substances():
    result = identify(
        [
            ("液氨", 5),  # 表1 Q 10, 表3 β 2: 0.5, 1.0
            ("W5.1", 2),  # 表2 Q 10, 表4 β 1.5: 0.2, 0.3
            (("W2", "J1"), 1),  # smallest Q is J1 (5 t), β 4: 0.2, 0.8
            ("7782-50-5", Decimal("0.5")),  # 氯 by CAS: Q 5, β 4: 0.1, 0.4
        ],
        exposed_people=120,
    )
    assert [line.critical_quantity for line in result.lines] == [10, 10, 5, 5]
    assert [line.beta for line in result.lines] == [2, Decimal("1.5"), 4, 4]
    assert [line.q_source for line in result.lines] == ["table1", "table2", "table2", "table1"]
    assert result.lines[2].category == "J1"
    assert result.s == 1 and result.is_major
    assert result.weighted_sum == Decimal("2.5")
    assert result.alpha == 2 and result.r == 5 and result.level == 4


def test_several_categories_take_the_smallest_critical_quantity():
    result = identify([(("W5.3", "W5.1"), 10)], exposed_people=0)
    assert result.lines[0].category == "W5.1"
    assert result.lines[0].critical_quantity == 10
    assert result.is_major


def test_a_named_substance_keeps_its_table_1_quantity_and_takes_beta_from_its_category():
    result = identify([Entry(substance="甲醇", categories=("W5.1",), tonnes=500)], exposed_people=0)
    line = result.lines[0]
    assert (line.critical_quantity, line.q_source) == (500, "table1")
    assert (line.beta, line.beta_source) == (Decimal("1.5"), "table4")


def test_a_table_3_gas_not_in_table_1_takes_q_from_its_categories():
    result = identify([Entry(substance="一氧化碳", categories=("J3", "W2"), tonnes=10)],
                      exposed_people=0)  # fmt: skip
    line = result.lines[0]
    assert (line.critical_quantity, line.category, line.beta) == (10, "W2", 2)


@pytest.mark.parametrize(
    ("key", "name"),
    [("液氨", "氨"), ("氨气", "氨"), ("7664-41-7", "氨"), ("光气", "碳酰氯"), ("液氯", "氯"),
     ("天然气", "甲烷,天然气"), ("甲烷", "甲烷,天然气"), ("8006-14-2", "甲烷,天然气"),
     ("液化石油气", "液化石油气(含丙烷、丁烷及其混合物)"), ("74-98-6", "液化石油气(含丙烷、丁烷及其混合物)"),
     ("1,3-丁二烯", "1,3-丁二烯"), (" 液氨 ", "氨")],
)  # fmt: skip
def test_a_substance_is_found_by_name_alias_or_cas(key, name):
    assert find_substance(key).name == name


@pytest.mark.parametrize(
    "quantities",
    [
        {"不存在的物质": 1},
        {"W99": 1},
        {("W2", "X1"): 1},
        {"一氧化碳": 1},
        {"氨": -1},
        {"氨": "abc"},
    ],
)
def test_unknown_names_and_bad_quantities_raise_value_error(quantities):
    with pytest.raises(ValueError):
        identify(quantities, exposed_people=0)


@pytest.mark.parametrize(
    ("key", "critical"),
    [("氨", 10), ("氯", 5), ("汽油", 200), ("甲醇", 500), ("天然气", 50), ("乙炔", 1), ("氢", 5),
     ("液化石油气", 50), ("苯", 50), ("光气", "0.3")],
)  # fmt: skip
def test_the_critical_quantities_named_in_the_domain(key, critical):
    assert find_substance(key).critical_quantity == Decimal(str(critical))


def test_an_empty_inventory_is_not_major():
    result = identify({}, exposed_people=0)
    assert result.s == 0 and not result.is_major and result.lines == ()
