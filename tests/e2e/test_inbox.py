import pytest

from apps.workflow import services
from tests.workflow.factories import make_task

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def tasks(world):
    task = make_task(
        department=world.team_a, user=world.safety_manager, assignee=world.employee_a, title="更换车床防护罩"
    )
    submitted = make_task(department=world.dept_a, user=world.safety_manager, title="补齐班前会记录")
    services.task_submit(task=submitted, user=world.safety_manager, note="已补齐")
    return {"open": task, "submitted": submitted}


@pytest.mark.parametrize(
    "persona, sees",
    [
        ("safety", None),  # submitted the only task waiting; nobody signs their own
        ("head_a", "补齐班前会记录"),
        ("employee_a", "更换车床防护罩"),
        ("leader", None),
        ("outsider", None),
    ],
)
def test_each_persona_logs_in_and_opens_the_inbox(page, live_server, login, console_errors, tasks, persona, sees):
    login(persona)
    page.goto(f"{live_server.url}/inbox/")
    assert page.locator("h1").inner_text() == "待我处理"
    if sees:
        assert page.get_by_text(sees).count() >= 1
    page.get_by_role("link", name="任务").first.click()
    page.wait_for_load_state()
    assert console_errors == []


def test_a_head_signs_off_in_the_browser(page, live_server, login, console_errors, tasks):
    login("head_a")
    page.get_by_role("link", name="补齐班前会记录").first.click()
    page.get_by_label("通过").check()
    page.get_by_role("button", name="记录签核结论").click()
    assert page.get_by_test_id("task-status").inner_text() == "已签核"
    assert console_errors == []


def test_the_menu_works_on_a_phone(page, live_server, login, console_errors, world):
    page.set_viewport_size({"width": 390, "height": 844})
    login("employee_a")
    toggle = page.get_by_role("button", name="菜单")
    assert toggle.is_visible()
    toggle.click()
    page.locator("#sidebar").get_by_role("link", name="通知").click()
    page.wait_for_url(f"{live_server.url}/notifications/")
    assert console_errors == []
