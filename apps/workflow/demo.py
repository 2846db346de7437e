"""Demo tasks: one overdue, one waiting for sign-off, one signed off, one rejected."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from apps.workflow import services
from apps.workflow.models import SignOffDecision, Task, TaskPriority

TASKS = [
    # title, department code, assignee, creator, days from today, priority, steps
    ("更换机加工车间 3 号车床防护罩", "JJG", "yuangong", "anquan", -4, TaskPriority.HIGH, []),
    ("焊接班动火作业区灭火器月检", "JJG-HJ", None, "anquan", 2, TaskPriority.NORMAL, []),
    ("车削一班班前会安全交底记录补齐", "JJG-CX-1", "yuangong", "jjg_head", 10, TaskPriority.NORMAL, ["submit"]),
    ("装配车间叉车通道标线重新划定", "ZP", None, "anquan", 7, TaskPriority.NORMAL, ["submit:zp_head"]),
    ("机加工车间安全警示标志更新", "JJG", "yuangong", "anquan", -20, TaskPriority.NORMAL, ["submit", "approve"]),
    ("车削一班劳保用品发放台账", "JJG-CX-1", "yuangong", "jjg_head", 5, TaskPriority.LOW, ["submit", "reject"]),
]


def load(context: dict) -> int:
    users = context["users"]
    departments = context["departments"]
    today = timezone.localdate()
    created = 0
    for title, code, assignee, creator, days, priority, steps in TASKS:
        department = departments[code]
        if Task.objects.filter(title=title, department=department).exists():
            continue
        task = services.task_create(
            title=title,
            department=department,
            due_date=today + dt.timedelta(days=days),
            priority=priority,
            assignee=users.get(assignee) if assignee else None,
            user=users[creator],
            description="演示任务：请按要求完成并上传整改后照片。",
        )
        for step in steps:
            if step.startswith("submit"):
                who = step.split(":")[1] if ":" in step else assignee
                services.task_submit(task=task, user=users[who], note="已按要求完成，附现场照片。")
            elif step == "approve":
                services.task_sign_off(
                    task=task, user=users["jjg_head"], decision=SignOffDecision.APPROVE, comment="现场核查合格。"
                )
            elif step == "reject":
                services.task_sign_off(
                    task=task,
                    user=users["jjg_head"],
                    decision=SignOffDecision.REJECT,
                    comment="台账缺少领用人签字，请补充。",
                )
        created += 1
    return created
