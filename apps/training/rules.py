"""Required safety-training hours (学时): pure rules, no Django.

Two rule sets, each a table of (initial, annual) hours by role, with a column for high-risk
industries (coal and non-coal mines, hazardous chemicals, fireworks, metal smelting):

- "default", the brief's figures: principal head 主要负责人 and safety management staff
  安全生产管理人员 32 initial / 12 yearly (high-risk 48 / 16); everyone else ("worker": new
  staff, changed post, back after more than 6 months away, contractors' and dispatched staff)
  40 / 16 (high-risk 72 / 20).
- "national": 生产经营单位安全培训规定 (安监总局令第3号, as amended) for heads and managers
  (same as above) and for new staff (24 initial, high-risk 72; high-risk yearly 20);
  安委〔2012〕10号 adds 8 hours a year for ordinary staff outside the high-risk industries.

The database keeps editable copies of these tables (RuleSet rows, seeded from TABLES); this
module is the reference the seed and the tests read.
"""

from __future__ import annotations

ROLES = ("principal", "safety_manager", "worker")
STAGES = ("initial", "annual")

# ruleset -> (role, high_risk) -> (initial hours, annual hours)
TABLES: dict[str, dict[tuple[str, bool], tuple[int, int]]] = {
    "default": {
        ("principal", False): (32, 12),
        ("principal", True): (48, 16),
        ("safety_manager", False): (32, 12),
        ("safety_manager", True): (48, 16),
        ("worker", False): (40, 16),
        ("worker", True): (72, 20),
    },
    "national": {
        ("principal", False): (32, 12),
        ("principal", True): (48, 16),
        ("safety_manager", False): (32, 12),
        ("safety_manager", True): (48, 16),
        ("worker", False): (24, 8),
        ("worker", True): (72, 20),
    },
}

RULESET_NAMES = {"default": "默认学时标准", "national": "国家规定学时(安监总局令第3号、安委〔2012〕10号)"}


def required_hours(role: str, *, stage: str, high_risk: bool = False, ruleset: str = "default") -> int:
    """Hours a person of this role must have at this stage under the named rule set.

    Raises ValueError for an unknown role, stage or rule set.
    """
    if ruleset not in TABLES:
        raise ValueError(f"Unknown rule set {ruleset!r}; expected one of {sorted(TABLES)}")
    if role not in ROLES:
        raise ValueError(f"Unknown role {role!r}; expected one of {ROLES}")
    if stage not in STAGES:
        raise ValueError(f"Unknown stage {stage!r}; expected one of {STAGES}")
    initial, annual = TABLES[ruleset][(role, bool(high_risk))]
    return initial if stage == "initial" else annual


def role_of(*, is_principal_head: bool, is_safety_manager: bool) -> str:
    """The training role of a person: principal head first, then safety management staff."""
    if is_principal_head:
        return "principal"
    if is_safety_manager:
        return "safety_manager"
    return "worker"
