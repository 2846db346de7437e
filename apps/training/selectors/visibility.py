"""Who sees whose training records, and whose hours a user may credit."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from apps.core.selectors import by_flag, searched
from apps.org.models import Employee
from apps.org.policy import employee_id, in_scope
from apps.org.selectors import in_department


def visible_employees(*, user, filters: dict | None = None) -> QuerySet[Employee]:
    """Department heads: their departments; safety managers and leadership: everyone;
    anyone else: only themselves."""
    filters = filters or {}
    qs = in_scope(Employee.objects.all(), user, heads_only=True, also=Q(pk=employee_id(user) or 0))
    # the chosen department with its sub-units, or alone with direct=1
    qs = in_department(qs, filters.get("department"), direct=filters.get("direct") == "1")
    qs = searched(qs, filters.get("q"), "name", "employee_no")
    qs = by_flag(qs, filters.get("active", "1"), Q(is_active=True))  # people in service unless asked
    return qs


def creditable_employees(*, user) -> QuerySet[Employee]:
    """People in service whose training hours the user may record: a head's departments;
    everyone for a safety manager."""
    return in_scope(Employee.objects.filter(is_active=True), user, acting=True)


def _only(filters: dict, *keys: str) -> dict:
    """The given filters of these keys (to pass on to visible_employees)."""
    return {k: filters[k] for k in keys if k in filters}
