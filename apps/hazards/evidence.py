"""What the hazards app tells the scoring engine (element 8)."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, F, OuterRef, Q, Subquery
from django.utils.translation import gettext as _

from apps.core.numbers import percent
from apps.hazards.models import (
    OPEN_STATUSES,
    Hazard,
    HazardGrade,
    HazardStatus,
    InspectionKind,
    InspectionPlan,
)
from apps.hazards.selectors import overdue_q
from apps.scoring.registry import Indicator
from apps.workflow.models import WORKING_STATUSES, Task, TaskStatus

WINDOW_DAYS = 365


def provider(as_of: dt.date) -> list[Indicator]:
    """Rectification and on-time rates over the last 12 months, overdue and open major hazards,
    inspections done against planned per kind, and planned inspections overdue. Four queries."""
    since = as_of - dt.timedelta(days=WINDOW_DAYS)
    closed = Q(status=HazardStatus.CLOSED)
    figures = Hazard.objects.aggregate(
        found=Count("pk", filter=Q(found_on__gt=since, found_on__lte=as_of)),
        rectified=Count("pk", filter=Q(found_on__gt=since, found_on__lte=as_of) & closed),
        closed_with_deadline=Count(
            "pk", filter=closed & Q(rectified_on__gt=since, deadline__isnull=False)
        ),
        on_time=Count(
            "pk", filter=closed & Q(rectified_on__gt=since, rectified_on__lte=F("deadline"))
        ),
        overdue=Count("pk", filter=overdue_q(as_of)),
        overdue_major=Count("pk", filter=overdue_q(as_of) & Q(grade=HazardGrade.MAJOR)),
        open_major=Count("pk", filter=Q(status__in=OPEN_STATUSES, grade=HazardGrade.MAJOR)),
    )
    planned = (
        Task.objects.filter(
            source_type__app_label="hazards",
            source_type__model="inspectionplan",
            due_date__gt=since,
            due_date__lte=as_of,
        )
        .annotate(
            kind=Subquery(
                InspectionPlan.objects.filter(pk=OuterRef("source_id")).values("kind")[:1]
            )
        )
        .values("kind")
        .annotate(
            total=Count("pk"),
            done=Count("pk", filter=Q(status__in=(TaskStatus.SUBMITTED, TaskStatus.SIGNED_OFF))),
        )
    )
    by_kind: dict[str, list[int]] = {}
    # Planned inspections not done by their date, however old (awaiting sign-off counts as done).
    overdue_inspections = Task.objects.filter(
        source_type__app_label="hazards",
        source_type__model="inspectionplan",
        status__in=WORKING_STATUSES,
        due_date__lt=as_of,
    ).count()
    all_total = all_done = 0
    for row in planned:
        kind = row["kind"] or "other"
        counts = by_kind.setdefault(kind, [0, 0])
        counts[0] += row["total"]
        counts[1] += row["done"]
        all_total += row["total"]
        all_done += row["done"]
    url = "/hazards/"
    indicators = [
        Indicator(
            "hazards.rectification_rate",
            _("Hazards rectified (12 months)"),
            percent(figures["rectified"], figures["found"]),
            8,
            100,
            "%",
            None,
            url,
        ),
        Indicator(
            "hazards.rectified_on_time_rate",
            _("Hazards rectified on time (12 months)"),
            percent(figures["on_time"], figures["closed_with_deadline"]),
            8,
            100,
            "%",
            None,
            url + "?status=closed",
        ),
        Indicator(
            "hazards.overdue_count",
            _("Overdue hazards"),
            figures["overdue"],
            8,
            0,
            "",
            figures["overdue"] == 0,
            url + "?overdue=1",
        ),
        Indicator(
            "hazards.overdue_major",
            _("Overdue major hazards"),
            figures["overdue_major"],
            8,
            0,
            "",
            figures["overdue_major"] == 0,
            url + "?overdue=1&grade=major",
        ),
        Indicator(
            "hazards.open_major",
            _("Open major hazards"),
            figures["open_major"],
            8,
            0,
            "",
            figures["open_major"] == 0,
            url + "?status=open&grade=major",
        ),
        Indicator(
            "hazards.inspections_done_rate",
            _("Planned inspections done (12 months)"),
            percent(all_done, all_total),
            8,
            100,
            "%",
            None,
            "/hazards/plans/",
        ),
        Indicator(
            "hazards.inspections_overdue",
            _("Planned inspections overdue"),
            overdue_inspections,
            8,
            0,
            "",
            overdue_inspections == 0,
            "/tasks/?overdue=1&status=working&source=hazards.inspectionplan",
        ),
    ]
    for kind, (total, done) in sorted(by_kind.items()):
        indicators.append(
            Indicator(
                f"hazards.inspections_done_rate.{kind}",
                _("Planned inspections done: %(kind)s")
                % {"kind": dict(InspectionKind.choices).get(kind, kind)},
                percent(done, total),
                8,
                100,
                "%",
                None,
                "/hazards/plans/",
            )
        )
    for indicator in indicators:
        if indicator.unit == "%" and indicator.value is not None:
            object.__setattr__(indicator, "ok", indicator.value >= 100)
    return indicators
