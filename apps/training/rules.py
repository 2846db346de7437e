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

The yearly hours are judged per training year: the calendar year by default, or the year the
company chooses to start on another day (`training_year`).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

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


def check_year_start(month: int, day: int) -> None:
    """Raise ValueError unless (month, day) is a day every year has (so not 29 February)."""
    try:
        dt.date(2001, month, day)  # 2001 is not a leap year: 29 February fails here
    except (TypeError, ValueError):
        raise ValueError(f"A training year cannot start on {month}-{day}: the day must exist every year") from None


def training_year(on: dt.date, *, start_month: int = 1, start_day: int = 1) -> tuple[dt.date, dt.date]:
    """The training year containing `on`: (its first day, its last day).

    Each training year starts on the same month and day (1 January, the calendar year, by
    default) and ends the day before the next start, so a year that holds 29 February has 366
    days. Raises ValueError for a start that some years lack (29 February) or that never exists.
    """
    check_year_start(start_month, start_day)
    start = dt.date(on.year, start_month, start_day)
    if on < start:
        start = dt.date(on.year - 1, start_month, start_day)
    end = dt.date(start.year + 1, start_month, start_day) - dt.timedelta(days=1)
    return start, end


def year_elapsed(on: dt.date, start: dt.date, end: dt.date) -> Decimal:
    """The share of the training year [start, end] gone by the end of `on`, in percent (one
    decimal): the first day is 1/365 of a common year, the last day 100."""
    if not start <= on <= end:
        raise ValueError(f"{on} is outside the training year {start}–{end}")
    return (Decimal((on - start).days + 1) * 100 / ((end - start).days + 1)).quantize(Decimal("0.1"))
