"""GB 18218-2018 identification and grading: tables of cases at every boundary.

Sources: §4.1.2 (S = Σ q/Q ≥ 1), §4.3 (R = α·Σ β·q/Q), 表1–表6 as in fixtures/major_hazards/.
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from django.utils import translation

from apps.major_hazards.identification import (
    DATA_DIR,
    Entry,
    Refused,
    alpha_for,
    find_category,
    find_substance,
    identify,
    level_for,
)

ROOT = Path(__file__).resolve().parents[2]


# §4.1.2: 氨 (表1 Q = 10 t): a major hazard source from S = 1 on, not below.
@pytest.mark.parametrize(("tonnes", "major"), [("9.999", False), ("9.9999999", False), ("10", True), ("10.001", True)])
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
    [
        (Decimal("100"), 1),
        (Decimal("99.9999"), 2),
        (Decimal("50"), 2),
        (Decimal("49.9999"), 3),
        (Decimal("10"), 3),
        (Decimal("9.9999"), 4),
        (Decimal("0"), 4),
    ],
)
def test_level_for_table_6(r, level):
    assert level_for(r) == level


# 表5: α by the people within 500 m.
@pytest.mark.parametrize(
    ("people", "alpha"),
    [
        (0, "0.5"),
        (1, "1.0"),
        (29, "1.0"),
        (30, "1.2"),
        (49, "1.2"),
        (50, "1.5"),
        (99, "1.5"),
        (100, "2.0"),
        (5000, "2.0"),
    ],
)
def test_alpha_at_every_band_edge(people, alpha):
    assert alpha_for(people) == Decimal(alpha)
    result = identify({"氨": 10}, exposed_people=people)
    assert result.alpha == Decimal(alpha)
    assert result.r == Decimal(alpha) * 2  # β·q/Q = 2·10/10


def test_negative_people_are_refused(english):
    with pytest.raises(ValueError, match="people exposed is a whole number, 0 or more"):
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
    result = identify([Entry(substance="一氧化碳", categories=("J3", "W2"), tonnes=10)], exposed_people=0)
    line = result.lines[0]
    assert (line.critical_quantity, line.category, line.beta) == (10, "W2", 2)


@pytest.mark.parametrize(
    ("key", "name"),
    [
        ("液氨", "氨"),
        ("氨气", "氨"),
        ("7664-41-7", "氨"),
        ("光气", "碳酰氯"),
        ("液氯", "氯"),
        ("天然气", "甲烷,天然气"),
        ("甲烷", "甲烷,天然气"),
        ("8006-14-2", "甲烷,天然气"),
        ("液化石油气", "液化石油气(含丙烷、丁烷及其混合物)"),
        ("74-98-6", "液化石油气(含丙烷、丁烷及其混合物)"),
        ("1,3-丁二烯", "1,3-丁二烯"),
        (" 液氨 ", "氨"),
    ],
)
def test_a_substance_is_found_by_name_alias_or_cas(key, name):
    assert find_substance(key).name == name


@pytest.mark.parametrize(
    ("quantities", "refused"),
    [
        ({"不存在的物质": 1}, "Not a substance of GB 18218-2018 table 1 or table 3: 不存在的物质"),
        ({"W99": 1}, "Not a substance of GB 18218-2018 table 1 or table 3: W99"),
        ({("W2", "X1"): 1}, "Not a hazard category of GB 18218-2018 table 2: X1"),
        ({"一氧化碳": 1}, "一氧化碳 is not named in table 1: give its hazard categories"),
        ({"氨": -1}, "氨: a quantity cannot be negative: -1"),
        ({"氨": "abc"}, "氨: not a quantity in tonnes: abc"),
    ],
)
def test_unknown_names_and_bad_quantities_raise_value_error(english, quantities, refused):
    with pytest.raises(ValueError, match=refused):
        identify(quantities, exposed_people=0)


@pytest.mark.parametrize(
    ("key", "critical"),
    [
        ("氨", 10),
        ("氯", 5),
        ("汽油", 200),
        ("甲醇", 500),
        ("天然气", 50),
        ("乙炔", 1),
        ("氢", 5),
        ("液化石油气", 50),
        ("苯", 50),
        ("光气", "0.3"),
    ],
)
def test_the_critical_quantities_named_in_the_domain(key, critical):
    assert find_substance(key).critical_quantity == Decimal(str(critical))


def test_an_empty_inventory_is_not_major():
    result = identify({}, exposed_people=0)
    assert result.s == 0 and not result.is_major and result.lines == ()


# A named 表1 substance that is not a 表3 gas takes β from its categories (表4): never a silent 1.
@pytest.mark.parametrize("name", ["天然气", "液化石油气", "氢", "乙炔", "汽油", "甲醇"])
def test_a_table_1_substance_without_categories_is_refused(name):
    with translation.override("en"), pytest.raises(ValueError, match="give its hazard categories"):
        identify({name: 1}, exposed_people=0)


@pytest.mark.parametrize(
    ("name", "codes", "beta"),
    [
        ("天然气", ("W2",), "1.5"),
        ("液化石油气", ("W2",), "1.5"),
        ("氢", ("W2",), "1.5"),
        ("乙炔", ("W2",), "1.5"),
        ("汽油", ("W5.1",), "1.5"),
        ("苯", ("W5.2",), "1"),
    ],
)
def test_a_table_1_substance_takes_beta_from_its_categories(name, codes, beta):
    line = identify([Entry(substance=name, categories=codes, tonnes=1)], exposed_people=0).lines[0]
    assert (line.beta, line.beta_source, line.q_source) == (Decimal(beta), "table4", "table1")


# Several categories: Q from the smallest-Q category, β the largest β of them (documented choice).
@pytest.mark.parametrize(
    ("codes", "critical", "category", "beta"),
    [
        (("W2", "J3"), 10, "W2", 2),  # W2: Q 10, β 1.5; J3: Q 50, β 2
        (("J3", "W2"), 10, "W2", 2),
        (("W5.1", "J2"), 10, "W5.1", "1.5"),  # J2: Q 50, β 1
        (("W5.3", "W5.1"), 10, "W5.1", "1.5"),
        (("J1", "W2"), 5, "J1", 4),
    ],
)
def test_several_categories_take_the_smallest_q_and_the_largest_beta(codes, critical, category, beta):
    line = identify([(codes, 1)], exposed_people=0).lines[0]
    assert (line.critical_quantity, line.category, line.beta) == (critical, category, Decimal(str(beta)))


def test_a_named_substance_with_several_categories_takes_the_largest_beta():
    line = identify([Entry(substance="甲醇", categories=("W5.2", "J3"), tonnes=1)], exposed_people=0).lines[0]
    assert (line.critical_quantity, line.beta) == (500, 2)


@pytest.mark.parametrize(
    ("key", "name"),
    [
        ("丙烷", "液化石油气(含丙烷、丁烷及其混合物)"),
        ("丁烷", "液化石油气(含丙烷、丁烷及其混合物)"),
        ("乙醇汽油", "汽油(乙醇汽油、甲醇汽油)"),
        ("甲醇汽油", "汽油(乙醇汽油、甲醇汽油)"),
        ("汽油", "汽油(乙醇汽油、甲醇汽油)"),
        ("甲醇", "甲醇"),
        ("甲醛", "甲醛(含量>90%)"),
    ],
)
def test_names_in_a_parenthesis_are_found(key, name):
    assert find_substance(key).name == name


def test_a_condition_in_a_parenthesis_is_not_a_name():
    assert find_substance("含量>90%") is None and find_substance("及其混合物") is None


@pytest.mark.parametrize("people", [True, False, 1.0, 2.5, "10", None, -1, Decimal(3)])
def test_the_people_exposed_are_a_whole_number_not_below_zero(english, people):
    with pytest.raises(ValueError, match="people exposed is a whole number, 0 or more"):
        identify({"氨": 10}, exposed_people=people)


def test_the_messages_are_english_with_their_msgid_for_the_caller():
    with pytest.raises(Refused) as exc:
        identify({"氨": "abc"}, exposed_people=0)
    assert str(exc.value) == "氨: not a quantity in tonnes: abc"
    assert exc.value.message == "%(name)s: not a quantity in tonnes: %(value)s"
    with translation.override("zh-hans"):
        assert translation.gettext(exc.value.message) % exc.value.params == "氨：不是以吨计的数量：abc"


PURE = """
import sys
import apps.major_hazards.identification as i
print([m for m in sys.modules if m == "django" or m.startswith("django.")])
try:
    i.identify({"xyz": 5}, exposed_people=0)
