"""Small pieces the case modules share."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone


def today(days: int = 0) -> str:
    return (timezone.localdate() + dt.timedelta(days=days)).isoformat()


def employee_of(user):
    from apps.org.models import Employee

    return Employee.objects.get(user=user)
