"""The dashboard, read in a fixed number of queries: department rows for everyone who may see
them, company figures on top for safety managers and leadership."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from apps.dashboard.selectors.company import company_figures_add
from apps.dashboard.selectors.departments import (
    certificate_figures,
    certificate_rows,
    department_memo,
    department_scope,
    hazard_figures,
    rows_add_up,
    task_figures,
)
from apps.dashboard.selectors.figures import Dashboard, MonthRate


def dashboard(*, user, department_id: int | None = None, as_of: dt.date) -> Dashboard:
    company, departments, chosen, units = department_scope(user, department_id)
    computed: list[dt.datetime] = []
    memo = department_memo(units, as_of, computed)
    hazards = memo("hazards", "hazards", lambda: hazard_figures(units, as_of), {"per_path": {}, "months": []})
    tasks = memo("tasks", "workflow", lambda: task_figures(units, as_of), {})
    certificates = memo("certificates", "training", lambda: certificate_figures(units, as_of), {})
    rows_add_up(units, hazards["per_path"], tasks, as_of, computed)
    board = Dashboard(
        as_of=as_of,
        computed_at=min(computed, default=timezone.now()),
        company=company,
        department=chosen,
        departments=departments,
        units=units,
        rectification=[
            MonthRate(m, found, closed, chosen.pk if chosen else None) for m, found, closed in hazards["months"]
        ],
        certificates=certificate_rows(certificates, chosen),
    )
    if company:
        company_figures_add(board, user=user, as_of=as_of)
    return board