except ValueError as exc:
    print(exc)
"""


def test_the_module_loads_no_django_and_refuses_without_settings():
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    done = subprocess.run(
        [sys.executable, "-c", PURE], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert done.stdout.splitlines() == ["[]", "Not a substance of GB 18218-2018 table 1 or table 3: xyz"], done.stderr


# 表3: β of every named toxic gas; 表4: β of every category, as in the CSV.
TABLE_3 = {
    "一氧化碳": 2,
    "二氧化硫": 2,
    "氨": 2,
    "环氧乙烷": 2,
    "氯化氢": 3,
    "溴甲烷": 3,
    "氯": 4,
    "硫化氢": 5,
    "氟化氢": 5,
    "二氧化氮": 10,
    "氰化氢": 10,
    "碳酰氯": 20,
    "磷化氢": 20,
    "异氰酸甲酯": 20,
}


@pytest.mark.parametrize(("name", "beta"), TABLE_3.items())
def test_table_3_beta_of_every_named_toxic_gas(name, beta):
    assert find_substance(name).beta == beta
    tonnes = 1 if name != "一氧化碳" else None
    if tonnes:
        line = identify({name: tonnes}, exposed_people=0).lines[0]
        assert (line.beta, line.beta_source) == (beta, "table3")


def _csv(name):
    with open(DATA_DIR / name, encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_table_3_in_the_csv_is_the_domain_list():
    rows = [r for r in _csv("gb18218_2018_beta.csv") if r["kind"] == "substance"]
    assert {r["key"]: Decimal(r["beta"]) for r in rows} == TABLE_3


@pytest.mark.parametrize(
    "row", [r for r in _csv("gb18218_2018_beta.csv") if r["kind"] == "category"], ids=lambda r: r["key"]
)
def test_table_4_beta_of_every_category(row):
    assert find_category(row["key"]).beta == Decimal(row["beta"])
    line = identify([((row["key"],), 1)], exposed_people=0).lines[0]
    assert (line.beta, line.beta_source) == (Decimal(row["beta"]), "table4")


@pytest.mark.parametrize(
    ("code", "beta"),
    [
        ("J1", 4),
        ("J2", 1),
        ("J3", 2),
        ("J4", 2),
        ("J5", 1),
        ("W1.1", 2),
        ("W1.2", 2),
        ("W1.3", 2),
        ("W2", "1.5"),
        ("W5.1", "1.5"),
        ("W6.1", "1.5"),
        ("W7.1", "1.5"),
        ("W3", 1),
        ("W11", 1),
    ],
)
def test_table_4_beta_named_in_the_domain(code, beta):
    assert find_category(code).beta == Decimal(str(beta))
