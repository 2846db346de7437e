"""Reads of the yearly objectives with their actual values, the department targets and the
year-end assessments."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import QuerySet
from django.utils import timezone

from apps.org.access import access_for
from apps.responsibility.models import DepartmentAssessment, DepartmentTarget, Objective, is_met


def _scope(qs, user, field: str = "department_id"):
    """Safety managers and leadership see all; heads their departments; others nothing more."""
    access = access_for(user)
    if access.sees_everything:
        return qs
    return qs.filter(**{f"{field}__in": access.headed_department_ids})


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


def objective_rows(
    *, year: int, user, as_of: dt.date | None = None, live: dict | None = None
) -> list[ObjectiveRow]:
    """Each objective with its actual value: live from the evidence providers when it names an
    indicator that exists, the entered figure otherwise. Department targets are those the
    user may see (their departments for heads)."""
    from apps.scoring.registry import indicators

    objectives = list(Objective.objects.filter(year=year).prefetch_related("targets__department"))
    live_values = live if live is not None else {}
    if live is None and any(o.indicator_key for o in objectives):
        as_of = as_of or min(timezone.localdate(), dt.date(year, 12, 31))
        live_values = indicators(as_of)
    access = access_for(user)
    rows = []
    for objective in objectives:
        indicator = live_values.get(objective.indicator_key) if objective.indicator_key else None
        if indicator is not None:
            actual, live = indicator.value, True
            if isinstance(actual, bool):
                actual = Decimal(int(actual))
        else:
            actual, live = objective.manual_actual, False
        targets = [
            t
            for t in objective.targets.all()
            if access.sees_everything or t.department_id in access.headed_department_ids
        ]
        rows.append(
            ObjectiveRow(
                objective,
                actual,
                live,
                is_met(objective.direction, objective.target, actual),
                targets,
            )
        )
    return rows


def target_list(*, user, year: int) -> QuerySet[DepartmentTarget]:
    qs = DepartmentTarget.objects.filter(objective__year=year).select_related(
        "objective", "department"
    )
    return _scope(qs, user)


def assessment_list(*, user, year: int):
    qs = DepartmentAssessment.objects.filter(year=year).select_related(
        "department", "approval_task"
    )
    return _scope(qs, user)
