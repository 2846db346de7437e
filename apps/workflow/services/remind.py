"""The one reminder mechanism: a reminder about a record is remembered by (record, kind, due
date), so that a daily run, a repeated run or two runs at once send it once ("remind once"), or
again only after a number of days ("remind every"). A new due date is a new reminder."""

from __future__ import annotations

import datetime as dt

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone

from apps.workflow.models import Reminder, Task
from apps.workflow.services.notifications import notify

# A reminder with no due date of its own (e.g. the first assessment of a source never assessed).
NO_DUE_DATE = dt.date.min


def _subject_key(subject) -> dict:
    """A record, or a model class for a reminder about that kind of record as a whole."""
    if isinstance(subject, type) and issubclass(subject, models.Model):
        return {"subject_type": ContentType.objects.get_for_model(subject), "subject_id": 0}
    return {"subject_type": ContentType.objects.get_for_model(subject), "subject_id": subject.pk}


def reminder_claim(*, subject, kind: str, due: dt.date, today: dt.date | None = None) -> bool:
    """Record that the reminder (subject, kind, due) is sent today; False when it was already.
    Of two runs at once, the second waits on the first's row and then finds it."""
    today = today or timezone.localdate()
    _, created = Reminder.objects.get_or_create(
        **_subject_key(subject), kind=kind, due=due, defaults={"sent_on": today}
    )
    return created


def remind_once(
    *,
    subject,
    kind: str,
    due: dt.date,
    users,
    message,  # a stored text (apps/core/text.py) or a plain string
    url: str = "",
    task: Task | None = None,
    today: dt.date | None = None,
) -> bool:
    """Notify these users about the subject for this due date, once. Returns whether it sent."""
    if not reminder_claim(subject=subject, kind=kind, due=due, today=today):
        return False
    notify(users=users, message=message, task=task, url=url)
    return True


@transaction.atomic
def reminder_claim_every(*, subject, kind: str, due: dt.date, every_days: int, today: dt.date | None = None) -> bool:
    """As reminder_claim, but due again `every_days` days after the last sending (the row
    keeps the last day sent, locked while it is read and moved on)."""
    if every_days < 1:
        raise ValueError("A reminder is repeated after at least one day.")
    today = today or timezone.localdate()
    reminder, created = Reminder.objects.select_for_update().get_or_create(
        **_subject_key(subject), kind=kind, due=due, defaults={"sent_on": today}
    )
    if created:
        return True
    if (today - reminder.sent_on).days < every_days:
        return False
    reminder.sent_on = today
    reminder.save(update_fields=["sent_on"])
    return True


def remind_every(
    *,
    subject,
    kind: str,
    due: dt.date,
    every_days: int,
    users,
    message,  # a stored text (apps/core/text.py) or a plain string
    url: str = "",
    task: Task | None = None,
    today: dt.date | None = None,
) -> bool:
    """Notify these users about the subject now and then every `every_days` days, until the
    caller stops asking (the work is done). Returns whether it sent."""
    if not reminder_claim_every(subject=subject, kind=kind, due=due, every_days=every_days, today=today):
        return False
    notify(users=users, message=message, task=task, url=url)
    return True


def reminders_forget(*, subject, kind: str | None = None) -> int:
    """Forget the reminders of a record (or of every record of a queryset), of one kind or all,
    so that they are sent again. Returns how many were forgotten."""
    if isinstance(subject, models.QuerySet):
        rows = Reminder.objects.filter(
            subject_type=ContentType.objects.get_for_model(subject.model), subject_id__in=subject.values("pk")
        )
    else:
        rows = Reminder.objects.filter(**_subject_key(subject))
    if kind is not None:
        rows = rows.filter(kind=kind)
    return rows.delete()[0]


class ReminderBatch:
    """The reminders of many records, decided with a fixed number of queries: the rows already
    recorded are read (and locked) once, `once()` and `every()` answer per record, and `save()`
    records what was sent. Read the subjects locked first, as a daily run does: a second run at
    once then waits and finds these rows; should it not, its insert fails on the unique key and
    it sends nothing."""

    def __init__(self, model: type[models.Model], subjects, kinds, *, today: dt.date):
        self.today = today
        self.subject_type = ContentType.objects.get_for_model(model)
        self.rows = {
            (r.subject_id, r.kind, r.due): r
            for r in Reminder.objects.select_for_update().filter(
                subject_type=self.subject_type, subject_id__in=[s.pk for s in subjects], kind__in=list(kinds)
            )
        }
        self.new: list[Reminder] = []
        self.moved: list[Reminder] = []

    def _record(self, subject, kind: str, due: dt.date) -> None:
        row = Reminder(subject_type=self.subject_type, subject_id=subject.pk, kind=kind, due=due, sent_on=self.today)
        self.rows[(subject.pk, kind, due)] = row
        self.new.append(row)

    def once(self, subject, kind: str, due: dt.date) -> bool:
        """Whether to send this reminder now; it is recorded as sent."""
        if (subject.pk, kind, due) in self.rows:
            return False
        self._record(subject, kind, due)
        return True

    def every(self, subject, kind: str, due: dt.date, every_days: int) -> bool:
        """Whether to send this reminder now, `every_days` after its last sending."""
        row = self.rows.get((subject.pk, kind, due))
        if row is None:
            self._record(subject, kind, due)
            return True
        if (self.today - row.sent_on).days < every_days:
            return False
        row.sent_on = self.today
        self.moved.append(row)
        return True

    def save(self) -> None:
        Reminder.objects.bulk_create(self.new)
        Reminder.objects.bulk_update(self.moved, ["sent_on"])
