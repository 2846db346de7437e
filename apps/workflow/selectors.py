from __future__ import annotations

import datetime as dt

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from apps.core.selectors import as_date, as_int, searched
from apps.org.policy import in_scope
from apps.org.selectors import in_department
from apps.workflow import policies
from apps.workflow.models import (
    UNFINISHED_STATUSES,
    WORKING_STATUSES,
    Notification,
    Reminder,
    SignOff,
    Task,
    TaskStatus,
)


def _visible(qs: QuerySet[Task], user) -> QuerySet[Task]:
    """Tasks of the departments a person heads (all for safety managers and leadership), and
    those assigned to or created by them."""
    return in_scope(qs, user, heads_only=True, also=Q(assignee_id=user.pk) | Q(created_by_id=user.pk))


def task_list(*, user, filters: dict | None = None) -> QuerySet[Task]:
    filters = filters or {}
    qs = _visible(Task.objects.all(), user).select_related("department", "assignee", "source_type")
    qs = searched(qs, filters.get("q"), "search_text")  # title and description in every language
    if status := filters.get("status"):
        if status == "unfinished":
            qs = qs.filter(status__in=UNFINISHED_STATUSES)
        elif status == "working":  # someone still has to do the work (not awaiting sign-off)
            qs = qs.filter(status__in=WORKING_STATUSES)
        else:
            qs = qs.filter(status=status)
    # the chosen department with its sub-units, or alone with direct=1
    qs = in_department(qs, filters.get("department"), direct=filters.get("direct") == "1")
    if priority := as_int(filters.get("priority")):
        qs = qs.filter(priority=priority)
    if filters.get("overdue") == "1":
        qs = qs.filter(status__in=UNFINISHED_STATUSES, due_date__lt=timezone.localdate())
    if source := filters.get("source"):
        # "<app label>.<model>", e.g. hazards.inspectionplan: the tasks such records raised
        app_label, _dot, model = source.partition(".")
        qs = qs.filter(source_type__app_label=app_label, source_type__model=model)
    if filters.get("mine") == "1":
        qs = qs.filter(assignee_id=user.pk)
    if due_from := as_date(filters.get("due_from")):
        qs = qs.filter(due_date__gte=due_from)
    if due_to := as_date(filters.get("due_to")):
        qs = qs.filter(due_date__lte=due_to)
    return qs


def task_get(*, user, pk: int) -> Task:
    """One task the user may see; raises Task.DoesNotExist otherwise (a 404, never a 403)."""
    return task_list(user=user).select_related("created_by", "submitted_by").get(pk=pk)


def inbox(*, user) -> dict[str, QuerySet[Task]]:
    """待我处理: tasks waiting for this user's work and tasks waiting for their sign-off."""
    base = Task.objects.select_related("department", "assignee", "source_type")
    to_do = (
        base.filter(status__in=WORKING_STATUSES)
        .filter(Q(assignee_id=user.pk) | policies.unassigned_work_q(user))
        # A rejected approval is a final decision, not work to redo.
        .exclude(status=TaskStatus.REJECTED, sign_off_role__gt="")
    )
    to_sign = base.filter(policies.sign_off_q(user), status=TaskStatus.SUBMITTED)
    to_sign = to_sign.exclude(submitted_by_id=user.pk)
    return {
        "to_do": to_do.order_by("due_date", "-priority", "pk"),
        "to_sign": to_sign.order_by("due_date", "-priority", "pk"),
    }


def signoff_list(*, user) -> QuerySet[SignOff]:
    visible = _visible(Task.objects.all(), user).values("pk")
    return SignOff.objects.filter(task_id__in=visible).select_related("task", "signer")


def notification_list(*, user) -> QuerySet[Notification]:
    return Notification.objects.filter(recipient=user).order_by("-created_at")


def unread_count(*, user) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def reminder_sent(model: type[models.Model], kind: str, due) -> Exists:
    """A filter for a queryset of `model`: its row was reminded of `kind` for `due` (a date or
    the outer row's date as OuterRef("valid_until"))."""
    return Exists(
        Reminder.objects.filter(
            subject_type=ContentType.objects.get_for_model(model), subject_id=OuterRef("pk"), kind=kind, due=due
        )
    )


def reminder_last_sent(*, subject, kind: str, due: dt.date) -> dt.date | None:
    """The day the reminder (subject, kind, due date) was last sent, or None."""
    return (
        Reminder.objects.filter(
            subject_type=ContentType.objects.get_for_model(subject), subject_id=subject.pk, kind=kind, due=due
        )
        .values_list("sent_on", flat=True)
        .first()
    )
