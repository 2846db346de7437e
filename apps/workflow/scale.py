"""Tasks at scale: 5,000 per unit of factor across the units, some overdue, most done."""

from __future__ import annotations

import datetime as dt
import random

from apps.org.scale import acting_user, scaled
from apps.workflow.models import Task, TaskStatus

TASKS = 5_000


def seed(*, departments, employees, factor: float, rng: random.Random, today: dt.date) -> int:
    user = acting_user()
    count = scaled(TASKS, factor)
    statuses = [TaskStatus.SIGNED_OFF] * 6 + [TaskStatus.OPEN, TaskStatus.SUBMITTED, TaskStatus.REOPENED]
    Task.objects.bulk_create(
        [
            Task(
                title=f"整改任务 {i}",
                search_text=f"整改任务 {i}",  # bulk_create does not call save()
                department=departments[i % len(departments)],
                due_date=today + dt.timedelta(days=rng.randint(-60, 30)),
                status=rng.choice(statuses),
                created_by=user,
            )
            for i in range(count)
        ],
        batch_size=2000,
    )
    return count
