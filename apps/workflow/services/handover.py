"""When someone leaves, their unfinished tasks go to the person taking over, or back to the heads
of the tasks' departments (registered with org's leave hooks, apps/org/hooks.py)."""

from __future__ import annotations

from django.utils.translation import gettext_noop
from simple_history.utils import bulk_update_with_history

from apps.core.text import Person, stored
from apps.org.models import Role
from apps.org.selectors import department_head_users, users_with_role
from apps.workflow.models import UNFINISHED_STATUSES, Task
from apps.workflow.services.notifications import notify_many


def tasks_hand_over(*, employee, handover_to, user) -> int:
    """Reassign the leaver's unfinished tasks to `handover_to`'s login, or leave them unassigned
    when no one (or no one with a login) takes over, and tell whoever now has each task: the new
    assignee, else the heads of its department (the safety managers where it has none). A fixed
    number of queries however many tasks. Returns how many tasks were handed over."""
    if employee.user_id is None:
        return 0
    tasks = list(
        Task.objects.filter(assignee_id=employee.user_id, status__in=UNFINISHED_STATUSES)
        .select_related("department")
        .order_by("pk")
    )
    if not tasks:
        return 0
    new_assignee = handover_to.user if handover_to is not None else None
    if new_assignee is not None and not new_assignee.is_active:
        new_assignee = None
    for task in tasks:
        task.assignee = new_assignee
    bulk_update_with_history(
        tasks,
        Task,
        ["assignee"],
        default_user=user,
        # A history reason holds 100 characters: the name as it was, not a reference.
        default_change_reason=stored(gettext_noop("Handed over: %(name)s left"), name=employee.name).dumps(),
    )
    if new_assignee is not None:
        recipients = {task.pk: [new_assignee] for task in tasks}
        message = gettext_noop("Task handed over to you, as %(name)s left: %(title)s")
    else:
        heads = department_head_users(department_ids={task.department_id for task in tasks})
        managers = None
        recipients = {}
        for task in tasks:
            users = heads.get(task.department_id)
            if not users:
                managers = managers if managers is not None else list(users_with_role(Role.SAFETY_MANAGER))
                users = managers
            recipients[task.pk] = users
        message = gettext_noop("Task without an assignee, as %(name)s left: %(title)s")
    notify_many(
        [(recipients[task.pk], stored(message, name=Person(employee), title=task.title), task, "") for task in tasks]
    )
    return len(tasks)
