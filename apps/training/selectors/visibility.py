"""Who sees whose training records, and whose hours a user may credit."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from apps.core.selectors import as_int
from apps.org.access import Access, access_for
from apps.org.models import Department, Employee


def reads_training(access: Access) -> bool:
    """Department-wide training records: safety managers, leadership and department heads."""
    return access.sees_everything or access.is_department_head


def _scope_departments(access: Access) -> frozenset[int] | None:
    """Departments whose records this person reads; None means all."""
    if access.sees_everything:
        return None
    return access.headed_department_ids


def visible_employees(*, user, filters: dict | None = None) -> QuerySet[Employee]:
    """Department heads: their departments; safety managers and leadership: everyone;
    anyone else: only themselves."""
    filters = filters or {}
    access = access_for(user)
    qs = Employee.objects.all()
    scope = _scope_departments(access)
    if scope is not None:
        qs = qs.filter(Q(department_id__in=scope) | Q(pk=access.employee_id or 0))
    if department := as_int(filters.get("department")):
        if filters.get("direct") == "1":  # this department only, not its sub-units
            qs = qs.filter(department_id=department)
        else:
            path = Department.objects.filter(pk=department).values("path")
            qs = qs.filter(department__path__startswith=path[:1])
    if q := filters.get("q"):
        qs = qs.filter(Q(name__icontains=q) | Q(employee_no__icontains=q))
    if filters.get("active", "1") in ("1", "0"):
        qs = qs.filter(is_active=filters.get("active", "1") == "1")
    return qs


def creditable_employees(*, user) -> QuerySet[Employee]:
    """People in service whose training hours the user may record: a head's departments;
    everyone for a safety manager."""
    access = access_for(user)
    qs = Employee.objects.filter(is_active=True)
    if not access.manages_everything:
        qs = qs.filter(department_id__in=access.headed_department_ids)
    return qs


def _only(filters: dict, *keys: str) -> dict:
    """The given filters of these keys (to pass on to visible_employees)."""
    return {k: filters[k] for k in keys if k in filters}
