"""The task policies, persona by persona, and the reasons the task page gives."""

import pytest

from apps.org.models import Role
from apps.workflow import policies, services
from apps.workflow.models import TaskStatus
from tests.workflow.factories import make_task

pytestmark = pytest.mark.usefixtures("english")

PERSONAS = ["safety_manager", "head_a", "outsider", "leader", "employee_a"]

# persona: safety manager, head of the task's department, head of another department,
# leadership, the plain employee the task is assigned to.
TABLE = {
    "can_work_on_task": [True, True, False, False, True],
    "can_edit_task": [True, True, False, False, False],
    "can_sign_off_task": [True, True, False, False, False],
    "can_cancel_task": [True, False, False, False, False],
}


@pytest.fixture
def task(world):
    return make_task(department=world.team_a, user=world.head_a, assignee=world.employee_a)


@pytest.mark.parametrize("policy", sorted(TABLE))
@pytest.mark.parametrize("index, persona", list(enumerate(PERSONAS)))
def test_task_policies(world, task, policy, index, persona):
    decision = getattr(policies, policy)(world.persona(persona), task)
    assert bool(decision) is TABLE[policy][index]
    if not decision:
        assert decision.reason  # a refusal always says why


@pytest.mark.parametrize(
    "persona, anywhere, in_team_a",
    [
        ("safety_manager", True, True),
        ("head_a", True, True),
        ("outsider", True, False),
        ("leader", False, False),
        ("employee_a", False, False),
    ],
)
def test_who_creates_tasks(world, persona, anywhere, in_team_a):
    user = world.persona(persona)
    assert bool(policies.can_create_task(user)) is anywhere
    assert bool(policies.can_create_task_in(user, world.team_a)) is in_team_a


@pytest.mark.parametrize(
    "persona, expected",
    [("safety_manager", False), ("head_a", False), ("outsider", False), ("leader", True), ("employee_a", False)],
)
def test_a_role_task_is_signed_off_by_the_role(world, persona, expected):
    task = make_task(department=world.team_a, user=world.head_a, sign_off_role=Role.LEADERSHIP)
    assert bool(policies.can_sign_off_task(world.persona(persona), task)) is expected


def test_reopening_a_signed_off_task_is_for_safety_managers(world, task):
    services.task_submit(task=task, user=world.employee_a, note="done")
    services.task_sign_off(task=task, user=world.head_a, decision="approve")
    task.refresh_from_db()
    assert task.status == TaskStatus.SIGNED_OFF
    assert policies.can_reopen_task(world.safety_manager, task)
    refused = policies.can_reopen_task(world.head_a, task)
    assert not refused
    assert "safety manager" in str(refused.reason)
    actions = policies.task_actions(world.head_a, task)
    assert not actions["submit"] and not actions["submit"].reason  # not applicable: no reason
    assert not actions["edit"] and not actions["edit"].reason


def test_the_task_page_says_why_a_reader_may_not_sign_off(world, client_for, task):
    services.task_submit(task=task, user=world.employee_a, note="done")
    page = client_for("leader").get(f"/tasks/{task.pk}/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Only a head of the department or a safety manager may sign off." in html
    assert "why-not" in html
    head_page = client_for("head_a").get(f"/tasks/{task.pk}/").content.decode()
    assert "may sign off." not in head_page  # the head has the form, not a reason


def test_the_submitter_is_told_why_they_do_not_sign_off_their_own_work(world, client_for, task):
    services.task_submit(task=task, user=world.head_a, note="我自己做的")
    task.refresh_from_db()
    refused = policies.can_sign_off_task(world.head_a, task)
    assert not refused and "submitted this task yourself" in str(refused.reason)
    assert policies.can_sign_off_task(world.safety_manager, task)
    html = client_for("head_a").get(f"/tasks/{task.pk}/").content.decode()
    assert "You submitted this task yourself" in html


def test_the_edit_page_sends_a_reader_back_with_the_reason(world, client_for, task):
    response = client_for("employee_a").get(f"/tasks/{task.pk}/edit/", follow=True)
    assert response.redirect_chain[-1][0] == f"/tasks/{task.pk}/"
    assert "Only a head of the department or a safety manager may edit it." in (response.content.decode())
