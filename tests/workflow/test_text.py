"""Notifications, task titles, history and cached figures are stored once and read in the
reader's language (apps/core/text.py): an English user's action reads in Chinese for a Chinese
user, and the reverse."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone, translation
from django.utils.translation import gettext_noop

from apps.core.selectors import history_entries
from apps.core.text import stored
from apps.org.models import Employee
from apps.scoring import live
from apps.workflow import services
from apps.workflow.models import Notification, Task
from tests.helpers import count_queries
from tests.workflow.factories import make_task


def _due() -> str:
    return (timezone.localdate() + dt.timedelta(days=5)).isoformat()


def test_a_chinese_user_reads_in_chinese_what_an_english_user_did(world, client_for, api_for):
    with translation.override("en"):
        head = client_for("head_a")  # speaks English: the language cookie
        response = head.post(
            "/tasks/new/",
            {
                "title": "Check extinguishers",
                "department": world.dept_a.pk,
                "assignee": world.employee_a.pk,
                "due_date": _due(),
                "priority": 2,
            },
        )
        assert response.status_code == 302
    task = Task.objects.get()
    expected = f"机加工车间有新任务：Check extinguishers（截止日期 {_due()}）"
    # employee_a reads Chinese (no cookie: the site's language).
    page = client_for("employee_a").get("/notifications/")
    assert expected in page.content.decode()
    api = api_for("employee_a").get("/api/v1/notifications/").json()
    messages = [n["message"] for n in api.get("results", api)]
    assert messages == [expected]
    # The same stored notification, read by someone who asked for English.
    with translation.override("en"):
        assert str(Notification.objects.get(task=task).message) == (
            f"New task for 机加工车间: Check extinguishers (due {_due()})"
        )


def test_an_english_user_reads_in_english_what_a_chinese_user_did(world, client_for, api_for):
    task = make_task(department=world.dept_a, user=world.head_a, assignee=world.employee_a)
    # employee_a works in Chinese (the default) and submits for sign-off.
    response = client_for("employee_a").post(f"/tasks/{task.pk}/submit/", {"note": "已完成"})
    assert response.status_code == 302
    assert Task.objects.get(pk=task.pk).status == "submitted"
    with translation.override("en"):
        page = client_for("head_a").get("/notifications/").content.decode()
        assert "Waiting for your sign-off: 检查灭火器" in page
        api = api_for("head_a").get("/api/v1/notifications/").json()
        messages = [n["message"] for n in api.get("results", api)]
        assert "Waiting for your sign-off: 检查灭火器" in messages
        assert "待您签核" not in page
    page = client_for("head_a").get("/notifications/").content.decode()
    assert "待您签核：检查灭火器" in page


def test_the_email_is_in_the_recipient_language_not_the_actor(world, django_capture_on_commit_callbacks):
    world.employee_a.email = "zhao@example.com"
    world.employee_a.save()
    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        make_task(department=world.dept_a, user=world.head_a, assignee=world.employee_a)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject.startswith("机加工车间有新任务：检查灭火器")


def test_a_task_title_made_by_code_reads_in_the_reader_language(world, client_for, api_for):
    task = make_task(department=world.dept_a, user=world.head_a, assignee=world.employee_a)
    services.task_submit(task=task, user=world.employee_a)
    services.task_sign_off(task=task, user=world.safety_manager, decision="reject", comment="重做")
    services.task_reopen(task=Task.objects.get(pk=task.pk), user=world.employee_a)
    notification = Notification.objects.filter(recipient=world.employee_a).first()
    with translation.override("en"):
        assert str(notification.message) == "Task reopened: 检查灭火器"
    assert str(notification.message) == "任务已重新打开：检查灭火器"


def test_a_generated_task_title_is_searched_in_both_languages(world, client_for):
    task = make_task(
        department=world.dept_a, user=world.head_a, title=stored(gettext_noop("Task reopened: %(title)s"), title="巡检")
    )
    with translation.override("en"):
        page = client_for("head_a").get(f"/tasks/{task.pk}/").content.decode()
        assert "Task reopened: 巡检" in page
    assert "任务已重新打开：巡检" in client_for("head_a").get(f"/tasks/{task.pk}/").content.decode()
    for words in ("reopened", "重新打开", "巡检"):
        found = client_for("head_a").get("/tasks/", {"q": words}).content.decode()
        assert f"/tasks/{task.pk}/" in found, words
    assert f"/tasks/{task.pk}/" not in client_for("head_a").get("/tasks/", {"q": "签核"}).content.decode()


def test_a_history_entry_reads_in_the_reader_language(world):
    task = make_task(department=world.dept_a, user=world.head_a, assignee=world.employee_a)
    services.tasks_hand_over(
        employee=Employee.objects.get(user=world.employee_a), handover_to=None, user=world.safety_manager
    )
    with translation.override("en"):
        assert history_entries(task)[0]["reason"] == "Handed over: 赵磊 left"
    with translation.override("zh-hans"):
        assert history_entries(task)[0]["reason"] == "工作交接：赵磊 离职"


@pytest.mark.django_db
def test_a_cached_dashboard_figure_reads_in_both_languages():
    today = timezone.localdate()
    with translation.override("en"):
        first = live.indicators(today).indicators["hazards.overdue_count"]
        assert str(first.label) == "Overdue hazards"
    with translation.override("zh-hans"):
        assert str(live.indicators(today).indicators["hazards.overdue_count"].label) == "逾期隐患"
    with translation.override("en"):
        assert str(live.indicators(today).indicators["hazards.overdue_count"].label) == ("Overdue hazards")


def test_editing_a_task_keeps_an_unchanged_generated_title_in_both_languages(world, client_for):
    task = make_task(
        department=world.dept_a, user=world.head_a, title=stored(gettext_noop("Task reopened: %(title)s"), title="巡检")
    )
    with translation.override("en"):
        response = client_for("head_a").post(
            f"/tasks/{task.pk}/edit/", {"title": "Task reopened: 巡检", "due_date": _due(), "priority": 3}
        )
        assert response.status_code == 302
    task.refresh_from_db()
    assert task.priority == 3
    assert str(task.title) == "任务已重新打开：巡检"
    with translation.override("en"):
        assert str(task.title) == "Task reopened: 巡检"


def _name_people(world, first: int, count: int) -> None:
    from apps.core.text import Person
    from tests.org.factories import EmployeeFactory, UserFactory

    for number in range(first, first + count):
        holder = UserFactory(username=f"holder{number}")
        EmployeeFactory(name=f"持证人{number}", department=world.dept_a, user=holder)
        services.notify(users=[world.head_a], message=stored(gettext_noop("%(person)s left."), person=Person(holder)))


@pytest.mark.parametrize("url", ["/notifications/", "/api/v1/notifications/", "/"])
def test_named_people_cost_the_same_queries_however_many(world, client_for, api_for, url):
    """Each page looks up the people its notifications name at once, not one per row."""
    client = api_for("head_a") if url.startswith("/api/") else client_for("head_a")
    _name_people(world, 0, 2)
    client.get(url)  # caches filled on a first visit are not what is measured
    few = count_queries(lambda: client.get(url))
    _name_people(world, 2, 3)
    assert "持证人4" in client.get(url).content.decode()
    assert count_queries(lambda: client.get(url)) == few
