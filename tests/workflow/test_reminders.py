import datetime as dt

import pytest
import time_machine
from django.core import mail

from apps.org import services as org_services
from apps.workflow import services
from apps.workflow.models import Notification, Reminder
from apps.workflow.tasks import send_task_reminders
from tests.helpers import reminded
from tests.workflow.factories import make_task

TODAY = dt.date(2026, 3, 10)


@pytest.fixture
def frozen():
    with time_machine.travel(dt.datetime(2026, 3, 10, 8, 0, tzinfo=dt.UTC), tick=False):
        yield


def _messages(user):
    return list(Notification.objects.filter(recipient=user).values_list("message", flat=True))


def test_tasks_due_within_three_days_are_announced_once(world, frozen):
    due_in_3 = make_task(department=world.team_a, user=world.safety_manager, days=3, title="三天后到期")
    make_task(department=world.team_a, user=world.safety_manager, days=4, title="四天后到期")
    Notification.objects.all().delete()

    counts = services.task_reminders_send(today=TODAY)
    assert counts == {"due_soon": 1, "overdue": 0, "escalated": 0}
    assert any("三天后到期" in m for m in _messages(world.head_a))
    assert not any("四天后到期" in m for m in _messages(world.head_a))

    # Next day the first is still due soon but announced already; the second enters the window.
    counts = services.task_reminders_send(today=TODAY + dt.timedelta(days=1))
    assert counts["due_soon"] == 1
    assert sum("三天后到期" in m for m in _messages(world.head_a)) == 1
    assert sum("四天后到期" in m for m in _messages(world.head_a)) == 1
    due_in_3.refresh_from_db()
    assert reminded(due_in_3, "task_due_soon", field="sent_on") == TODAY


def test_running_twice_a_day_sends_nothing_twice(world, frozen):
    make_task(department=world.dept_a, user=world.safety_manager, days=1)
    first = services.task_reminders_send(today=TODAY)
    second = services.task_reminders_send(today=TODAY)
    assert first["due_soon"] == 1
    assert second == {"due_soon": 0, "overdue": 0, "escalated": 0}


@pytest.mark.parametrize(
    "days_late, escalate_after, escalated", [(2, 3, False), (3, 3, True), (4, 3, True), (1, 1, True), (6, 7, False)]
)
def test_overdue_tasks_are_escalated_to_leadership_after_the_configured_days(
    world, days_late, escalate_after, escalated
):
    org_services.company_update(data={"name": "测试公司", "task_escalation_days": escalate_after}, user=None)
    with time_machine.travel(TODAY - dt.timedelta(days=days_late + 1), tick=False):
        task = make_task(department=world.dept_a, user=world.safety_manager, days=1, title="逾期任务")
    Notification.objects.all().delete()
    counts = services.task_reminders_send(today=TODAY)
    assert counts["overdue"] == 1
    assert counts["escalated"] == int(escalated)
    assert any("逾期任务" in m for m in _messages(world.head_a))
    assert any("逾期任务" in m for m in _messages(world.leader)) is escalated
    task.refresh_from_db()
    assert (task.escalated_at is not None) is escalated


def test_escalation_happens_once(world):
    with time_machine.travel(TODAY - dt.timedelta(days=10), tick=False):
        make_task(department=world.dept_a, user=world.safety_manager, days=1)
    services.task_reminders_send(today=TODAY)
    later = services.task_reminders_send(today=TODAY + dt.timedelta(days=1))
    assert later["escalated"] == 0


def test_signed_off_tasks_are_left_alone(world):
    with time_machine.travel(TODAY - dt.timedelta(days=10), tick=False):
        task = make_task(department=world.dept_a, user=world.safety_manager, days=1)
        services.task_submit(task=task, user=world.safety_manager, note="x")
        services.task_sign_off(task=task, user=world.head_a, decision="approve")
    assert services.task_reminders_send(today=TODAY) == {"due_soon": 0, "overdue": 0, "escalated": 0}


def test_the_beat_task_sends_email_to_the_department(world, frozen, django_capture_on_commit_callbacks):
    make_task(department=world.team_a, user=world.safety_manager, days=2, title="邮件提醒")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        send_task_reminders.delay()
    assert any("邮件提醒" in m.subject and "head_a@example.com" in m.to for m in mail.outbox)


def test_reminders_run_a_fixed_number_of_queries(world, django_assert_max_num_queries):
    with time_machine.travel(TODAY - dt.timedelta(days=10), tick=False):
        for i in range(30):
            make_task(department=world.team_a, user=world.safety_manager, days=i % 12, title=f"t{i}")
    with django_assert_max_num_queries(12):
        services.task_reminders_send(today=TODAY)
    assert Reminder.objects.filter(subject_type__model="task", sent_on=TODAY).exists()


def test_a_new_due_date_starts_reminders_and_escalation_afresh(world):
    with time_machine.travel(TODAY - dt.timedelta(days=10), tick=False):
        task = make_task(department=world.dept_a, user=world.safety_manager, days=1)
    services.task_reminders_send(today=TODAY)
    task.refresh_from_db()
    assert task.escalated_at is not None
    services.task_update(task=task, data={"due_date": TODAY + dt.timedelta(days=2)}, user=world.safety_manager)
    task.refresh_from_db()
    assert task.escalated_at is None
    assert not Reminder.objects.filter(subject_id=task.pk, due=task.due_date).exists()
    assert services.task_reminders_send(today=TODAY)["due_soon"] == 1


def test_overdue_reminders_come_weekly_even_after_a_missed_run(world):
    with time_machine.travel(TODAY - dt.timedelta(days=30), tick=False):
        make_task(department=world.dept_a, user=world.safety_manager, days=1)
    assert services.task_reminders_send(today=TODAY)["overdue"] == 1
    assert services.task_reminders_send(today=TODAY + dt.timedelta(days=6))["overdue"] == 0
    # Day 7 was missed; day 8 still sends the weekly reminder.
    assert services.task_reminders_send(today=TODAY + dt.timedelta(days=8))["overdue"] == 1
