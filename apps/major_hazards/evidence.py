"""What the major hazards app tells the scoring engine (element 9)."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.core.numbers import percent
from apps.major_hazards.models import InventoryItem, MonitoringMeasure, Unit
from apps.major_hazards.selectors import latest_identification, with_current
from apps.scoring import registry
from apps.scoring.registry import Indicator

ELEMENT = 9


URL = "/major-hazards/"


def _unit_figures(as_of: dt.date) -> dict:
    """The active units: how many, how many identified and up to date, major, registered and
    with a current assessment (one query)."""
    latest = latest_identification(as_of=as_of)
    day_after = timezone.make_aware(dt.datetime.combine(as_of + dt.timedelta(days=1), dt.time.min))
    units = with_current(Unit.objects.filter(is_active=True), as_of).annotate(
        identified_at=Subquery(latest.values("created_at")[:1]),
        # An inventory line changed after the latest identification, by the day asked about,
        # makes it out of date.
        stale=Exists(
            InventoryItem.objects.filter(
                unit_id=OuterRef("pk"), updated_at__gt=OuterRef("identified_at"), updated_at__lt=day_after
            )
        ),
    )
    major = Q(current_is_major=True)
    return units.aggregate(
        total=Count("pk"),
        identified=Count("pk", filter=Q(current_id__isnull=False, stale=False)),
        major=Count("pk", filter=major),
        registered=Count("pk", filter=major & Q(is_registered=True)),
        assessed=Count("pk", filter=major & Q(assessment_due__gte=as_of)),
    )


def _measure_figures(as_of: dt.date) -> dict:
    """The active measures of active units, and how many are checked: a measure is checked
    when its last check is no older than its cycle (one query)."""
    cycles = MonitoringMeasure.objects.filter(is_active=True, unit__is_active=True).values_list(
        "last_checked_on", "check_cycle_days"
    )
    measures = {"total": 0, "checked": 0}
    for last, days in cycles.iterator():
        measures["total"] += 1
        if last is not None and last <= as_of <= last + dt.timedelta(days=days):
            measures["checked"] += 1
    return measures


def provider(as_of: dt.date) -> list[Indicator]:
    """Two queries: the units with their latest identification, and the measures."""
    figures = _unit_figures(as_of)
    measures = _measure_figures(as_of)
    none = figures["total"] == 0
    overdue = None if none else figures["major"] - figures["assessed"]

    def share(part: int, whole: int):
        return None if none else percent(part, whole)

    return [
        registry.rate(
            "major_hazards.registered_rate",
            _("Major hazard sources registered and filed"),
            share(figures["registered"], figures["major"]),
            ELEMENT,
            URL + "?major=1&filed=0",
        ),
        registry.rate(
            "major_hazards.units_identified_rate",
            _("Units with a current GB 18218 identification"),
            share(figures["identified"], figures["total"]),
            ELEMENT,
            URL,
        ),
        registry.rate(
            "major_hazards.assessments_current_rate",
            _("Major hazard sources with a current safety assessment"),
            share(figures["assessed"], figures["major"]),
            ELEMENT,
            URL + "?major=1&assessment=not_current",
        ),
        registry.rate(
            "major_hazards.measures_checked_rate",
            _("Monitoring and control measures checked within their cycle"),
            share(measures["checked"], measures["total"]),
            ELEMENT,
            URL + "measures/",
        ),
        registry.nought(
            "major_hazards.assessments_overdue",
            _("Major hazard sources without a current safety assessment"),
            overdue,
            ELEMENT,
            URL + "?major=1&assessment=not_current",
        ),
    ]
