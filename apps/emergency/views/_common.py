"""What every emergency page shares."""

from __future__ import annotations

from django.core.paginator import Paginator

from apps.core.views import PAGE_SIZE


def _page(request, qs):
    return Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
