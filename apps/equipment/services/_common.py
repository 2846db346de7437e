"""Helpers the equipment services share: who may change a department's equipment, saving with
history, attachments, and submitting or cancelling the tasks an item's work raised."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from apps.core.services import attachment_add
from apps.org.models import Role
from apps.workflow import policies as workflow_policies
from apps.workflow import services as workflow
from apps.workflow.models import WORKING_STATUSES, Task, TaskStatus

WORKING = (TaskStatus.OPEN, TaskStatus.REOPENED, TaskStatus.REJECTED)


def _save(obj, *, user) -> None:
    obj.full_clean()
    if user is not None:
        obj._history_user = user
    obj.save()


def _attach_all(owner, files, user) -> None:
    for upload in files:
        attachment_add(owner=owner, upload=upload, user=user)


def _submit_open_task(source, user, day: dt.date) -> None:
    task = (
        Task.objects.filter(
            source_type__app_label="equipment",
            source_type__model=source._meta.model_name,
            source_id=source.pk,
            status__in=WORKING,
        )
        .exclude(sign_off_role=Role.LEADERSHIP)  # a scrapping request is no inspection
        .order_by("due_date")
        .first()
    )
    if task is not None and workflow_policies.can_work_on_task(user, task):
        workflow.task_submit(
            task=task, user=user, via_source=True, note=_("Recorded on %(date)s.") % {"date": day.isoformat()}
        )


def _cancel_open_tasks(source, *, user, reason: str, exclude=None) -> None:
    from django.contrib.contenttypes.models import ContentType

    open_tasks = Task.objects.filter(
        source_type=ContentType.objects.get_for_model(source),
        source_id=source.pk,
        status__in=(*WORKING_STATUSES, TaskStatus.SUBMITTED),
    )
    if exclude is not None:
        open_tasks = open_tasks.exclude(pk=exclude.pk)
    for task in open_tasks:
        workflow.task_cancel(task=task, user=user, reason=reason, via_source=True)
