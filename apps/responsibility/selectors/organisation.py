"""Reads of the safety organisation: bodies, safety officers and the units without one."""

from __future__ import annotations

from django.db.models import QuerySet

from apps.org.models import Department, DepartmentKind, Employee
from apps.org.selectors import EMPLOYEE_FLAGS, employee_list
from apps.responsibility.models import SafetyBody


def body_list() -> QuerySet[SafetyBody]:
    return SafetyBody.objects.select_related("document").prefetch_related("members__employee__department")


def officer_list(*, user) -> QuerySet[Employee]:
    return employee_list(user=user, filters={"flag": "safety_officer"}).order_by("department__path", "employee_no")


def units_without_officer(*, department_ids=None) -> list[Department]:
    """Active departments, workshops, sections and teams with no active safety officer of
    their own (two queries)."""
    with_officer = set(
        Employee.objects.filter(EMPLOYEE_FLAGS["safety_officer"], is_active=True).values_list(
            "department_id", flat=True
        )
    )
    units = Department.objects.filter(is_active=True).exclude(kind=DepartmentKind.COMPANY)
    if department_ids is not None:
        units = units.filter(id__in=department_ids)
    return [unit for unit in units.order_by("path") if unit.pk not in with_officer]
