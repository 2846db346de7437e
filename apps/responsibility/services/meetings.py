"""Safety meetings: the required frequencies, scheduling and recording a meeting, its decisions
as tasks, and the reminder before a period ends with no meeting."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from apps.core import recurrence
from apps.core.exceptions import ApplicationError
from apps.core.text import stored
from apps.org.models import Department, Role
from apps.org.policy import require
from apps.org.selectors import department_head_users, users_with_role
from apps.responsibility import policies, selectors
from apps.responsibility.models import Meeting, MeetingDecision, MeetingSettings
from apps.responsibility.services._common import _apply, _save
from apps.workflow import services as workflow


def meeting_settings() -> MeetingSettings:
    return MeetingSettings.objects.order_by("pk").first() or MeetingSettings()


@transaction.atomic
def meeting_settings_save(*, data: dict, user) -> MeetingSettings:
    require(policies.can_edit_meeting_settings(user))
    item = meeting_settings()
    _apply(item, data, ("company_frequency", "department_frequency"))
    _save(item, user=user)
    return item


can_run_meeting = policies.can_run_meeting


MEETING_FIELDS = ("level", "department", "title", "scheduled_on", "held_on", "place", "chair", "minutes")


@transaction.atomic
def meeting_save(*, meeting: Meeting | None = None, data: dict, user, attendees=None) -> Meeting:
    """Schedule a meeting or record it (held on, attendance, minutes)."""
    meeting = meeting or Meeting()
    if meeting.pk:
        require(policies.can_edit_meeting(user, meeting))
    _apply(meeting, data, MEETING_FIELDS)
    require(policies.can_hold_meeting(user, meeting))
    if meeting.held_on and meeting.held_on > timezone.localdate():
        raise ValidationError({"held_on": _("A meeting cannot be held in the future.")})
    _save(meeting, user=user)
    if attendees is not None:
        meeting.attendees.set(attendees)
    return meeting


@transaction.atomic
def decision_add(*, meeting: Meeting, text: str, department: Department, due_date: dt.date, user) -> MeetingDecision:
    """A decision of a held meeting becomes a Task for its department."""
    require(policies.can_add_decision(user, meeting))
    if meeting.held_on is None:
        raise ApplicationError(_("Record that the meeting was held before adding its decisions."))
    decision = MeetingDecision(meeting=meeting, text=text, department=department, due_date=due_date)
    decision.full_clean()
    decision.save()
    decision.task = workflow.task_create(
        title=text[:200],
        department=department,
        due_date=due_date,
        user=user,
        source=decision,
        description=stored(
            gettext_noop("Decided at %(meeting)s on %(date)s."),
            **{"meeting": meeting.title, "date": meeting.held_on.isoformat()},
        ),
    )
    decision.save(update_fields=["task"])
    return decision


# A week before a meeting period ends, a unit that has not met yet is reminded (once per period).
MEETING_REMINDER_DAYS_BEFORE = 7


@transaction.atomic
def meeting_reminders_send(*, today: dt.date | None = None) -> int:
    """Remind the heads of units (safety managers for the company) whose current meeting period
    ends in a week with no meeting held yet."""
    today = today or timezone.localdate()
    rows = [
        row
        for row in selectors.meeting_compliance(year=today.year, as_of=today)
        if row.result.current_held is False
        and (recurrence.period_of(row.frequency, today).end - today).days == MEETING_REMINDER_DAYS_BEFORE
    ]
    if not rows:
        return 0
    heads = department_head_users(department_ids=[r.department.pk for r in rows if r.level != "company"])
    managers = list(users_with_role(Role.SAFETY_MANAGER))
    sent = 0
    for row in rows:
        end = recurrence.period_of(row.frequency, today).end
        users = managers if row.level == "company" else heads.get(row.department.pk, [])
        message = stored(
            gettext_noop("No safety meeting held yet for %(unit)s in the period ending %(end)s"),
            **{"unit": row.department.name, "end": end.isoformat()},
        )
        sent += workflow.remind_once(
            subject=row.department,
            kind=f"safety_meeting_{row.level}",
            due=end,
            users=users,
            message=message,
            url="/responsibility/meetings/compliance/",
            today=today,
        )
    return sent
