from __future__ import annotations

import datetime as dt

from django.db.models import Q, QuerySet
from django.utils import timezone

from apps.core.selectors import as_int
from apps.equipment.models import (
    Equipment,
    EquipmentStatus,
    MaintenancePlan,
    Project,
    Record,
    SafetyDevice,
    SpecialEquipmentType,
)
from apps.org.access import access_for
from apps.org.models import Department


def _scope(qs: QuerySet, user, field: str = "department_id", owner: str = "") -> QuerySet:
    """Everything for safety managers and leadership; their departments (with every
    sub-department) for heads and for employees the department they work in; and the items a
    person is responsible for."""
    visible = access_for(user).visible_department_ids()
    if visible is None:
        return qs
    scope = Q(**{f"{field}__in": visible})
    if owner:
        scope |= Q(**{owner: user.pk})
    return qs.filter(scope)


def equipment_list(*, user, filters: dict | None = None) -> QuerySet[Equipment]:
    filters = filters or {}
    qs = _scope(
        Equipment.objects.select_related("department", "special_type", "owner"),
        user,
        owner="owner_id",
    )
    if q := filters.get("q"):
        qs = qs.filter(
            Q(code__icontains=q)
            | Q(name__icontains=q)
            | Q(location__icontains=q)
            | Q(serial_number__icontains=q)
        )
    if status := filters.get("status"):
        qs = qs.filter(status=status)
    if department := as_int(filters.get("department")):
        path = Department.objects.filter(pk=department).values("path")[:1]
        qs = qs.filter(department__path__startswith=path)
    special = filters.get("special")
    if special == "1":
        qs = qs.filter(special_type__isnull=False)
    elif special == "0":
        qs = qs.filter(special_type__isnull=True)
    if filters.get("overdue") == "1":
        qs = qs.filter(overdue_q(timezone.localdate()))
    return qs.order_by("code")


def overdue_q(today: dt.date) -> Q:
    return Q(next_inspection_due__lt=today) & ~Q(status=EquipmentStatus.SCRAPPED)


def equipment_get(*, user, pk: int) -> Equipment:
    return equipment_list(user=user).get(pk=pk)


def record_list(*, user, equipment: Equipment | None = None) -> QuerySet[Record]:
    qs = _scope(
        Record.objects.select_related("equipment", "performed_by", "plan"),
        user,
        "equipment__department_id",
        owner="equipment__owner_id",
    )
    if equipment is not None:
        qs = qs.filter(equipment=equipment)
    return qs


def plan_list(*, user) -> QuerySet[MaintenancePlan]:
    return _scope(
        MaintenancePlan.objects.select_related("equipment__department"),
        user,
        "equipment__department_id",
    )


def device_list(*, user) -> QuerySet[SafetyDevice]:
    return _scope(SafetyDevice.objects.select_related("department", "equipment"), user)


def project_list(*, user) -> QuerySet[Project]:
    return _scope(Project.objects.select_related("department"), user)


def special_type_list() -> QuerySet[SpecialEquipmentType]:
    return SpecialEquipmentType.objects.all()
