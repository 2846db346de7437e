from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from apps.core.models import BaseModel, WrittenOnce
from apps.core.text import StoredTextField, render
from apps.org.models import Department


class TaskStatus(models.TextChoices):
    OPEN = "open", _("Open")
    SUBMITTED = "submitted", _("Submitted for sign-off")
    SIGNED_OFF = "signed_off", _("Signed off")
    REJECTED = "rejected", _("Rejected")
    REOPENED = "reopened", _("Reopened")
    CANCELLED = "cancelled", _("Cancelled")


# Statuses in which someone still has to work on the task.
WORKING_STATUSES = (TaskStatus.OPEN, TaskStatus.REOPENED, TaskStatus.REJECTED)
UNFINISHED_STATUSES = (*WORKING_STATUSES, TaskStatus.SUBMITTED)


class TaskPriority(models.IntegerChoices):
    LOW = 1, _("Low")
    NORMAL = 2, _("Normal")
    HIGH = 3, _("High")
    URGENT = 4, _("Urgent")


class Task(BaseModel):
    """A piece of work assigned to a department, finished only by a head's sign-off."""

    # Stored texts (apps/core/text.py): what code raises reads in each reader's language.
    title = StoredTextField(_("title"), max_length=200)
    description = StoredTextField(_("description"), blank=True)
    # The title and description in every language, for the task list's search.
    search_text = models.TextField(_("search text"), blank=True, editable=False)
    department = models.ForeignKey(
        Department, on_delete=models.PROTECT, related_name="tasks", verbose_name=_("department")
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_tasks",
        verbose_name=_("assignee"),
    )
    due_date = models.DateField(_("due date"))
    priority = models.PositiveSmallIntegerField(
        _("priority"), choices=TaskPriority.choices, default=TaskPriority.NORMAL
    )
    status = models.CharField(_("status"), max_length=20, choices=TaskStatus.choices, default=TaskStatus.OPEN)
    # The record that raised the task (a hazard, an inspection, a finding...): any app may.
    source_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("source type")
    )
    source_id = models.PositiveBigIntegerField(_("source id"), null=True, blank=True)
    source = GenericForeignKey("source_type", "source_id")
    # When set, only holders of this role sign off (e.g. leadership approves a report),
    # instead of the heads of the task's department.
    sign_off_role = models.CharField(_("signed off by role"), max_length=30, blank=True)
    requires_evidence = models.BooleanField(
        _("evidence required"),
        default=False,
        help_text=_("The task cannot be submitted without at least one evidence file."),
    )
    # Supervised work (a major hazard) is reminded and escalated sooner than the defaults.
    remind_every_days = models.PositiveSmallIntegerField(_("remind every (days) when overdue"), null=True, blank=True)
    escalate_after_days = models.PositiveSmallIntegerField(_("escalate after (days overdue)"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="created_tasks", verbose_name=_("created by")
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    submission_note = StoredTextField(_("work done"), blank=True)
    closed_at = models.DateTimeField(_("signed off at"), null=True, blank=True)
    escalated_at = models.DateTimeField(_("escalated at"), null=True, blank=True)
    # The search column is derived from the title and description, which history keeps.
    history = HistoricalRecords(excluded_fields=["search_text"])

    class Meta:
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        ordering = ["due_date", "-priority", "pk"]
        indexes = [
            # Inbox and reminders: unfinished tasks of a department by due date.
            models.Index(fields=["department", "status", "due_date"]),
            # "My tasks": an assignee's unfinished tasks.
            models.Index(fields=["assignee", "status"]),
            # Every task raised by one source record.
            models.Index(fields=["source_type", "source_id"]),
        ]

    def __str__(self) -> str:
        return str(self.title)

    def save(self, *args, **kwargs):
        fields = kwargs.get("update_fields")
        if fields is None or {"title", "description"} & set(fields):
            # Only when the texts may have changed: a status change does not re-render them.
            self.search_text = texts_for_search(self.title, self.description)
            if fields is not None:
                kwargs["update_fields"] = {*fields, "search_text"}
        super().save(*args, **kwargs)

    @property
    def is_finished(self) -> bool:
        return self.status in (TaskStatus.SIGNED_OFF, TaskStatus.CANCELLED)

    @property
    def is_overdue(self) -> bool:
        return not self.is_finished and self.due_date < timezone.localdate()

    @property
    def days_overdue(self) -> int:
        return max(0, (timezone.localdate() - self.due_date).days) if not self.is_finished else 0


def texts_for_search(*texts) -> str:
    """The texts as every language reads them, one line each (duplicates once)."""
    lines: list[str] = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            for text in texts:
                if (line := render(text)) and line not in lines:
                    lines.append(line)
    return "\n".join(lines)


class SignOffDecision(models.TextChoices):
    APPROVE = "approve", _("Approve")
    REJECT = "reject", _("Reject")


class SignOff(WrittenOnce):
    """A person's decision on a task. Immutable: written once, never changed or deleted."""

    record_name = "A SignOff"

    task = models.ForeignKey(Task, on_delete=models.PROTECT, related_name="signoffs", verbose_name=_("task"))
    signer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="signoffs", verbose_name=_("signed by")
    )
    decision = models.CharField(_("decision"), max_length=10, choices=SignOffDecision.choices)
    comment = models.TextField(_("comment"), blank=True)
    signed_at = models.DateTimeField(_("signed at"), default=timezone.now)

    class Meta(WrittenOnce.Meta):
        verbose_name = _("sign-off")
        verbose_name_plural = _("sign-offs")
        ordering = ["signed_at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_decision_display()} · {self.task}"


class Notification(BaseModel):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications", verbose_name=_("recipient")
    )
    message = StoredTextField(_("message"))  # rendered in the reader's language
    url = models.CharField(_("link"), max_length=300, blank=True)
    task = models.ForeignKey(Task, on_delete=models.CASCADE, null=True, blank=True, related_name="notifications")
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at"]
        # The header counts a user's unread notifications on every page.
        indexes = [models.Index(fields=["recipient", "read_at"])]

    def __str__(self) -> str:
        return str(self.message)


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for approval")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


EDITABLE_PLAN_STATUSES = (PlanStatus.DRAFT, PlanStatus.REJECTED)


class ApprovablePlan(models.Model):
    """A record drafted by a department and approved by sign-off of a task raised for the approver
    (a role or the department's heads): draft → submitted → approved, or rejected and back to
    work. `workflow.services.plan_submit` raises the task; its sign-off decides the plan
    (`workflow.services.approvable`)."""

    status = models.CharField(_("status"), max_length=20, choices=PlanStatus.choices, default=PlanStatus.DRAFT)
    approval_task = models.OneToOneField(
        Task, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("approval task")
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    decided_at = models.DateTimeField(pgettext_lazy("approval", "decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=pgettext_lazy("approval", "decided by"),
    )

    class Meta:
        abstract = True

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE_PLAN_STATUSES

    @property
    def approved_at(self) -> dt.datetime | None:
        """When the plan was approved; None while it is not."""
        return self.decided_at if self.status == PlanStatus.APPROVED else None


class Reminder(models.Model):
    """One reminder about one record (or, with subject id 0, about a kind of record as a whole)
    for one due date: the record of it is what keeps it from being sent twice
    (apps/workflow/services/remind.py)."""

    subject_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, related_name="+", verbose_name=_("subject type")
    )
    subject_id = models.PositiveBigIntegerField(_("subject id"))
    subject = GenericForeignKey("subject_type", "subject_id")
    kind = models.SlugField(_("kind"), max_length=40)
    due = models.DateField(_("due date"))
    sent_on = models.DateField(_("sent on"))

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        constraints = [
            models.UniqueConstraint(fields=["subject_type", "subject_id", "kind", "due"], name="workflow_reminder_once")
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.due.isoformat()}"
