"""The hazard statistics of a quarter or a year, as the API answers them."""

from __future__ import annotations

from django.utils import timezone

from apps.core.selectors import as_int
from apps.hazards import rules, selectors

# The figures of a row (a department or the total), under their own names.
ROW_FIGURES = (
    "department",
    "found",
    "rectified",
    "rectification_rate",
    "on_time",
    "on_time_rate",
    "major_found",
    "major_rectified",
    "funds",
)


def _row(r) -> dict:
    return {name: getattr(r, name) for name in ROW_FIGURES}


def statistics_payload(*, user, params) -> dict:
    """The period asked for (`year`, and `quarter` 1-4 or none for the whole year), its due date
    and the figures per department and in total."""
    year = as_int(params.get("year")) or timezone.localdate().year
    quarter = as_int(params.get("quarter"))
    period = rules.Period(year, quarter if quarter in (1, 2, 3, 4) else None)
    stats = selectors.statistics(user=user, start=period.start, end=period.end)
    return {
        "start": period.start,
        "end": period.end,
        "due": period.due,
        "rows": [_row(r) for r in stats.rows],
        "total": _row(stats.total),
    }
