"""What the equipment app tells the scoring engine (element 6)."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, F, Q
from django.utils.translation import gettext as _

from apps.core.numbers import percent
from apps.equipment.models import Equipment, EquipmentStatus, SafetyDevice
from apps.scoring import registry
from apps.scoring.registry import Indicator
from apps.workflow.models import Task, TaskStatus

ELEMENT = 6
WINDOW_DAYS = 365
URL = "/equipment/"


def _equipment_indicators(as_of: dt.date) -> list[Indicator]:
    """Special equipment within its inspection date and items overdue: one query."""
    live = ~Q(status=EquipmentStatus.SCRAPPED)
    special = live & Q(special_type__isnull=False)
    figures = Equipment.objects.aggregate(
        special=Count("pk", filter=special),
        # In date: a next due date that has not passed yet.
        special_in_date=Count("pk", filter=special & Q(next_inspection_due__gte=as_of)),
        overdue=Count("pk", filter=live & Q(next_inspection_due__lt=as_of)),
    )
    return [
        registry.rate(
            "equipment.special_equipment_inspected_rate",
            _("Special equipment within its inspection date"),
            percent(figures["special_in_date"], figures["special"]),
            ELEMENT,
            URL + "?special=1",
        ),
        registry.nought(
            "equipment.overdue_count",
            _("Equipment overdue for inspection"),
            figures["overdue"],
            ELEMENT,
            URL + "?overdue=1",
        ),
    ]


def _statutory_on_time(as_of: dt.date, since: dt.date) -> Indicator:
    """A statutory inspection is on time when it was done no later than the due date of the task
    raised for it; the tasks of the last 12 months are the denominator."""
    statutory = Task.objects.filter(
        source_type__app_label="equipment",
        source_type__model="equipment",
        due_date__gt=since,
        due_date__lte=as_of,
        sign_off_role="",
    ).aggregate(
        total=Count("pk"),
        on_time=Count(
            "pk",
            filter=Q(status__in=(TaskStatus.SUBMITTED, TaskStatus.SIGNED_OFF), submitted_at__date__lte=F("due_date")),
        ),
    )
    return registry.rate(
        "equipment.inspections_on_time_rate",
        _("Statutory inspections done on time (12 months)"),
        percent(statutory["on_time"], statutory["total"]),
        ELEMENT,
        URL,
    )


def _plans_done(as_of: dt.date, since: dt.date) -> Indicator:
    plans = Task.objects.filter(
        source_type__app_label="equipment",
        source_type__model="maintenanceplan",
        due_date__gt=since,
        due_date__lte=as_of,
    ).aggregate(total=Count("pk"), done=Count("pk", filter=Q(status__in=(TaskStatus.SUBMITTED, TaskStatus.SIGNED_OFF))))
    return registry.rate(
        "equipment.plan_completion_rate",
        _("Inspection and maintenance plans done (12 months)"),
        percent(plans["done"], plans["total"]),
        ELEMENT,
        URL + "plans/",
    )


def _devices_calibrated(as_of: dt.date) -> Indicator:
    devices = SafetyDevice.objects.filter(is_active=True).aggregate(
        total=Count("pk"), in_date=Count("pk", filter=Q(next_due__gte=as_of))
    )
    return registry.rate(
        "equipment.devices_calibrated_rate",
        _("Safety devices within their calibration date"),
        percent(devices["in_date"], devices["total"]),
        ELEMENT,
        URL + "devices/",
    )


def provider(as_of: dt.date) -> list[Indicator]:
    """Four queries: equipment, statutory records, plan tasks and devices."""
    since = as_of - dt.timedelta(days=WINDOW_DAYS)
    special_rate, overdue = _equipment_indicators(as_of)
    return [
        special_rate,
        _statutory_on_time(as_of, since),
        overdue,
        _plans_done(as_of, since),
        _devices_calibrated(as_of),
    ]
