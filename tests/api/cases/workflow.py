from __future__ import annotations

from apps.workflow import services
from tests.api.case import Case, crud
from tests.api.cases._common import today
from tests.hazards.factories import photo
from tests.workflow.factories import make_task


def task(world):
    return make_task(department=world.dept_a, user=world.safety_manager)


def submitted(world):
    return services.task_submit(task=task(world), user=world.head_a, note="已完成")


def signed_off(world):
    item = submitted(world)
    services.task_sign_off(task=item, user=world.safety_manager, decision="approve")
    item.refresh_from_db()
    return item


def signoff(world):
    item = submitted(world)
    return services.task_sign_off(task=item, user=world.safety_manager, decision="approve")


def notification(world):
    from apps.workflow.models import Notification

    services.notify(users=[world.head_a], message="请处理", task=task(world))
    return Notification.objects.filter(recipient=world.head_a, message="请处理").get()


def task_body(world, record=None):
    return {"title": "检查消防通道", "department": world.dept_a.pk, "due_date": today(7)}


CASES = {
    **crud("v1_tasks", task, "list retrieve create update partial_update", create=task_body, update=task_body),
    "v1_tasks_inbox_list": Case(task),
    "v1_tasks_submit_create": Case(task, payload=lambda w, r: {"note": "已完成", "files": [photo()]}, multipart=True),
    "v1_tasks_sign_off_create": Case(submitted, payload=lambda w, r: {"decision": "approve"}),
    "v1_tasks_reopen_create": Case(signed_off, payload=lambda w, r: {"reason": "复查不合格"}),
    **crud("v1_signoffs", signoff, "list retrieve"),
    **crud("v1_notifications", notification, "list retrieve"),
    "v1_notifications_read_create": Case(notification),
}
