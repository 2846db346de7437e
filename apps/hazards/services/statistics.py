"""Reminders of the quarterly and yearly hazard statistics, sent in each period's notice window
(apps/hazards/rules.py)."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_noop

from apps.core.text import stored
from apps.hazards import rules
from apps.hazards.models import Hazard
from apps.org.models import Role
from apps.org.selectors import users_with_role
from apps.workflow import services as workflow

# Each period's statistics have their own due date (apps/hazards/rules.py), which keys the reminder.
STATISTICS_REMINDER = "hazard_statistics"


@transaction.atomic
def statistics_reminders_send(*, today: dt.date | None = None) -> int:
    """Remind once per period, any day of its notice window: a missed run is caught up and a
    repeated run sends nothing twice (a reminder about hazards as a whole for the period's due
    date, apps/workflow/services/remind.py)."""
    today = today or timezone.localdate()
    periods = rules.periods_due_for_notice(today)
    if not periods:
        return 0
    recipients = [*users_with_role(Role.SAFETY_MANAGER), *users_with_role(Role.LEADERSHIP)]
    sent = 0
    for period in periods:
        label = (
            stored(gettext_noop("%(year)s Q%(quarter)s"), **{"year": period.year, "quarter": period.quarter})
            if period.quarter
            else stored(gettext_noop("%(year)s (whole year)"), **{"year": period.year})
        )
        sent += workflow.remind_once(
            subject=Hazard,
            kind=STATISTICS_REMINDER,
            due=period.due,
            users=recipients,
            message=stored(
                gettext_noop("Hazard statistics for %(period)s are due by %(due)s, signed by the principal head."),
                **{"period": label, "due": period.due.isoformat()},
            ),
            url=f"/hazards/statistics/?year={period.year}&quarter={period.quarter or ''}",
            today=today,
        )
    return sent
