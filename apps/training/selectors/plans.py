"""Yearly training plans the user may read, and how much of them was held."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Exists, Max, OuterRef, Q, QuerySet
from django.utils import timezone

from apps.core.selectors import as_int, matching
from apps.org.policy import in_scope
from apps.org.selectors import in_department
from apps.training.models import TrainingPlan, TrainingPlanItem, TrainingSession
from apps.workflow.models import PlanStatus


def plan_list(*, user, filters: dict | None = None, as_of: dt.date | None = None) -> QuerySet[TrainingPlan]:
    """Plans with their planned items, those due by now and those held (a session linked to
    the item took place), counted in the same query."""
    filters = filters or {}
    as_of = as_of or timezone.localdate()
    qs = TrainingPlan.objects.select_related("department", "approval_task").annotate(
        planned=Count("items", distinct=True),
        held=Count("items", filter=Q(items__sessions__start_date__lte=as_of), distinct=True),
    )
    qs = in_scope(qs, user, heads_only=True)
    if year := as_int(filters.get("year")):
        qs = qs.filter(year=year)
    qs = in_department(qs, filters.get("department"), direct=True)
    qs = matching(qs, filters, "status")
    return qs.order_by("-year", "department__path")


def plan_items(plan: TrainingPlan, *, as_of: dt.date | None = None) -> QuerySet[TrainingPlanItem]:
    as_of = as_of or timezone.localdate()
    return (
        TrainingPlanItem.objects.filter(plan=plan)
        .select_related("course")
        .annotate(
            held_count=Count("sessions", filter=Q(sessions__start_date__lte=as_of)),
            last_held=Max("sessions__start_date", filter=Q(sessions__start_date__lte=as_of)),
        )
        .order_by("month", "pk")
    )


def plan_completion(*, as_of: dt.date) -> tuple[int, int]:
    """Company-wide (held, due) plan items of approved plans of the year, due by this month."""
    items = TrainingPlanItem.objects.filter(
        plan__year=as_of.year, plan__status=PlanStatus.APPROVED, month__lte=as_of.month
    ).annotate(is_held=Exists(TrainingSession.objects.filter(plan_item=OuterRef("pk"), start_date__lte=as_of)))
    counts = items.aggregate(due=Count("pk"), held=Count("pk", filter=Q(is_held=True)))
    return counts["held"] or 0, counts["due"] or 0
