"""Workflow writes: tasks and their sign-offs, notifications, daily reminders."""

from apps.workflow.services.handover import tasks_hand_over
from apps.workflow.services.notifications import department_recipients, notification_mark_read, notify, notify_many
from apps.workflow.services.plans import approvable, plan_decide, plan_require_editable, plan_submit
from apps.workflow.services.remind import (
    NO_DUE_DATE,
    ReminderBatch,
    remind_every,
    remind_once,
    reminder_claim,
    reminder_claim_every,
    reminders_forget,
)
from apps.workflow.services.reminders import OVERDUE_REMINDER_EVERY_DAYS, task_reminders_send
from apps.workflow.services.tasks import (
    TASK_EDITABLE_FIELDS,
    task_cancel,
    task_create,
    task_reopen,
    task_sign_off,
    task_submit,
    task_update,
)

__all__ = [
    "NO_DUE_DATE",
    "ReminderBatch",
    "OVERDUE_REMINDER_EVERY_DAYS",
    "TASK_EDITABLE_FIELDS",
    "approvable",
    "department_recipients",
    "notification_mark_read",
    "notify",
    "notify_many",
    "plan_decide",
    "plan_require_editable",
    "plan_submit",
    "remind_every",
    "remind_once",
    "reminder_claim",
    "reminder_claim_every",
    "reminders_forget",
    "task_cancel",
    "task_create",
    "task_reminders_send",
    "task_reopen",
    "task_sign_off",
    "task_submit",
    "task_update",
    "tasks_hand_over",
]
