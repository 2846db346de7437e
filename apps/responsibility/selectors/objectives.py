"""Reads of the yearly objectives with their actual values, the department targets and the
year-end assessments."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from apps.org.policy import in_scope
from apps.responsibility.models import DepartmentAssessment, DepartmentTarget, Objective, is_met


# ------------------------------------------------------------------------------
# Objectives
# ------------------------------------------------------------------------------
@dataclass
class ObjectiveRow:
    objective: Objective
    actual: object
    live: bool
    met: bool | None
    targets: list


def objective_rows(*, year: int, user, as_of: dt.date | None = None, live: dict | None = None) -> list[ObjectiveRow]:
    """Each objective with its actual value: live from the evidence providers when it names an
    indicator that exists, the entered figure otherwise. Department targets are those the
    user may see (their departments for heads)."""
    from apps.scoring.registry import indicators

    # Safety managers and leadership see every department's target; heads their departments'.
    targets = in_scope(DepartmentTarget.objects.select_related("department"), user, heads_only=True)
    objectives = list(Objective.objects.filter(year=year).prefetch_related(Prefetch("targets", queryset=targets)))
    live_values = live if live is not None else {}
    if live is None and any(o.indicator_key for o in objectives):
        as_of = as_of or min(timezone.localdate(), dt.date(year, 12, 31))
        live_values = indicators(as_of)
    rows = []
    for objective in objectives:
        indicator = live_values.get(objective.indicator_key) if objective.indicator_key else None
        if indicator is not None:
            actual, live = indicator.value, True
            if isinstance(actual, bool):
                actual = Decimal(int(actual))
        else:
            actual, live = objective.manual_actual, False
        targets = list(objective.targets.all())
        rows.append(
            ObjectiveRow(objective, actual, live, is_met(objective.direction, objective.target, actual), targets)
        )
    return rows


def target_list(*, user, year: int) -> QuerySet[DepartmentTarget]:
    qs = DepartmentTarget.objects.filter(objective__year=year).select_related("objective", "department")
    return in_scope(qs, user, heads_only=True)


def assessment_list(*, user, year: int):
    qs = DepartmentAssessment.objects.filter(year=year).select_related("department", "approval_task")
    return in_scope(qs, user, heads_only=True)
