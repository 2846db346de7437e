"""required_hours at every role × stage × high-risk × rule set, with the legal sources.

default: the brief's table. national: 生产经营单位安全培训规定 (安监总局令第3号 as amended) for
principal heads, safety management staff and new staff; 安委〔2012〕10号 for the 8 yearly
hours of ordinary staff outside the high-risk industries.
"""

import pytest

from apps.training import rules, selectors
from apps.training.models import RuleSetRow

CASES = [
    # ruleset, role, high_risk, initial, annual
    ("default", "principal", False, 32, 12),
    ("default", "principal", True, 48, 16),
    ("default", "safety_manager", False, 32, 12),
    ("default", "safety_manager", True, 48, 16),
    ("default", "worker", False, 40, 16),
    ("default", "worker", True, 72, 20),
    ("national", "principal", False, 32, 12),  # 令第3号 第九条
    ("national", "principal", True, 48, 16),  # 令第3号 第九条 (高危行业)
    ("national", "safety_manager", False, 32, 12),
    ("national", "safety_manager", True, 48, 16),
    ("national", "worker", False, 24, 8),  # 令第3号 第十三条; 安委〔2012〕10号
    ("national", "worker", True, 72, 20),  # 令第3号 第十三条 (高危行业)
]


@pytest.mark.parametrize("ruleset, role, high_risk, initial, annual", CASES)
def test_required_hours_table(ruleset, role, high_risk, initial, annual):
    assert rules.required_hours(role, stage="initial", high_risk=high_risk, ruleset=ruleset) == initial
    assert rules.required_hours(role, stage="annual", high_risk=high_risk, ruleset=ruleset) == annual


def test_the_cases_cover_every_combination():
    combos = {(r, role, h) for r, role, h, _i, _a in CASES}
    assert combos == {(r, role, h) for r in rules.TABLES for role in rules.ROLES for h in (False, True)}


def test_defaults_are_the_default_rule_set_and_not_high_risk():
    assert rules.required_hours("worker", stage="initial") == 40
    assert rules.required_hours("principal", stage="annual") == 12


@pytest.mark.parametrize(
    "role, stage, ruleset, message",
    [
        ("boss", "initial", "default", "Unknown role 'boss'"),
        ("worker", "monthly", "default", "Unknown stage 'monthly'"),
        ("worker", "initial", "eu", "Unknown rule set 'eu'"),
    ],
)
def test_unknown_inputs_are_refused(role, stage, ruleset, message):
    with pytest.raises(ValueError, match=message):
        rules.required_hours(role, stage=stage, ruleset=ruleset)


@pytest.mark.parametrize(
    "principal, manager, role",
    [(True, True, "principal"), (True, False, "principal"), (False, True, "safety_manager"), (False, False, "worker")],
)
def test_the_role_of_a_person(principal, manager, role):
    assert rules.role_of(is_principal_head=principal, is_safety_manager=manager) == role


def test_the_seeded_rule_sets_hold_the_same_figures(db):
    rows = {
        (r.ruleset.code, r.role, r.high_risk): (r.initial_hours, r.annual_hours)
        for r in RuleSetRow.objects.select_related("ruleset")
    }
    assert rows == {(c[0], c[1], c[2]): (c[3], c[4]) for c in CASES}
    assert selectors.requirements().ruleset_code == "default"
