"""Reminders of the quarterly and yearly hazard statistics, sent in each period's notice window
(apps/hazards/rules.py)."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.hazards import rules
from apps.hazards.models import StatisticsReminder
from apps.org.models import Role
from apps.org.selectors import users_with_role
from apps.workflow import services as workflow


@transaction.atomic
def statistics_reminders_send(*, today: dt.date | None = None) -> int:
    """Remind once per period, any day of its notice window: a missed run is caught up and a
    repeated run sends nothing twice."""
    today = today or timezone.localdate()
    sent = set(StatisticsReminder.objects.values_list("period", flat=True))
    periods = [p for p in rules.periods_due_for_notice(today) if p.key not in sent]
    if not periods:
        return 0
    recipients = [*users_with_role(Role.SAFETY_MANAGER), *users_with_role(Role.LEADERSHIP)]
    batch = []
    for period in periods:
        label = (
            _("%(year)s Q%(quarter)s") % {"year": period.year, "quarter": period.quarter}
            if period.quarter
            else _("%(year)s (whole year)") % {"year": period.year}
        )
        batch.append(
            (
                recipients,
                _(
                    "Hazard statistics for %(period)s are due by %(due)s, signed by the principal head."
                )
                % {"period": label, "due": period.due.isoformat()},
                None,
                f"/hazards/statistics/?year={period.year}&quarter={period.quarter or ''}",
            )
        )
    workflow.notify_many(batch)
    StatisticsReminder.objects.bulk_create(
        [StatisticsReminder(period=p.key, sent_on=today) for p in periods]
    )
    return len(periods)
