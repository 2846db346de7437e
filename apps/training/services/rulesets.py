"""Rule sets of training hours and the company's training settings; safety managers keep them."""

from __future__ import annotations

from django.db import transaction

from apps.training import policies
from apps.training.models import RuleSet, RuleSetRow, TrainingSettings
from apps.training.services._common import _apply, _check, _save


@transaction.atomic
def ruleset_save(*, ruleset: RuleSet | None = None, data: dict, user) -> RuleSet:
    """Create or rename a rule set; a new one starts as a copy of the default table."""
    _check(policies.can_edit_rules, user, ruleset)
    from apps.training import rules

    is_new = ruleset is None
    ruleset = ruleset or RuleSet()
    _apply(ruleset, data, ("code", "name", "source"))
    _save(ruleset, user=user)
    if is_new:
        for (role, high_risk), (initial, annual) in rules.TABLES.get(ruleset.code, rules.TABLES["default"]).items():
            row = RuleSetRow(
                ruleset=ruleset, role=role, high_risk=high_risk, initial_hours=initial, annual_hours=annual
            )
            _save(row, user=user)
    return ruleset


@transaction.atomic
def ruleset_row_update(*, row: RuleSetRow, data: dict, user) -> RuleSetRow:
    _check(policies.can_edit_rules, user, row)
    _apply(row, data, ("initial_hours", "annual_hours"))
    _save(row, user=user)
    return row


@transaction.atomic
def settings_update(*, data: dict, user) -> TrainingSettings:
    _check(policies.can_edit_rules, user)
    current = TrainingSettings.objects.select_for_update().filter(pk=1).first()
    current = current or TrainingSettings(pk=1)
    _apply(current, data, ("ruleset", "plan_approver_role", "year_start_month", "year_start_day"))
    _save(current, user=user)
    return current
