from __future__ import annotations

import datetime as dt

from django.utils import timezone

from apps.workflow import services


def make_task(*, department, user, days: int = 7, assignee=None, title: str = "检查灭火器", **kw):
    """A task reached through the service, as in the app."""
    return services.task_create(
        title=title,
        department=department,
        due_date=timezone.localdate() + dt.timedelta(days=days),
        user=user,
        assignee=assignee,
        **kw,
    )
