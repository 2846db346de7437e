"""The training settings and the hours required under the rule set in force."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet

from apps.org.selectors import company_get
from apps.training import rules
from apps.training.models import RuleSet, RuleSetRow, TrainingSettings


def training_settings() -> TrainingSettings | None:
    return TrainingSettings.objects.select_related("ruleset").filter(pk=1).first()


def training_year(on: dt.date) -> tuple[dt.date, dt.date]:
    """The company's training year containing `on` (one query; the calendar year when nothing
    is set up)."""
    row = TrainingSettings.objects.filter(pk=1).values_list("year_start_month", "year_start_day").first()
    month, day = row or (1, 1)
    return rules.training_year(on, start_month=month, start_day=day)


def ruleset_list() -> QuerySet[RuleSet]:
    return RuleSet.objects.prefetch_related("rows").order_by("code")


@dataclass(frozen=True)
class Requirements:
    """The hours table in force: (role, high_risk) -> (initial, annual)."""

    ruleset_code: str
    ruleset_name: str
    high_risk: bool
    table: dict
    year_start_month: int = 1
    year_start_day: int = 1

    def hours(self, role: str, stage: str) -> int:
        initial, annual = self.table[(role, self.high_risk)]
        return initial if stage == "initial" else annual

    def training_year(self, on: dt.date) -> tuple[dt.date, dt.date]:
        """The company's training year containing `on` (the calendar year by default)."""
        return rules.training_year(on, start_month=self.year_start_month, start_day=self.year_start_day)


def requirements() -> Requirements:
    """The rule set in force, read from the database (two queries); the pure module's default
    table when nothing is set up (a fresh or flushed database)."""
    settings_row = training_settings()
    company = company_get()
    high_risk = bool(company and company.is_high_risk)
    if settings_row is not None:
        ruleset = settings_row.ruleset
        rows = {
            (r.role, r.high_risk): (r.initial_hours, r.annual_hours) for r in RuleSetRow.objects.filter(ruleset=ruleset)
        }
        table = {**rules.TABLES.get(ruleset.code, rules.TABLES["default"]), **rows}
        return Requirements(
            ruleset.code, ruleset.name, high_risk, table, settings_row.year_start_month, settings_row.year_start_day
        )
    return Requirements("default", rules.RULESET_NAMES["default"], high_risk, rules.TABLES["default"])
