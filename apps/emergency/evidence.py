"""What the emergency app tells the scoring engine (element 11)."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, F, Max, Q
from django.urls import reverse
from django.utils.translation import gettext as _

from apps.core.numbers import percent
from apps.emergency import rules, selectors
from apps.emergency.models import Drill, Improvement, Plan, PlanKind, Supply
from apps.scoring import registry
from apps.scoring.registry import Indicator
from apps.workflow.models import TaskStatus

ELEMENT = 11
WINDOW_DAYS = 365


def provider(as_of: dt.date) -> list[Indicator]:
    """Seven queries: plans (with their evaluations up to the date), drills of the
    last 12 months, supplies and improvements; the drill obligations read the plans and drills
    again, and the company profile. Figures are as of the date: a drill or an
    evaluation recorded later does not count, and an improvement counts as closed only when its
    task was signed off by then (a task cancelled by then is left out).

    Not recorded by date, so read as they are now: whether a plan or a supply is in force (a
    plan withdrawn since is left out of past figures too; its history says when) and a task
    signed off then but reopened since (counted as open)."""
    return [
        *_plan_indicators(_plan_figures(as_of)),
        *_drill_indicators(_drill_figures(as_of)),
        _supply_indicator(_supply_figures(as_of)),
        _improvement_indicator(_improvement_figures(as_of)),
    ]


# ------------------------------------------------------------------------------
# Plans: filing, evaluation and drills due
# ------------------------------------------------------------------------------
def _plan_figures(as_of: dt.date) -> dict[str, int]:
    """Plans in force by the date: how many, filed, evaluated in time; and the company's drill
    obligations missed in the 12 months to the date (selectors.drill_obligations)."""
    plans = list(
        Plan.objects.filter(is_active=True, published_on__lte=as_of)
        .annotate(last_evaluation=Max("evaluations__evaluated_on", filter=Q(evaluations__evaluated_on__lte=as_of)))
        .values("kind", "published_on", "filed_on", "evaluation_interval_years", "last_evaluated_on", "last_evaluation")
    )
    filed = evaluations_current = 0
    for plan in plans:
        if plan["filed_on"] and plan["filed_on"] <= as_of:
            filed += 1
        # An evaluation entered only as a date on the plan counts as well as a recorded one.
        entered = (
            plan["last_evaluated_on"] if plan["last_evaluated_on"] and plan["last_evaluated_on"] <= as_of else None
        )
        last = max(d for d in (plan["last_evaluation"], entered, plan["published_on"]) if d)
        if rules.evaluation_due(last, plan["evaluation_interval_years"]) >= as_of:
            evaluations_current += 1
    drills_due = len(selectors.obligations_overdue(selectors.drill_obligations(as_of), as_of))
    return {"total": len(plans), "filed": filed, "drills_due": drills_due, "evaluations_current": evaluations_current}


def _plan_indicators(figures: dict[str, int]) -> list[Indicator]:
    total = figures["total"]
    current, drills_due = figures["evaluations_current"], figures["drills_due"]
    plans_url = reverse("emergency:plan_list")
    return [
        registry.rate(
            "emergency.plans_filed_rate",
            _("Emergency plans filed with the authority"),
            percent(figures["filed"], total),
            ELEMENT,
            plans_url + "?unfiled=1",
        ),
        registry.rate(
            "emergency.evaluations_current_rate",
            _("Emergency plans evaluated in time"),
            percent(current, total),
            ELEMENT,
            plans_url,
        ),
        registry.nought(
            "emergency.evaluations_overdue",
            _("Emergency plans overdue for evaluation"),
            total - current if total else None,
            ELEMENT,
            plans_url + "?evaluation_overdue=1",
        ),
        registry.nought(
            "emergency.drills_due",
            _("Drill obligations missed (12 months)"),
            drills_due if total else None,
            ELEMENT,
            reverse("emergency:overdue"),
        ),
    ]


# ------------------------------------------------------------------------------
# Drills held on time
# ------------------------------------------------------------------------------
def _drill_figures(as_of: dt.date) -> dict[str, int]:
    """Drills of the 12 months to the date with a due date: all and on time, and per plan kind."""
    since = as_of - dt.timedelta(days=WINDOW_DAYS)
    on_time = Q(held_on__lte=F("due_on"))
    per_kind = {}
    for kind in PlanKind.values:
        per_kind[f"{kind}_total"] = Count("pk", filter=Q(plan__kind=kind))
        per_kind[f"{kind}_on_time"] = Count("pk", filter=on_time & Q(plan__kind=kind))
    return Drill.objects.filter(held_on__gt=since, held_on__lte=as_of, due_on__isnull=False).aggregate(
        total=Count("pk"), on_time=Count("pk", filter=on_time), **per_kind
    )


def _drill_indicators(drills: dict[str, int]) -> list[Indicator]:
    url = reverse("emergency:drill_list")
    return [
        registry.rate(
            "emergency.drills_on_time_rate",
            _("Drills held on time (12 months)"),
            percent(drills["on_time"], drills["total"]),
            ELEMENT,
            url,
        ),
        *(
            registry.rate(
                f"emergency.drills_on_time_rate.{kind}",
                _("Drills held on time (12 months): %(kind)s") % {"kind": label},
                percent(drills[f"{kind}_on_time"], drills[f"{kind}_total"]),
                ELEMENT,
                url,
            )
            for kind, label in PlanKind.choices
        ),
    ]


# ------------------------------------------------------------------------------
# Supplies and improvements
# ------------------------------------------------------------------------------
def _supply_figures(as_of: dt.date) -> dict[str, int]:
    return Supply.objects.filter(is_active=True, created_at__date__lte=as_of).aggregate(
        total=Count("pk"), in_date=Count("pk", filter=Q(expires_on__isnull=True) | Q(expires_on__gte=as_of))
    )


def _supply_indicator(supplies: dict[str, int]) -> Indicator:
    return registry.rate(
        "emergency.supplies_in_date_rate",
        _("Emergency supplies within their expiry date"),
        percent(supplies["in_date"], supplies["total"]),
        ELEMENT,
        reverse("emergency:supply_list"),
    )


def _improvement_figures(as_of: dt.date) -> dict[str, int]:
    return (
        Improvement.objects.filter(created_at__date__lte=as_of)
        .exclude(task__status=TaskStatus.CANCELLED, task__closed_at__date__lte=as_of)
        .aggregate(
            total=Count("pk"),
            closed=Count("pk", filter=Q(task__status=TaskStatus.SIGNED_OFF, task__closed_at__date__lte=as_of)),
        )
    )


def _improvement_indicator(improvements: dict[str, int]) -> Indicator:
    return registry.rate(
        "emergency.improvements_closed_rate",
        _("Drill improvements closed"),
        percent(improvements["closed"], improvements["total"]),
        ELEMENT,
        reverse("emergency:drill_list"),
    )
