"""Who sees and acts on which task, over HTML and the API. Out-of-scope tasks answer 404."""

import re

import pytest

from apps.workflow import services
from apps.workflow.models import TaskStatus
from tests.workflow.factories import make_task


@pytest.fixture
def tasks(world):
    """A submitted task in team A (below department A) and one in department B."""
    in_a = make_task(department=world.team_a, user=world.safety_manager, title="A 班组任务")
    services.task_submit(task=in_a, user=world.safety_manager, note="x")
    in_b = make_task(department=world.dept_b, user=world.safety_manager, title="B 车间任务")
    services.task_submit(task=in_b, user=world.safety_manager, note="x")
    return {"a": in_a, "b": in_b}


VIEW_MATRIX = [
    # persona, task, expected status of the detail page
    ("safety_manager", "a", 200),
    ("safety_manager", "b", 200),
    ("leader", "a", 200),
    ("leader", "b", 200),
    ("head_a", "a", 200),
    ("head_a", "b", 404),
    ("outsider", "a", 404),
    ("outsider", "b", 200),
    ("employee_a", "a", 404),  # not assigned to them
    ("employee_a", "b", 404),
]


@pytest.mark.parametrize("persona, which, expected", VIEW_MATRIX)
def test_task_detail_html(client_for, tasks, persona, which, expected):
    response = client_for(persona).get(f"/tasks/{tasks[which].pk}/")
    assert response.status_code == expected


@pytest.mark.parametrize("persona, which, expected", VIEW_MATRIX)
def test_task_detail_api(api_for, tasks, persona, which, expected):
    response = api_for(persona).get(f"/api/v1/tasks/{tasks[which].pk}/")
    assert response.status_code == expected


SIGN_MATRIX = [
    # persona, task, HTML status, API status, signed off afterwards
    ("head_a", "a", 302, 201, True),
    ("head_a", "b", 404, 404, False),
    ("outsider", "a", 404, 404, False),
    ("employee_a", "a", 404, 404, False),
    ("leader", "a", 403, 403, False),  # reads everything, signs nothing
]


@pytest.mark.parametrize("persona, which, html_status, _api, signed", SIGN_MATRIX)
def test_sign_off_html(client_for, tasks, persona, which, html_status, _api, signed):
    task = tasks[which]
    response = client_for(persona).post(f"/tasks/{task.pk}/sign-off/", {"decision": "approve"})
    assert response.status_code == html_status
    task.refresh_from_db()
    assert (task.status == TaskStatus.SIGNED_OFF) is signed


@pytest.mark.parametrize("persona, which, _html, api_status, signed", SIGN_MATRIX)
def test_sign_off_api(api_for, tasks, persona, which, _html, api_status, signed):
    task = tasks[which]
    response = api_for(persona).post(f"/api/v1/tasks/{task.pk}/sign-off/", {"decision": "approve"}, format="json")
    assert response.status_code == api_status
    task.refresh_from_db()
    assert (task.status == TaskStatus.SIGNED_OFF) is signed


@pytest.mark.parametrize(
    "persona, expected_titles",
    [
        ("safety_manager", {"A 班组任务", "B 车间任务"}),
        ("leader", {"A 班组任务", "B 车间任务"}),
        ("head_a", {"A 班组任务"}),
        ("outsider", {"B 车间任务"}),
        ("employee_a", set()),
    ],
)
def test_lists_show_only_tasks_in_scope(client_for, api_for, tasks, persona, expected_titles):
    api = api_for(persona).get("/api/v1/tasks/").json()
    assert {t["title"] for t in api["results"]} == expected_titles
    html = client_for(persona).get("/tasks/").content.decode()
    for title in {"A 班组任务", "B 车间任务"}:
        assert (title in html) is (title in expected_titles)


@pytest.mark.parametrize(
    "persona, expected",
    [
        # The safety manager submitted both, and nobody signs off their own submission.
        ("safety_manager", set()),
        ("head_a", {"A 班组任务"}),
        ("outsider", {"B 车间任务"}),
        ("leader", set()),
        ("employee_a", set()),
    ],
)
def test_the_inbox_offers_sign_off_only_within_scope(api_for, tasks, persona, expected):
    data = api_for(persona).get("/api/v1/tasks/inbox/").json()
    assert {t["title"] for t in data["to_sign"]} == expected


def test_an_employee_sees_and_submits_their_own_task(client_for, world):
    task = make_task(department=world.team_a, user=world.head_a, assignee=world.employee_a)
    client = client_for("employee_a")
    assert client.get(f"/tasks/{task.pk}/").status_code == 200
    response = client.post(f"/tasks/{task.pk}/submit/", {"note": "已更换"})
    assert response.status_code == 302
    task.refresh_from_db()
    assert task.status == TaskStatus.SUBMITTED


def test_a_failed_sign_off_form_keeps_what_was_typed(client_for, tasks):
    response = client_for("head_a").post(f"/tasks/{tasks['a'].pk}/sign-off/", {"decision": "reject", "comment": ""})
    assert response.status_code == 400
    html = response.content.decode()
    assert re.search(r'value="reject"[^>]*checked', html)
    assert "comment" in response.context["signoff_form"].errors
    tasks["a"].refresh_from_db()
    assert tasks["a"].status == TaskStatus.SUBMITTED


def test_task_create_and_edit_pages(client_for, world):
    assert client_for("employee_a").get("/tasks/new/").status_code == 403
    assert client_for("leader").get("/tasks/new/").status_code == 403
    client = client_for("head_a")
    page = client.get("/tasks/new/")
    assert page.status_code == 200
    assert "装配车间" not in page.content.decode()  # department B is not offered
    response = client.post(
        "/tasks/new/", {"title": "新任务", "department": world.dept_b.pk, "due_date": "2099-01-01", "priority": 2}
    )
    assert response.status_code == 200  # B is not a valid choice: the form comes back
    assert "新任务" in response.content.decode()


def test_token_authentication_works_for_the_api(world):
    from rest_framework.test import APIClient

    client = APIClient()
    response = client.post("/api/v1/auth/token/", {"username": "head_a", "password": "pass-1234"})
    assert response.status_code == 200
    client.credentials(HTTP_AUTHORIZATION=f"Token {response.json()['token']}")
    assert client.get("/api/v1/tasks/").status_code == 200
    # Session authentication comes first and sends no challenge, so DRF answers 403, not 401.
    assert APIClient().get("/api/v1/tasks/").status_code == 403


@pytest.mark.parametrize(
    "url, status",
    [
        ("/tasks/?department=abc&priority=x", 200),
        # The API's filter set validates its parameters and names the bad one.
        ("/api/v1/tasks/?department=abc", 400),
        ("/org/employees/?department=abc&position=x", 200),
    ],
)
def test_nonsense_filters_are_ignored_not_a_crash(client_for, world, url, status):
    assert client_for("safety_manager").get(url).status_code == status


def test_unassigned_work_of_a_unit_without_head_reaches_the_safety_manager(world, client_for):
    from tests.org.factories import DepartmentFactory

    office = DepartmentFactory(name="安全环保部", code="AHB")
    make_task(department=office, user=world.safety_manager, title="无人负责的任务")
    data = client_for("safety_manager").get("/api/v1/tasks/inbox/").json()
    assert "无人负责的任务" in {t["title"] for t in data["to_do"]}


def test_an_employee_does_not_see_colleagues_on_the_department_page(world, client_for):
    html = client_for("employee_a").get(f"/org/departments/{world.team_a.pk}/").content.decode()
    assert "赵磊" not in html
