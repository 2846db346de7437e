"""The inbox and task list run the same number of queries for 5 tasks as for 200."""

import pytest

from apps.workflow import services
from tests.helpers import count_queries
from tests.workflow.factories import make_task


def _seed(world, count: int) -> None:
    for i in range(count):
        task = make_task(
            department=world.team_a if i % 2 else world.dept_a,
            user=world.safety_manager,
            assignee=world.employee_a if i % 3 == 0 else None,
            days=(i % 20) - 10 if i % 20 >= 10 else i % 20,
            title=f"任务{i}",
            source=world.dept_a if i % 5 == 0 else None,
        )
        if i % 4 == 0:
            services.task_submit(task=task, user=world.employee_a if i % 3 == 0 else world.safety_manager, note="x")


def _count(client, url: str) -> int:
    return count_queries(lambda: client.get(url))


@pytest.mark.parametrize("persona", ["head_a", "safety_manager", "employee_a"])
@pytest.mark.parametrize(
    "url", ["/", "/inbox/", "/tasks/", "/tasks/?status=unfinished&overdue=1", "/api/v1/tasks/", "/api/v1/tasks/inbox/"]
)
def test_query_count_does_not_grow_with_tasks(world, client_for, persona, url):
    _seed(world, 5)
    small = _count(client_for(persona), url)
    _seed(world, 195)
    large = _count(client_for(persona), url)
    assert large == small, f"{url}: {small} queries with 5 tasks, {large} with 200"
    assert small <= 15


def test_the_task_list_page_is_pinned(world, client_for, django_assert_max_num_queries):
    _seed(world, 200)
    client = client_for("head_a")
    with django_assert_max_num_queries(13):
        assert client.get("/tasks/").status_code == 200
