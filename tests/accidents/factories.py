from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from apps.accidents import services
from apps.accidents.models import Accident, AccidentType, Edition


def accident_type(code: str = "WSA10004", edition: str = Edition.GB6441_2025) -> AccidentType:
    """A type loaded by the data migration from the reference CSV (WSA10004: 机械致害)."""
    return AccidentType.objects.get(edition=edition, code=code)


def at(day: dt.date, hour: int = 9, minute: int = 0) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


def accident(
    world, *, when: dt.datetime | None = None, department=None, user=None, type_code: str = "WSA10004", **data
) -> Accident:
    when = when or at(dt.date(2026, 9, 1))
    edition = Edition.GB6441_1986 if type_code.isdigit() else Edition.GB6441_2025
    data = {
        "title": "车床夹伤",
        "occurred_at": when,
        "place": "一号厂房",
        "department": department or world.dept_a,
        "accident_type": accident_type(type_code, edition),
        "direct_loss": Decimal(0),
        **data,
    }
    return services.accident_save(data=data, user=user or world.safety_manager)


def complete_investigation(world, item: Accident, **extra) -> Accident:
    return services.investigation_save(
        accident=item,
        data={
            "direct_causes": "违章操作",
            "report_submitted_on": min(item.occurred_on + dt.timedelta(days=20), timezone.localdate()),
            "cause_found": True,
            "responsible_handled": True,
            "staff_educated": True,
            "measures_taken": True,
            **extra,
        },
        user=world.safety_manager,
    )
