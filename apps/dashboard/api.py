"""The dashboard's figures as JSON: GET /api/v1/dashboard/?department=<id>."""

from __future__ import annotations

from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import viewsets
from rest_framework.response import Response

from apps.core.selectors import as_int
from apps.dashboard import policies, selectors


def _number(value):
    return None if value is None else (value if isinstance(value, bool | int) else str(value))


def _figure(f: selectors.Figure) -> dict:
    return {
        "key": f.key,
        "label": f.label,
        "value": _number(f.value),
        "unit": f.unit,
        "target": _number(f.target),
        "ok": f.ok,
        "url": f.url,
        "available": f.available,
    }


def _unit(u: selectors.Unit) -> dict:
    return {
        "department": u.id,
        "name": u.name,
        "direct_only": u.direct_only,
        "hazards_open": u.hazards_open,
        "hazards_overdue": u.hazards_overdue,
        "tasks_open": u.tasks_open,
        "tasks_overdue": u.tasks_overdue,
        "people": u.people,
        "hours_compliance": _number(u.hours_rate),
    }


def _month(m: selectors.MonthRate) -> dict:
    return {"month": m.month.strftime("%Y-%m"), "found": m.found, "closed": m.closed, "rate": _number(m.rate)}


def _projection(p) -> dict | None:
    if p is None or p.result is None:
        return None
    return {
        "score": _number(p.result.score),
        "level": p.final_level,
        "score_level": p.result.score_level,
        "change": _number(p.change),
        "base_assessment": p.base.pk if p.base else None,
        "gate": p.gate,
        "live_items": p.live_items,
        "from_assessment": p.from_assessment,
        "not_scored": p.not_scored,
        "elements": [
            {
                "code": e.code,
                "name": e.name,
                "earned": str(e.earned),
                "applicable": str(e.applicable),
                "percent": _number(e.percent),
            }
            for e in p.elements
        ],
    }


def _assessment(a) -> dict:
    return {"assessment": a.pk, "year": a.year, "kind": a.kind, "score": _number(a.score), "level": a.level}


def _objective(r) -> dict:
    return {
        "name": r.objective.name,
        "target": _number(r.objective.target),
        "direction": r.objective.direction,
        "actual": _number(r.actual),
        "live": r.live,
        "met": r.met,
    }


def board_data(board: selectors.Dashboard) -> dict:
    """The board as JSON: department figures for everyone, company figures for company viewers."""
    data = {
        "as_of": board.as_of,
        "computed_at": board.computed_at,
        "department": board.department.pk if board.department else None,
        "units": [_unit(u) for u in board.units],
        "rectification": [_month(m) for m in board.rectification],
        "certificates": [_figure(f) for f in board.certificates],
    }
    if board.company:
        data.update(
            {
                "projection": _projection(board.projection),
                "history": [_assessment(a) for a in board.history],
                "overdue": [_figure(f) for f in board.overdue],
                "rates": [_figure(f) for f in board.rates],
                "accidents": [_figure(f) for f in board.accidents],
                "objectives": [_objective(r) for r in board.objectives],
            }
        )
    return data


class DashboardViewSet(viewsets.ViewSet):
    policies = {"list": policies.can_read_dashboard}

    @extend_schema(
        parameters=[OpenApiParameter("department", int, description="roll up below this department")],
        responses={200: dict},
    )
    def list(self, request):
        board = selectors.dashboard(
            user=request.user, department_id=as_int(request.query_params.get("department")), as_of=timezone.localdate()
        )
        return Response(board_data(board))
