"""The quarterly and yearly hazard statistics page."""

from __future__ import annotations

from django.shortcuts import render
from django.utils import timezone

from apps.core.selectors import as_int
from apps.hazards import policies, rules, selectors
from apps.org.permissions import policy_required


@policy_required(policies.can_read_statistics)
def statistics(request):
    today = timezone.localdate()
    year = as_int(request.GET.get("year")) or today.year
    quarter = as_int(request.GET.get("quarter"))
    period = rules.Period(year, quarter if quarter in (1, 2, 3, 4) else None)
    stats = selectors.statistics(user=request.user, start=period.start, end=period.end)
    return render(
        request,
        "hazards/statistics.html",
        {"period": period, "stats": stats, "years": range(today.year, today.year - 6, -1)},
    )
