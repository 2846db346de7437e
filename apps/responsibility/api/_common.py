"""What the responsibility API modules share: the year asked for."""

from __future__ import annotations

from django.utils import timezone

from apps.core.selectors import as_int


def _year(request) -> int:
    return as_int(request.query_params.get("year")) or timezone.localdate().year
