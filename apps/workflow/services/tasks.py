"""Tasks: create, edit, submit, sign off, reopen and cancel; a sign-off is never changed."""

from __future__ import annotations

import datetime as dt

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from apps.core.exceptions import ApplicationError
from apps.core.selectors import attachment_list
from apps.core.services import attachment_add
from apps.core.text import stored
from apps.org.models import Department
from apps.org.policy import require
from apps.org.selectors import users_with_role
from apps.workflow import hooks, policies
from apps.workflow.models import WORKING_STATUSES, SignOff, SignOffDecision, Task, TaskPriority, TaskStatus
from apps.workflow.services.notifications import department_recipients, notify
from apps.workflow.services.remind import reminders_forget


def _save(task: Task, *, user, reason: str = "") -> None:
    task.full_clean()
    if user is not None:
        task._history_user = user
    if reason:
        task._change_reason = reason
    task.save()


def _sign_off_recipients(task: Task) -> list:
    if task.sign_off_role:
        return list(users_with_role(task.sign_off_role))
    return department_recipients(task.department_id)


@transaction.atomic
def task_create(
    *,
    title: str,
    department: Department,
    due_date: dt.date,
    user,
    description: str = "",
    priority: int = TaskPriority.NORMAL,
    assignee=None,
    source: models.Model | None = None,
    sign_off_role: str = "",
    requires_evidence: bool = False,
    remind_every_days: int | None = None,
    escalate_after_days: int | None = None,
) -> Task:
    require(policies.can_create_task_in(user, department))
    task = Task(
        title=title,
        description=description,
        department=department,
        due_date=due_date,
        priority=priority,
        assignee=assignee,
        created_by=user,
        sign_off_role=sign_off_role,
        requires_evidence=requires_evidence,
        remind_every_days=remind_every_days,
        escalate_after_days=escalate_after_days,
    )
    if source is not None:
        task.source_type = ContentType.objects.get_for_model(source)
        task.source_id = source.pk
    _save(task, user=user)
    recipients = [assignee] if assignee else department_recipients(department.pk)
    notify(
        users=recipients,
        message=stored(
            gettext_noop("New task for %(department)s: %(title)s (due %(due)s)"),
            department=department.name,
            title=task.title,
            due=due_date.isoformat(),
        ),
        task=task,
    )
    return task


TASK_EDITABLE_FIELDS = ("title", "description", "due_date", "priority", "assignee")


def _refuse_if_owned(task: Task, via_source: bool) -> None:
    if hooks.is_owned(task) and not via_source:
        raise ApplicationError(
            _("This task is worked from the record that raised it (%(source)s).") % {"source": task.source_type.name}
        )


@transaction.atomic
def task_update(*, task: Task, data: dict, user, via_source: bool = False) -> Task:
    _refuse_if_owned(task, via_source)
    require(policies.can_edit_task(user, task))
    if task.status == TaskStatus.SIGNED_OFF:
        raise ApplicationError(_("A signed-off task cannot be edited; reopen it first."))
    old_assignee = task.assignee_id
    old_due = task.due_date
    for field in TASK_EDITABLE_FIELDS:
        # An unchanged title stays the stored text it is (read in each reader's language).
        if field in data and data[field] != getattr(task, field):
            setattr(task, field, data[field])
    if task.due_date != old_due:
        # A new deadline starts the escalation afresh; its reminders are new by their due date.
        task.escalated_at = None
    _save(task, user=user)
    if task.assignee_id and task.assignee_id != old_assignee:
        notify(
            users=[task.assignee],
            message=stored(gettext_noop("Task assigned to you: %(title)s"), title=task.title),
            task=task,
        )
    return task


