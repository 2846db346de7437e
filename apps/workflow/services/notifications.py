"""Notifications: in the page and by email (sent after commit), one or many at once."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation

from apps.core.text import StoredText, names_cached, render
from apps.org.models import Role
from apps.org.selectors import department_head_users, users_with_role
from apps.workflow.models import Notification, Task


def notify(*, users, message: StoredText | str, task: Task | None = None, url: str = "") -> None:
    """In-page notification plus an email (sent after commit) to each distinct user."""
    notify_many([(users, message, task, url)])


def notify_many(batch: list[tuple]) -> None:
    """Write many notifications in one query; each entry is (users, message, task, url). The
    message is a stored text (apps/core/text.py): each recipient reads it in their language, on
    the page and in the email."""
    notifications: list[Notification] = []
    mails: list[tuple] = []
    with names_cached():
        _collect(batch, notifications, mails)
    Notification.objects.bulk_create(notifications)
    if mails:
        transaction.on_commit(lambda: send_mass_mail(mails, fail_silently=True))


def _collect(batch: list[tuple], notifications: list, mails: list) -> None:
    for users, message, task, url in batch:
        if task is not None and not url:
            url = reverse("workflow:task_detail", args=[task.pk])
        recipients = {u.pk: u for u in users if u is not None and u.is_active}
        for user in recipients.values():
            notifications.append(Notification(recipient=user, message=message, url=url, task=task))
            if user.email:
                with translation.override(recipient_language(user)):
                    text = render(message)
                mails.append((text[:120], f"{text}\n\n{url}", settings.DEFAULT_FROM_EMAIL, [user.email]))


def recipient_language(user) -> str:
    """The language a person reads mail in: their own choice where one is kept, else the
    site's (Chinese)."""
    return getattr(user, "language", "") or settings.LANGUAGE_CODE


def department_recipients(department_id: int) -> list:
    """The heads of the department, else the safety managers."""
    heads = department_head_users(department_ids=[department_id]).get(department_id, [])
    return heads or list(users_with_role(Role.SAFETY_MANAGER))


@transaction.atomic
def notification_mark_read(*, user, notification_ids: list[int] | None = None) -> int:
    qs = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if notification_ids is not None:
        qs = qs.filter(pk__in=notification_ids)
    return qs.update(read_at=timezone.now())
