"""Daily reminders: the casualty window closing soon, the investigation report due."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_noop

from apps.accidents.models import Accident, AccidentStatus
from apps.core.text import stored
from apps.workflow import services as workflow

REMIND_DAYS = 3  # before the casualty window closes
REPORT_REMIND_DAYS = 7  # before the investigation report is due


def _due(today: dt.date) -> tuple[list[Accident], list[Accident]]:
    """The open accidents, locked, whose casualty window closes within REMIND_DAYS, and those
    whose investigation report is due within REPORT_REMIND_DAYS or overdue."""
    start = timezone.make_aware(dt.datetime.combine(today - dt.timedelta(days=400), dt.time.min))
    candidates = list(
        Accident.objects.select_for_update(of=("self",))
        .filter(is_near_miss=False, occurred_at__gte=start)
        .exclude(status=AccidentStatus.CLOSED)
        .select_related("accident_type")
    )
    window, report = [], []
    for accident in candidates:
        if today <= accident.casualty_window_end <= today + dt.timedelta(days=REMIND_DAYS):
            window.append(accident)
        if accident.report_submitted_on is None and accident.investigation_due <= today + (
            dt.timedelta(days=REPORT_REMIND_DAYS)
        ):
            report.append(accident)
    return window, report


@transaction.atomic
def accident_reminders_send(*, today: dt.date | None = None) -> int:
    """Daily: tell safety managers and the department's heads that the casualty window of an
    accident closes soon, and that an investigation report is due soon or overdue. Each
    reminder is sent once per date (a moved window end or due date, after an extension, is
    reminded again; apps/workflow/services/remind.py)."""
    from apps.org.models import Role
    from apps.org.selectors import department_head_users, users_with_role

    today = today or timezone.localdate()
    window, report = _due(today)
    if not window and not report:
        return 0
    managers = list(users_with_role(Role.SAFETY_MANAGER))
    heads = department_head_users(department_ids={a.department_id for a in window + report})

    def recipients(accident: Accident) -> list:
        return managers + heads.get(accident.department_id, [])

    sent = 0
    for kind, accidents, due, message in (
        (
            "accident_window",
            window,
            lambda a: a.casualty_window_end,
            gettext_noop("%(code)s: changes in casualties regrade the accident only until %(end)s."),
        ),
        (
            "accident_report",
            report,
            lambda a: a.investigation_due,
            gettext_noop("%(code)s: the investigation report is due on %(due)s."),
        ),
    ):
        for accident in accidents:
            date = due(accident).isoformat()
            sent += workflow.remind_once(
                subject=accident,
                kind=kind,
                due=due(accident),
                users=recipients(accident),
                message=stored(message, **{"code": accident.code, "end": date, "due": date}),
                url=accident.get_absolute_url(),
                today=today,
            )
    return sent
