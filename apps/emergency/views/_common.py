"""What every emergency page shares."""

from __future__ import annotations

from django.core.paginator import Paginator

PAGE_SIZE = 25


def _page(request, qs):
    return Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
