"""The one reminder mechanism (apps/workflow/services/remind.py): once per record, kind and due
date; every N days; a second run at once sends nothing."""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction
from django.db.models import QuerySet

from apps.workflow import selectors, services
from apps.workflow.models import Notification, Reminder, Task
from tests.workflow.factories import make_task

TODAY = dt.date(2026, 3, 10)


@pytest.fixture
def task(world):
    return make_task(department=world.dept_a, user=world.safety_manager, title="巡检")


def _once(world, task, *, due=TODAY, today=TODAY, kind="check_due"):
    return services.remind_once(subject=task, kind=kind, due=due, users=[world.head_a], message="巡检到期", today=today)


def _sent(world) -> int:
    return Notification.objects.filter(recipient=world.head_a, message="巡检到期").count()


def test_a_reminder_is_sent_once_per_due_date(world, task):
    assert _once(world, task) is True
    assert _once(world, task) is False
    assert _once(world, task, today=TODAY + dt.timedelta(days=5)) is False
    assert _sent(world) == 1
    row = Reminder.objects.get()
    assert (row.subject, row.kind, row.due, row.sent_on) == (task, "check_due", TODAY, TODAY)


def test_a_new_due_date_is_reminded_again(world, task):
    assert _once(world, task) is True
    assert _once(world, task, due=TODAY + dt.timedelta(days=30)) is True
    assert _sent(world) == 2


def test_kinds_and_records_are_reminded_apart(world, task):
    other = make_task(department=world.dept_a, user=world.safety_manager, title="另一项")
    assert _once(world, task) is True
    assert _once(world, task, kind="check_overdue") is True
    assert _once(world, other) is True
    assert _once(world, other) is False


def test_a_reminder_about_a_kind_of_record_as_a_whole_has_subject_id_0(world):
    assert _once(world, Task) is True
    assert _once(world, Task) is False
    assert Reminder.objects.get().subject_id == 0


# Sent on day 0 with every_days=3: the days after it on which it is sent again.
@pytest.mark.parametrize(("days_later", "sent"), [(0, False), (1, False), (2, False), (3, True), (4, True), (10, True)])
def test_every_n_days_is_sent_again_n_days_after_the_last_sending(world, task, days_later, sent):
    def every(today):
        return services.remind_every(
            subject=task,
            kind="check_overdue",
            due=TODAY,
            every_days=3,
            users=[world.head_a],
            message="巡检到期",
            today=today,
        )

    assert every(TODAY) is True
    assert every(TODAY + dt.timedelta(days=days_later)) is sent
    assert Reminder.objects.get().sent_on == (TODAY + dt.timedelta(days=days_later) if sent else TODAY)


def test_every_n_days_counts_from_the_last_sending_not_the_first(world, task):
    days = [
        d
        for d in range(15)
        if services.reminder_claim_every(
            subject=task, kind="k", due=TODAY, every_days=7, today=TODAY + dt.timedelta(days=d)
        )
    ]
    assert days == [0, 7, 14]


def test_every_zero_days_is_refused(task):
    with pytest.raises(ValueError, match="at least one day"):
        services.reminder_claim_every(subject=task, kind="k", due=TODAY, every_days=0)


def test_forgetting_sends_again_only_the_kind_forgotten(world, task):
    _once(world, task)
    _once(world, task, kind="check_overdue")
    assert services.reminders_forget(subject=task, kind="check_due") == 1
    assert _once(world, task) is True
    assert _once(world, task, kind="check_overdue") is False


def test_forgetting_a_queryset_forgets_each_of_its_records(world, task):
    other = make_task(department=world.dept_a, user=world.safety_manager, title="另一项")
    _once(world, task)
    _once(world, other)
    assert services.reminders_forget(subject=Task.objects.filter(pk=other.pk)) == 1
    assert _once(world, other) is True and _once(world, task) is False


def test_a_run_finding_the_row_another_run_just_wrote_sends_nothing(world, task, monkeypatch):
    """Two runs at once: this one looked before the other wrote its row, and inserts after it.
    The unique key refuses the insert and the reminder counts as sent by the other run."""
    original_get = QuerySet.get
    raced = []

    def get(self, *args, **kwargs):
        if self.model is Reminder and not raced:
            raced.append(True)
            Reminder.objects.create(subject=task, kind="check_due", due=TODAY, sent_on=TODAY)  # the other run
            raise Reminder.DoesNotExist
        return original_get(self, *args, **kwargs)

    monkeypatch.setattr(QuerySet, "get", get)
    assert _once(world, task) is False
    assert raced and _sent(world) == 0
    assert Reminder.objects.count() == 1


def test_a_batch_decided_alongside_another_run_fails_rather_than_send_twice(world, task):
    first = services.ReminderBatch(Task, [task], ["check_due"], today=TODAY)
    second = services.ReminderBatch(Task, [task], ["check_due"], today=TODAY)
    assert first.once(task, "check_due", TODAY) and second.once(task, "check_due", TODAY)
    first.save()
    with pytest.raises(IntegrityError, match="(?i)unique constraint"), transaction.atomic():
        second.save()
    assert Reminder.objects.count() == 1


def test_a_batch_reads_what_was_sent_and_keeps_the_cadence(world, task):
    services.reminder_claim(subject=task, kind="check_due", due=TODAY, today=TODAY)
    batch = services.ReminderBatch(Task, [task], ["check_due", "check_overdue"], today=TODAY + dt.timedelta(days=7))
    assert batch.once(task, "check_due", TODAY) is False
    assert batch.every(task, "check_overdue", TODAY, 7) is True
    assert batch.every(task, "check_overdue", TODAY, 7) is False
    batch.save()
    later = services.ReminderBatch(Task, [task], ["check_overdue"], today=TODAY + dt.timedelta(days=14))
    assert later.every(task, "check_overdue", TODAY, 7) is True
    later.save()
    assert selectors.reminder_last_sent(subject=task, kind="check_overdue", due=TODAY) == TODAY + dt.timedelta(days=14)
