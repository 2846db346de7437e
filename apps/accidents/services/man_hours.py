"""Monthly hours worked per department, the basis of the TRIR and LTIFR rates."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from apps.accidents import policies
from apps.accidents.models import ManHours
from apps.accidents.services._common import _save
from apps.org.policy import require


def first_of_month(value: dt.date) -> dt.date:
    return value.replace(day=1)


@transaction.atomic
def man_hours_save(*, department, month: dt.date, hours, headcount: int = 0, user) -> ManHours:
    """One department's hours for one month; entering a month again replaces it."""
    require(policies.can_record_man_hours(user))
    month = first_of_month(month)
    row = ManHours.objects.filter(department=department, month=month).first() or ManHours(
        department=department, month=month
    )
    row.hours, row.headcount = hours, headcount or 0
    _save(row, user=user)
    return row
