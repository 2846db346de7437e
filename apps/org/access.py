"""Who may see and act on what: roles plus department scope.

A department head's scope is every department on which they hold the guardian object
permission `org.head_department`, and all departments below those. The result is computed once
per request and cached on the user object, so pages run a fixed number of queries.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q
from guardian.shortcuts import get_objects_for_user

from apps.org.models import Department, Employee, Role

CACHE_ATTR = "_anbiao_access"


@dataclass(frozen=True)
class Access:
    user_id: int | None
    roles: frozenset[str]
    is_superuser: bool
    headed_department_ids: frozenset[int]  # including every sub-department
    employee_id: int | None
    employee_department_id: int | None

    @property
    def is_safety_manager(self) -> bool:
        return self.is_superuser or Role.SAFETY_MANAGER in self.roles

    @property
    def is_leadership(self) -> bool:
        return Role.LEADERSHIP in self.roles

    @property
    def is_department_head(self) -> bool:
        return bool(self.headed_department_ids)

    @property
    def sees_everything(self) -> bool:
        """Safety managers and leadership read every department's records."""
        return self.is_safety_manager or self.is_leadership

    @property
    def manages_everything(self) -> bool:
        return self.is_safety_manager

    def heads(self, department_id: int | None) -> bool:
        """May act as head (sign off, assign) for records of this department."""
        return self.manages_everything or department_id in self.headed_department_ids

    def visible_department_ids(self) -> frozenset[int] | None:
        """None means every department."""
        if self.sees_everything:
            return None
        ids = set(self.headed_department_ids)
        if self.employee_department_id:
            ids.add(self.employee_department_id)
        return frozenset(ids)


ANONYMOUS = Access(None, frozenset(), False, frozenset(), None, None)


def access_for(user) -> Access:
    if not user or not user.is_authenticated:
        return ANONYMOUS
    cached = getattr(user, CACHE_ATTR, None)
    if cached is not None:
        return cached
    roles = frozenset(user.groups.values_list("name", flat=True))
    headed = get_objects_for_user(
        user, "org.head_department", klass=Department, accept_global_perms=False, with_superuser=False
    ).values_list("path", flat=True)
    prefix = Q()
    for path in headed:
        prefix |= Q(path__startswith=path)
    headed_ids = frozenset(Department.objects.filter(prefix).values_list("id", flat=True)) if prefix else frozenset()
    employee = Employee.objects.filter(user=user).values_list("id", "department_id").first()
    access = Access(
        user_id=user.pk,
        roles=roles,
        is_superuser=user.is_superuser,
        headed_department_ids=headed_ids,
        employee_id=employee[0] if employee else None,
        employee_department_id=employee[1] if employee else None,
    )
    setattr(user, CACHE_ATTR, access)
    return access


def forget(user) -> None:
    """Drop the cached access after roles or scope change."""
    if hasattr(user, CACHE_ATTR):
        delattr(user, CACHE_ATTR)
