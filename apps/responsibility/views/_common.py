"""What the responsibility pages share: the page size and the year asked for."""

from __future__ import annotations

from django.utils import timezone

from apps.core.selectors import as_int

PAGE_SIZE = 50


def _year(request) -> int:
    return as_int(request.GET.get("year")) or timezone.localdate().year
