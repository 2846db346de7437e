from __future__ import annotations

import datetime as dt

from django.db.models import Q, QuerySet
from django.utils import timezone

from apps.core.selectors import by_flag, matching, searched
from apps.equipment.models import (
    Equipment,
    EquipmentStatus,
    MaintenancePlan,
    Project,
    Record,
    SafetyDevice,
    SpecialEquipmentType,
)
from apps.org.policy import in_scope
from apps.org.selectors import in_department


def equipment_list(*, user, filters: dict | None = None) -> QuerySet[Equipment]:
    filters = filters or {}
    # Everyone sees their departments' items and the items they are responsible for.
    qs = in_scope(
        Equipment.objects.select_related("department", "special_type", "owner"), user, also=Q(owner_id=user.pk)
    )
    qs = searched(qs, filters.get("q"), "code", "name", "location", "serial_number")
    qs = matching(qs, filters, "status")
    qs = in_department(qs, filters.get("department"))
    qs = by_flag(qs, filters.get("special"), Q(special_type__isnull=False))
    if filters.get("overdue") == "1":
        qs = qs.filter(overdue_q(timezone.localdate()))
    return qs.order_by("code")


def overdue_q(today: dt.date) -> Q:
    return Q(next_inspection_due__lt=today) & ~Q(status=EquipmentStatus.SCRAPPED)


def equipment_get(*, user, pk: int) -> Equipment:
    return equipment_list(user=user).get(pk=pk)


def record_list(*, user, equipment: Equipment | None = None) -> QuerySet[Record]:
    qs = in_scope(
        Record.objects.select_related("equipment", "performed_by", "plan"),
        user,
        "equipment__department_id",
        also=Q(equipment__owner_id=user.pk),
    )
    if equipment is not None:
        qs = qs.filter(equipment=equipment)
    return qs


def plan_list(*, user) -> QuerySet[MaintenancePlan]:
    return in_scope(MaintenancePlan.objects.select_related("equipment__department"), user, "equipment__department_id")


def device_list(*, user) -> QuerySet[SafetyDevice]:
    return in_scope(SafetyDevice.objects.select_related("department", "equipment"), user)


def project_list(*, user) -> QuerySet[Project]:
    return in_scope(Project.objects.select_related("department"), user)


def special_type_list() -> QuerySet[SpecialEquipmentType]:
    return SpecialEquipmentType.objects.all()
