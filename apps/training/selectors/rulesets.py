"""The training settings and the hours required under the rule set in force."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from apps.org.selectors import company_get
from apps.training import rules
from apps.training.models import RuleSet, RuleSetRow, TrainingSettings


def training_settings() -> TrainingSettings | None:
    return TrainingSettings.objects.select_related("ruleset").filter(pk=1).first()


def ruleset_list() -> QuerySet[RuleSet]:
    return RuleSet.objects.prefetch_related("rows").order_by("code")


@dataclass(frozen=True)
class Requirements:
    """The hours table in force: (role, high_risk) -> (initial, annual)."""

    ruleset_code: str
    ruleset_name: str
    high_risk: bool
    table: dict

    def hours(self, role: str, stage: str) -> int:
        initial, annual = self.table[(role, self.high_risk)]
        return initial if stage == "initial" else annual


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
        return Requirements(ruleset.code, ruleset.name, high_risk, table)
    return Requirements("default", rules.RULESET_NAMES["default"], high_risk, rules.TABLES["default"])
