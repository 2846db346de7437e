"""Reads of the duty documents with their reviews."""

from __future__ import annotations

from django.db.models import Count, OuterRef, QuerySet, Subquery
from django.utils import timezone

from apps.core.selectors import matching
from apps.org.policy import in_scope
from apps.responsibility.models import DutyDocument, DutyReview
from apps.responsibility.policies import published_duties_q


def duty_list(*, user, filters: dict | None = None, year: int | None = None) -> QuerySet[DutyDocument]:
    """Duty documents with their number of reviews and the result of `year`'s review.

    Published duties (the current version, in force) are everyone's to read; drafts not yet in
    force and superseded versions stay with their department and the safety office."""
    filters = filters or {}
    qs = DutyDocument.objects.select_related("department", "position").annotate(
        review_count=Count("reviews"),
        year_result=Subquery(
            DutyReview.objects.filter(document=OuterRef("pk"), year=year or timezone.localdate().year).values("result")[
                :1
            ]
        ),
    )
    qs = in_scope(qs, user, also=published_duties_q())
    if filters.get("current", "1") == "1":
        qs = qs.filter(is_current=True)
    qs = matching(qs, filters, "scope")
    return qs.order_by("scope", "title", "-version", "pk")