@transaction.atomic
def task_submit(*, task: Task, user, note: str = "", files=(), via_source: bool = False) -> Task:
    task = Task.objects.select_for_update().get(pk=task.pk)
    _refuse_if_owned(task, via_source)
    if task.sign_off_role and task.status == TaskStatus.REJECTED:
        raise ApplicationError(_("A rejected approval is final: submit the record itself again."))
    require(policies.can_work_on_task(user, task))
    if task.status not in WORKING_STATUSES:
        raise ApplicationError(
            _("Only an open, reopened or rejected task can be submitted; this one is “%(status)s”.")
            % {"status": task.get_status_display()}
        )
    for upload in files:
        try:
            attachment_add(owner=task, upload=upload, user=user)
        except ValidationError as exc:
            raise ApplicationError(" ".join(exc.messages)) from exc
    if task.requires_evidence and not attachment_list(owner=task).exists():
        raise ApplicationError(_("This task needs evidence: attach at least one photo or document before submitting."))
    task.status = TaskStatus.SUBMITTED
    task.submitted_by = user
    task.submitted_at = timezone.now()
    task.submission_note = note
    _save(task, user=user)
    notify(
        users=_sign_off_recipients(task),
        message=stored(gettext_noop("Waiting for your sign-off: %(title)s"), title=task.title),
        task=task,
    )
    return task


@transaction.atomic
def task_sign_off(*, task: Task, user, decision: str, comment: str = "") -> SignOff:
    task = Task.objects.select_for_update().get(pk=task.pk)
    require(policies.can_sign_off_task(user, task))
    if task.status != TaskStatus.SUBMITTED:
        raise ApplicationError(
            _("Only a submitted task can be signed off; this one is “%(status)s”.")
            % {"status": task.get_status_display()}
        )
    if decision not in SignOffDecision.values:
        raise ApplicationError(_("Choose approve or reject."))
    comment = comment.strip()
    if decision == SignOffDecision.REJECT and not comment:
        raise ApplicationError(_("Give the reason for rejecting, so the department can act on it."))
    signoff = SignOff(task=task, signer=user, decision=decision, comment=comment)
    signoff.full_clean()
    signoff.save()
    if decision == SignOffDecision.APPROVE:
        task.status = TaskStatus.SIGNED_OFF
        task.closed_at = signoff.signed_at
        message = gettext_noop("Signed off: %(title)s")
    else:
        task.status = TaskStatus.REJECTED
        message = gettext_noop("Rejected, please rework: %(title)s")
    _save(task, user=user, reason=comment)
    hooks.run(task, signoff)
    notify(users=[task.assignee, task.submitted_by], message=stored(message, title=task.title), task=task)
    return signoff


@transaction.atomic
def task_reopen(*, task: Task, user, reason: str = "", via_source: bool = False) -> Task:
    task = Task.objects.select_for_update().get(pk=task.pk)
    _refuse_if_owned(task, via_source)
    if task.sign_off_role:
        raise ApplicationError(_("An approval is final and is not reopened."))
    if task.status not in (TaskStatus.REJECTED, TaskStatus.SIGNED_OFF):
        raise ApplicationError(
            _("Only a rejected or signed-off task can be reopened; this one is “%(status)s”.")
            % {"status": task.get_status_display()}
        )
    require(policies.can_reopen_task(user, task))
    if task.status == TaskStatus.SIGNED_OFF and not reason.strip():
        raise ApplicationError(_("Give the reason for reopening a signed-off task."))
    task.status = TaskStatus.REOPENED
    task.closed_at = None
    task.escalated_at = None
    reminders_forget(subject=task)
    _save(task, user=user, reason=reason.strip())
    notify(
        users=[task.assignee] if task.assignee else department_recipients(task.department_id),
        message=stored(gettext_noop("Task reopened: %(title)s"), title=task.title),
        task=task,
    )
    return task


@transaction.atomic
def task_cancel(*, task: Task, user, reason: str, via_source: bool = False) -> Task:
    """Work that is no longer needed (its record was scrapped or superseded) leaves every inbox
    and reminder; the task and its history stay."""
    task = Task.objects.select_for_update().get(pk=task.pk)
    if not via_source:
        require(policies.can_cancel_task(user, task))
    if task.status in (TaskStatus.SIGNED_OFF, TaskStatus.CANCELLED):
        return task
    task.status = TaskStatus.CANCELLED
    task.closed_at = timezone.now()
    _save(task, user=user, reason=reason)
    return task
