from __future__ import annotations

from django.db.models import Count, Prefetch, Q, QuerySet

from apps.core.selectors import by_flag, searched
from apps.scoring.models import BItem, Element, ScoringItem, Standard


def standard_list(*, filters: dict | None = None) -> QuerySet[Standard]:
    filters = filters or {}
    qs = Standard.objects.annotate(item_count=Count("items"))
    qs = searched(qs, filters.get("q"), "name")
    qs = by_flag(qs, filters.get("active"), Q(is_active=True))
    # The model's order, said again: an aggregate would otherwise leave pages unordered.
    return qs.order_by("-is_active", "name", "-version", "pk")


def standard_tree(standard: Standard) -> list[Element]:
    """Elements with their B-items and items, in three queries whatever the size."""
    return list(
        Element.objects.filter(standard=standard)
        .order_by("order")
        .prefetch_related(
            Prefetch(
                "b_items",
                queryset=BItem.objects.order_by("order").prefetch_related(
                    Prefetch("items", queryset=ScoringItem.objects.order_by("order"))
                ),
            )
        )
    )
