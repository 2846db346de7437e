"""What the hazards app tells the scoring engine (element 8)."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, F, OuterRef, Q, Subquery
from django.utils.translation import gettext as _

from apps.core.numbers import percent
from apps.hazards.models import OPEN_STATUSES, Hazard, HazardGrade, HazardStatus, InspectionKind, InspectionPlan
from apps.hazards.selectors import overdue_q
from apps.scoring import registry
from apps.scoring.registry import EvidenceRecord, Indicator
from apps.workflow.models import WORKING_STATUSES, Task, TaskStatus

ELEMENT = 8
WINDOW_DAYS = 365
URL = "/hazards/"
PLANS_URL = "/hazards/plans/"


def _hazard_indicators(as_of: dt.date, since: dt.date) -> list[Indicator]:
    """Rectification and on-time rates over the window, overdue and open major hazards: one
    query."""
    closed = Q(status=HazardStatus.CLOSED)
    figures = Hazard.objects.aggregate(
        found=Count("pk", filter=Q(found_on__gt=since, found_on__lte=as_of)),
        rectified=Count("pk", filter=Q(found_on__gt=since, found_on__lte=as_of) & closed),
        closed_with_deadline=Count("pk", filter=closed & Q(rectified_on__gt=since, deadline__isnull=False)),
        on_time=Count("pk", filter=closed & Q(rectified_on__gt=since, rectified_on__lte=F("deadline"))),
        overdue=Count("pk", filter=overdue_q(as_of)),
        overdue_major=Count("pk", filter=overdue_q(as_of) & Q(grade=HazardGrade.MAJOR)),
        open_major=Count("pk", filter=Q(status__in=OPEN_STATUSES, grade=HazardGrade.MAJOR)),
    )
    return [
        registry.rate(
            "hazards.rectification_rate",
            _("Hazards rectified (12 months)"),
            percent(figures["rectified"], figures["found"]),
            ELEMENT,
            URL,
        ),
        registry.rate(
            "hazards.rectified_on_time_rate",
            _("Hazards rectified on time (12 months)"),
            percent(figures["on_time"], figures["closed_with_deadline"]),
            ELEMENT,
            URL + "?status=closed",
        ),
        registry.nought("hazards.overdue_count", _("Overdue hazards"), figures["overdue"], ELEMENT, URL + "?overdue=1"),
        registry.nought(
            "hazards.overdue_major",
            _("Overdue major hazards"),
            figures["overdue_major"],
            ELEMENT,
            URL + "?overdue=1&grade=major",
        ),
        registry.nought(
            "hazards.open_major",
            _("Open major hazards"),
            figures["open_major"],
            ELEMENT,
            URL + "?status=open&grade=major",
        ),
    ]


def _planned_by_kind(as_of: dt.date, since: dt.date) -> dict[str, list[int]]:
    """Inspection tasks due in the window per plan kind, as [total, done] (awaiting sign-off
    counts as done)."""
    planned = (
        Task.objects.filter(
            source_type__app_label="hazards",
            source_type__model="inspectionplan",
            due_date__gt=since,
            due_date__lte=as_of,
        )
        .annotate(kind=Subquery(InspectionPlan.objects.filter(pk=OuterRef("source_id")).values("kind")[:1]))
        .values("kind")
        .annotate(
            total=Count("pk"), done=Count("pk", filter=Q(status__in=(TaskStatus.SUBMITTED, TaskStatus.SIGNED_OFF)))
        )
    )
    by_kind: dict[str, list[int]] = {}
    for row in planned:
        counts = by_kind.setdefault(row["kind"] or "other", [0, 0])
        counts[0] += row["total"]
        counts[1] += row["done"]
    return by_kind


def _inspection_indicators(as_of: dt.date, since: dt.date) -> list[Indicator]:
    """Planned inspections done in the window (in all and per kind) and those overdue: two
    queries."""
    # Planned inspections not done by their date, however old (awaiting sign-off counts as done).
    overdue_inspections = Task.objects.filter(
        source_type__app_label="hazards",
        source_type__model="inspectionplan",
        status__in=WORKING_STATUSES,
        due_date__lt=as_of,
    ).count()
    by_kind = _planned_by_kind(as_of, since)
    all_total = sum(total for total, _done in by_kind.values())
    all_done = sum(done for _total, done in by_kind.values())
    kinds = dict(InspectionKind.choices)
    return [
        registry.rate(
            "hazards.inspections_done_rate",
            _("Planned inspections done (12 months)"),
            percent(all_done, all_total),
            ELEMENT,
            PLANS_URL,
        ),
        registry.nought(
            "hazards.inspections_overdue",
            _("Planned inspections overdue"),
            overdue_inspections,
            ELEMENT,
            "/tasks/?overdue=1&status=working&source=hazards.inspectionplan",
        ),
        *(
            registry.rate(
                f"hazards.inspections_done_rate.{kind}",
                _("Planned inspections done: %(kind)s") % {"kind": kinds.get(kind, kind)},
                percent(done, total),
                ELEMENT,
                PLANS_URL,
            )
            for kind, (total, done) in sorted(by_kind.items())
        ),
    ]


def provider(as_of: dt.date) -> list[Indicator]:
    """Rectification and on-time rates over the last 12 months, overdue and open major hazards,
    inspections done against planned per kind, and planned inspections overdue. Three queries."""
    since = as_of - dt.timedelta(days=WINDOW_DAYS)
    return [*_hazard_indicators(as_of, since), *_inspection_indicators(as_of, since)]


def _overdue_hazards(as_of: dt.date) -> list[EvidenceRecord]:
    """The hazards counted by `hazards.overdue_count`, oldest deadline first: one query."""
    hazards = Hazard.objects.filter(overdue_q(as_of)).order_by("deadline", "code")
    return [
        EvidenceRecord(str(hazard), hazard.get_absolute_url(), hazard.deadline)
        for hazard in hazards.only("pk", "code", "description", "deadline")
    ]


RECORDS = {"hazards.overdue_count": _overdue_hazards}


def records(key: str, as_of: dt.date) -> list[EvidenceRecord]:
    """The records behind one of this app's indicators (see RECORDS for the keys it lists)."""
    lister = RECORDS.get(key)
    return lister(as_of) if lister else []
