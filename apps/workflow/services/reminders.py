"""Daily reminders and escalation of tasks due soon and overdue."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_noop

from apps.core.text import stored
from apps.org.models import Role
from apps.org.selectors import company_get, department_head_users, users_with_role
from apps.workflow.models import WORKING_STATUSES, Task, TaskStatus
from apps.workflow.services.notifications import notify_many
from apps.workflow.services.remind import ReminderBatch

# Overdue tasks are reminded on their first overdue day and then once a week.
OVERDUE_REMINDER_EVERY_DAYS = 7
# The kinds of reminder of a task (apps/workflow/services/remind.py), keyed by its due date.
DUE_SOON, OVERDUE = "task_due_soon", "task_overdue"


def _tasks_to_remind(today: dt.date) -> list[Task]:
    """Open and submitted tasks due within the notice period, locked while they are reminded."""
    soon = today + dt.timedelta(days=settings.TASK_DUE_SOON_DAYS)
    return list(
        Task.objects.select_for_update(of=("self",))
        .filter(status__in=(*WORKING_STATUSES, TaskStatus.SUBMITTED), due_date__lte=soon)
        # A rejected approval is a final decision, not work that is late.
        .exclude(status=TaskStatus.REJECTED, sign_off_role__gt="")
        .select_related("department", "assignee")
    )


def _notices(
    task: Task, *, today: dt.date, sent: ReminderBatch, recipients: list, escalate_to: list, escalate_after: int
) -> list[tuple[str, tuple]]:
    """What the task gets today, each notice with its kind: "due_soon" (once per due date,
    before it), "overdue" (on the first late day, then every few days) and "escalated" (once).
    The first two are remembered as reminders of the task (apps/workflow/services/remind.py)."""
    values = {
        "due": task.due_date,
        "title": task.title,
        "department": task.department.name,
        "days": (today - task.due_date).days,
    }
    days_late = values["days"]
    if days_late <= 0:
        if sent.once(task, DUE_SOON, task.due_date):
            message = stored(gettext_noop("Due on %(due)s: %(title)s (%(department)s)"), **values)
            return [("due_soon", (recipients, message, task, ""))]
        return []
    notices = []
    if sent.every(task, OVERDUE, task.due_date, task.remind_every_days or OVERDUE_REMINDER_EVERY_DAYS):
        message = stored(gettext_noop("Overdue by %(days)d day(s): %(title)s (%(department)s)"), **values)
        notices.append(("overdue", (recipients, message, task, "")))
    if days_late >= (task.escalate_after_days or escalate_after) and task.escalated_at is None:
        message = stored(gettext_noop("Escalated: %(department)s is %(days)d day(s) late with “%(title)s”"), **values)
        notices.append(("escalated", (escalate_to, message, task, "")))
    return notices


@transaction.atomic
def task_reminders_send(*, today: dt.date | None = None) -> dict[str, int]:
    """Tell departments of tasks due soon and overdue; escalate long-overdue ones to leadership.

    Safe to run more than once a day: a task is reminded at most once per day.
    """
    today = today or timezone.localdate()
    company = company_get()
    escalate_after = company.task_escalation_days if company else 3
    tasks = _tasks_to_remind(today)
    sent = ReminderBatch(Task, tasks, (DUE_SOON, OVERDUE), today=today)
    heads = department_head_users(department_ids={t.department_id for t in tasks})
    leadership = list(users_with_role(Role.LEADERSHIP))
    safety_managers = list(users_with_role(Role.SAFETY_MANAGER))
    counts = {"due_soon": 0, "overdue": 0, "escalated": 0}
    batch: list[tuple] = []
    escalated: list[int] = []
    for task in tasks:
        for kind, notice in _notices(
            task,
            today=today,
            sent=sent,
            recipients=[task.assignee, *(heads.get(task.department_id) or safety_managers)],
            escalate_to=leadership or safety_managers,
            escalate_after=escalate_after,
        ):
            batch.append(notice)
            counts[kind] += 1
            if kind == "escalated":
                escalated.append(task.pk)
    notify_many(batch)
    sent.save()
    Task.objects.filter(pk__in=escalated).update(escalated_at=timezone.now())
    return counts
