from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Count, Q, QuerySet

from apps.core.selectors import as_int, by_flag, matching, searched
from apps.org.models import Company, Department, Employee, Position, Role
from apps.org.policy import in_scope


def company_get() -> Company | None:
    return Company.objects.order_by("pk").first()


def department_list(*, user, filters: dict | None = None) -> QuerySet[Department]:
    filters = filters or {}
    qs = Department.objects.select_related("parent").annotate(
        employee_count=Count("employees", filter=Q(employees__is_active=True))
    )
    qs = in_scope(qs, user, "id")
    qs = searched(qs, filters.get("q"), "name", "code")
    qs = matching(qs, filters, "kind")
    qs = by_flag(qs, filters.get("active"), Q(is_active=True))
    return qs.order_by("path")


def in_department(qs: QuerySet, department, *, direct: bool = False, field: str = "department") -> QuerySet:
    """The list filter by department: records of the chosen department (an id, or text from a
    query string) and of every department below it, or of it alone when `direct`."""
    department = as_int(department)
    if not department:
        return qs
    if direct:
        return qs.filter(**{f"{field}_id": department})
    path = Department.objects.filter(pk=department).values("path")[:1]
    return qs.filter(**{f"{field}__path__startswith": path})


def employee_list(*, user, filters: dict | None = None) -> QuerySet[Employee]:
    filters = filters or {}
    qs = Employee.objects.select_related("department", "position", "user")
    qs = in_scope(qs, user)
    qs = searched(qs, filters.get("q"), "name", "employee_no", "phone")
    qs = in_department(qs, filters.get("department"))
    if position := as_int(filters.get("position")):
        qs = qs.filter(position_id=position)
    qs = matching(qs, filters, "employment_type")
    if flag := filters.get("flag"):
        qs = _flag_filter(qs, flag)
    qs = by_flag(qs, filters.get("active", "1"), Q(is_active=True))  # people in service unless asked
    return qs.order_by("employee_no")


EMPLOYEE_FLAGS = {
    "principal_head": Q(is_principal_head=True),
    "safety_manager": Q(is_safety_manager=True),
    "safety_officer": ~Q(safety_officer=""),
    "special_operation": Q(is_special_operation_worker=True),
    "high_risk_post": Q(is_high_risk_post=True),
}


def _flag_filter(qs, flag: str):
    condition = EMPLOYEE_FLAGS.get(flag)
    return qs.filter(condition) if condition is not None else qs


def position_list(*, filters: dict | None = None) -> QuerySet[Position]:
    filters = filters or {}
    qs = Position.objects.annotate(employee_count=Count("employees", filter=Q(employees__is_active=True)))
    return searched(qs, filters.get("q"), "name").order_by("name")


def department_heads(department: Department) -> QuerySet:
    """Users holding head permission directly on this department."""
    from guardian.shortcuts import get_users_with_perms

    return get_users_with_perms(
        department, only_with_perms_in=["head_department"], with_superusers=False, with_group_users=False
    )


def department_head_users(*, department_ids) -> dict[int, list]:
    """Heads of each given department, including heads of departments above it."""
    from django.contrib.contenttypes.models import ContentType
    from guardian.models import UserObjectPermission

    departments = list(Department.objects.filter(id__in=department_ids).values("id", "path"))
    ancestor_ids: set[int] = set()
    for dep in departments:
        ancestor_ids.update(int(p) for p in dep["path"].strip("/").split("/") if p)
    perms = UserObjectPermission.objects.filter(
        content_type=ContentType.objects.get_for_model(Department),
        permission__codename="head_department",
        object_pk__in=[str(i) for i in ancestor_ids],
        user__is_active=True,
    ).select_related("user")
    heads_by_department: dict[int, list] = {}
    for perm in perms:
        heads_by_department.setdefault(int(perm.object_pk), []).append(perm.user)
    result: dict[int, list] = {}
    for dep in departments:
        users = {}
        for part in dep["path"].strip("/").split("/"):
            if part:
                for u in heads_by_department.get(int(part), []):
                    users[u.pk] = u
        result[dep["id"]] = list(users.values())
    return result


def users_with_role(role: Role) -> QuerySet:
    return get_user_model().objects.filter(groups__name=role, is_active=True).distinct()


def headed_departments(user) -> QuerySet[Department]:
    """Departments on which this user holds head rights directly."""
    from guardian.shortcuts import get_objects_for_user

    return get_objects_for_user(
        user, "org.head_department", klass=Department, accept_global_perms=False, with_superuser=False
    )


def headless_department_ids() -> list[int]:
    """Units with no head on themselves or on any unit above them (two queries)."""
    from django.contrib.contenttypes.models import ContentType
    from guardian.models import UserObjectPermission

    headed = UserObjectPermission.objects.filter(
        content_type=ContentType.objects.get_for_model(Department),
        permission__codename="head_department",
        user__is_active=True,
    ).values_list("object_pk", flat=True)
    headed_ids = {int(pk) for pk in headed}
    return [
        pk
        for pk, path in Department.objects.values_list("pk", "path")
        if not any(int(part) in headed_ids for part in path.strip("/").split("/") if part)
    ]
