"""A leaver's unfinished tasks go to whoever takes over, or back to the heads of the tasks'
departments (workflow's leave hook, registered with apps/org/hooks.py)."""

from __future__ import annotations

import pytest
from django.utils import timezone

from apps.core.text import render
from apps.org import services as org_services
from apps.org.models import DepartmentKind, Employee
from apps.workflow import services
from apps.workflow.models import Notification, Task, TaskStatus
from tests.helpers import count_queries
from tests.org.factories import DepartmentFactory, EmployeeFactory
from tests.workflow.factories import make_task

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def tasks(world):
    """employee_a's tasks: open in their team, submitted in department B, and one signed off."""
    open_task = make_task(department=world.team_a, user=world.head_a, assignee=world.employee_a)
    submitted = make_task(department=world.dept_b, user=world.safety_manager, assignee=world.employee_a)
    services.task_submit(task=submitted, user=world.employee_a, note="已完成")
    done = make_task(department=world.team_a, user=world.head_a, assignee=world.employee_a)
    services.task_submit(task=done, user=world.employee_a, note="已完成")
    services.task_sign_off(task=done, user=world.head_a, decision="approve")
    others = make_task(department=world.team_a, user=world.head_a, assignee=world.head_a)
    Notification.objects.all().delete()
    return open_task, submitted, done, others


def leave(world, handover_to=None):
    org_services.employee_leave(
        employee=Employee.objects.get(user=world.employee_a),
        left_on=timezone.localdate(),
        handover_to=handover_to,
        user=world.safety_manager,
    )


def test_unfinished_tasks_go_to_whoever_takes_over(world, tasks):
    open_task, submitted, done, others = tasks
    leave(world, handover_to=Employee.objects.get(user=world.leader))
    assignees = dict(Task.objects.values_list("pk", "assignee"))
    assert assignees[open_task.pk] == world.leader.pk
    assert assignees[submitted.pk] == world.leader.pk
    assert assignees[done.pk] == world.employee_a.pk  # finished work stays theirs
    assert assignees[others.pk] == world.head_a.pk
    assert Task.objects.get(pk=submitted.pk).status == TaskStatus.SUBMITTED
    told = sorted(Notification.objects.values_list("recipient", "task", "message"))
    assert [(r, t) for r, t, _m in told] == [(world.leader.pk, open_task.pk), (world.leader.pk, submitted.pk)]
    assert told[0][2].startswith("Task handed over to you, as 赵磊 left")
    latest = open_task.history.latest()
    assert (latest.history_user, render(latest.history_change_reason)) == (
        world.safety_manager,
        "Handed over: 赵磊 left",
    )


def test_without_anyone_taking_over_the_tasks_go_back_to_the_heads(world, tasks):
    open_task, submitted, done, others = tasks
    headless = DepartmentFactory(code="C", kind=DepartmentKind.WORKSHOP)
    orphan = make_task(department=headless, user=world.safety_manager, assignee=world.employee_a)
    Notification.objects.all().delete()
    leave(world)
    assert Task.objects.filter(assignee__isnull=True).count() == 3
    assert Task.objects.get(pk=done.pk).assignee == world.employee_a
    told = set(Notification.objects.values_list("recipient", "task"))
    assert told == {
        (world.head_a.pk, open_task.pk),  # head of A, above team A-1
        (world.outsider.pk, submitted.pk),  # head of B
        (world.safety_manager.pk, orphan.pk),  # no head: the safety managers
    }
    assert Notification.objects.first().message.startswith("Task without an assignee, as 赵磊")


def test_someone_taking_over_without_a_login_leaves_the_tasks_to_the_heads(world, tasks):
    open_task = tasks[0]
    leave(world, handover_to=EmployeeFactory(department=world.dept_a))
    assert Task.objects.get(pk=open_task.pk).assignee is None
    assert set(Notification.objects.values_list("recipient", flat=True)) == {world.head_a.pk, world.outsider.pk}


def test_handing_over_takes_the_same_queries_for_few_or_many_tasks(world):
    leaver = Employee.objects.get(user=world.employee_a)

    def hand_over_with(n: int) -> int:
        taker = Employee.objects.get(user=world.head_a)
        Task.objects.filter(assignee=world.head_a).update(assignee=world.employee_a)
        for _ in range(n - Task.objects.filter(assignee=world.employee_a).count()):
            make_task(department=world.team_a, user=world.head_a, assignee=world.employee_a)
        return count_queries(
            lambda: services.tasks_hand_over(employee=leaver, handover_to=taker, user=world.safety_manager)
        )

    assert hand_over_with(2) == hand_over_with(8)
    assert Task.objects.filter(assignee=world.head_a).count() == 8
