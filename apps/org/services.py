from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from guardian.shortcuts import assign_perm, remove_perm

from apps.core.exceptions import ApplicationError
from apps.core.text import stored
from apps.org import hooks
from apps.org.access import forget
from apps.org.models import KIND_LEVEL, PATH_WIDTH, Company, Department, DepartmentKind, Employee, Position, Role

DEPARTMENT_FIELDS = ("name", "code", "kind", "parent", "sort_order", "is_active")
EMPLOYEE_FIELDS = (
    "employee_no",
    "name",
    "department",
    "position",
    "hire_date",
    "phone",
    "email",
    "is_principal_head",
    "is_safety_manager",
    "safety_officer",
    "is_special_operation_worker",
    "employment_type",
    "is_high_risk_post",
    "is_active",
)
POSITION_FIELDS = ("name", "description", "is_high_risk")
COMPANY_FIELDS = (
    "name",
    "credit_code",
    "industry",
    "is_high_risk",
    "emergency_unit_kind",
    "address",
    "head_count",
    "task_escalation_days",
)


def role_groups(names) -> list[Group]:
    """The groups of these roles; created if missing (a flushed test database has none)."""
    return [Group.objects.get_or_create(name=str(name))[0] for name in names]


def _save(obj, *, user, reason: str = "") -> None:
    """full_clean then save, recording who made the change in the audit history."""
    obj.full_clean()
    if user is not None:
        obj._history_user = user
    if reason:
        obj._change_reason = reason
    obj.save()


# ------------------------------------------------------------------------------
# Company profile
# ------------------------------------------------------------------------------
@transaction.atomic
def company_update(*, data: dict, user) -> Company:
    company = Company.objects.select_for_update().order_by("pk").first() or Company()
    before = copy.copy(company) if company.pk else None
    for field in COMPANY_FIELDS:
        if field in data:
            setattr(company, field, data[field])
    if company.credit_code:
        company.credit_code = company.credit_code.upper()
    _save(company, user=user)
    hooks.run_company_change(company=company, before=before, user=user)
    return company


# ------------------------------------------------------------------------------
# Departments
# ------------------------------------------------------------------------------
def _check_department_tree(department: Department) -> None:
    parent = department.parent
    level = KIND_LEVEL[DepartmentKind(department.kind)]
    if department.pk:
        # A unit's children must stay below it when its kind changes.
        child_kinds = set(Department.objects.filter(parent=department).values_list("kind", flat=True))
        if any(KIND_LEVEL[DepartmentKind(kind)] <= level for kind in child_kinds):
            raise ValidationError(
                {
                    "kind": _("Units below this one would no longer fit under a %(kind)s.")
                    % {"kind": DepartmentKind(department.kind).label}
                }
            )
    if department.kind == DepartmentKind.COMPANY:
        if parent is not None:
            raise ValidationError({"parent": _("The company is the top of the tree.")})
        others = Department.objects.filter(kind=DepartmentKind.COMPANY).exclude(pk=department.pk)
        if others.exists():
            raise ValidationError({"kind": _("There is already a company at the top.")})
        return
    if parent is None:
        raise ValidationError({"parent": _("Choose the unit this one belongs to.")})
    if department.pk and parent.path.startswith(department.path):
        raise ValidationError({"parent": _("A unit cannot be placed under itself.")})
    if KIND_LEVEL[DepartmentKind(parent.kind)] >= level:
        raise ValidationError(
            {
                "kind": _("A %(kind)s cannot belong to a %(parent_kind)s.")
                % {"kind": DepartmentKind(department.kind).label, "parent_kind": DepartmentKind(parent.kind).label}
            }
        )
    if not department.is_active and department.pk and department.employees.filter(is_active=True).exists():
        raise ValidationError({"is_active": _("Move or release its employees before closing this unit.")})


def _path_for(department: Department) -> str:
    own = f"{department.pk:0{PATH_WIDTH}d}/"
    return (department.parent.path if department.parent else "/") + own


def department_save(department: Department, *, user) -> Department:
    """Check and save a new or changed unit, keeping the paths of it and its subtree right.

    Used by the forms, the API and the import alike.
    """
    department.full_clean(exclude=["path"], validate_unique=department.pk is None)
    _check_department_tree(department)
    old_path = department.path
    if user is not None:
        department._history_user = user
    department.save()
    new_path = _path_for(department)
    if new_path != old_path:
        department.path = new_path
        Department.objects.filter(pk=department.pk).update(path=new_path)
        if old_path:
            # Moving a unit moves its whole subtree: rewrite the prefix of every descendant.
            for child in Department.objects.filter(path__startswith=old_path).exclude(pk=department.pk):
                Department.objects.filter(pk=child.pk).update(path=new_path + child.path[len(old_path) :])
    return department


@transaction.atomic
def department_create(*, data: dict, user) -> Department:
    department = Department(**{f: data[f] for f in DEPARTMENT_FIELDS if f in data})
    department.full_clean(exclude=["path"])
    return department_save(department, user=user)


@transaction.atomic
def department_update(*, department: Department, data: dict, user) -> Department:
    for field in DEPARTMENT_FIELDS:
        if field in data:
            setattr(department, field, data[field])
    department.full_clean(exclude=["path"])
    return department_save(department, user=user)


@transaction.atomic
def department_head_assign(*, department: Department, head, user) -> None:
    assign_perm("org.head_department", head, department)
    head.groups.add(*role_groups([Role.DEPARTMENT_HEAD]))
    forget(head)


@transaction.atomic
def department_head_revoke(*, department: Department, head, user) -> None:
    remove_perm("org.head_department", head, department)
    from guardian.models import UserObjectPermission

    still_heads = UserObjectPermission.objects.filter(user=head, permission__codename="head_department").exists()
    if not still_heads:
        head.groups.remove(*role_groups([Role.DEPARTMENT_HEAD]))
    forget(head)


# ------------------------------------------------------------------------------
# Positions and employees
# ------------------------------------------------------------------------------
@transaction.atomic
def position_save(*, position: Position | None = None, data: dict, user) -> Position:
    position = position or Position()
    for field in POSITION_FIELDS:
        if field in data:
            setattr(position, field, data[field])
    _save(position, user=user)
    return position


@transaction.atomic
def employee_create(*, data: dict, user) -> Employee:
    employee = Employee(**{f: data[f] for f in EMPLOYEE_FIELDS if f in data})
    return employee_save(employee, user=user)


@transaction.atomic
def employee_update(*, employee: Employee, data: dict, user) -> Employee:
    for field in EMPLOYEE_FIELDS:
        if field in data:
            setattr(employee, field, data[field])
    return employee_save(employee, user=user)


@transaction.atomic
def employee_save(employee: Employee, *, user) -> Employee:
    """Check and save a new or changed employee: used by the forms, the API and the import alike.

    The apps are asked before someone in service moves into another position or department
    (apps/org/hooks.py). Taking someone out of service is their leaving, as of today with no one
    named to take over (`employee_leave`).
    """
    stored = (
        Employee.objects.filter(pk=employee.pk).values("position_id", "department_id", "is_active").first()
        if employee.pk
        else None
    )
    leaving = stored is not None and stored["is_active"] and not employee.is_active
    if leaving:
        employee.is_active = True  # until employee_leave below
    moved = stored is None or (stored["position_id"], stored["department_id"]) != (
        employee.position_id,
        employee.department_id,
    )
    if moved and employee.is_active:
        hooks.check_position_change(employee=employee, position=employee.position, user=user)
    if employee.is_active:
        employee.left_on = None
    _save(employee, user=user)
    if leaving:
        employee_leave(employee=employee, left_on=timezone.localdate(), user=user)
    return employee


@transaction.atomic
def employee_leave(*, employee: Employee, left_on: dt.date, user, handover_to: Employee | None = None) -> Employee:
    """Someone leaves: out of service from `left_on`, their login and head rights gone, and each
    app hands over their open work to `handover_to` (apps/org/hooks.py), all in one transaction."""
    if not Employee.objects.select_for_update().filter(pk=employee.pk, is_active=True).exists():
        raise ApplicationError(_("This employee has already left."))
    if handover_to is not None and (handover_to.pk == employee.pk or not handover_to.is_active):
        raise ValidationError({"handover_to": _("Hand the work over to someone else who is still in service.")})
    if left_on > timezone.localdate():
        raise ValidationError({"left_on": _("The leaving date cannot be in the future.")})
    if employee.hire_date and left_on < employee.hire_date:
        raise ValidationError({"left_on": _("The leaving date cannot be before the hire date.")})
    employee.is_active = False
    employee.left_on = left_on
    _save(employee, user=user, reason=stored(gettext_noop("Left the company")).dumps())
    _login_revoke(employee)
    hooks.run_leave(employee=employee, handover_to=handover_to, user=user)
    return employee


def _login_revoke(employee: Employee) -> None:
    """Someone who leaves loses their login and every head right at once."""
    account = employee.user
    if account is None:
        return
    from guardian.models import UserObjectPermission

    UserObjectPermission.objects.filter(user=account, permission__codename="head_department").delete()
    account.groups.clear()
    account.is_active = False
    account.save(update_fields=["is_active"])
    forget(account)


def _account_check(*, employee: Employee, account, username: str, user) -> None:
    """Refuse a login for an administrator's account (unless a superuser asks), for someone who
    has left, or under a name someone else has."""
    is_admin = account is not None and (account.is_superuser or account.is_staff)
    if is_admin and not getattr(user, "is_superuser", False):
        raise ValidationError({"username": _("This login is an administrator's; only a superuser may change it.")})
    if not employee.is_active:
        raise ValidationError({"username": _("This employee has left: give no login.")})
    User = get_user_model()
    if User.objects.filter(username=username).exclude(pk=getattr(account, "pk", None)).exists():
        raise ValidationError({"username": _("This user name is taken.")})


def _account_save(*, employee: Employee, account, username: str, password: str | None, user):
    """The login saved with the employee's name and email, and linked to the employee."""
    if account is None:
        if not password:
            raise ValidationError({"password": _("Set a first password for the new account.")})
        account = get_user_model()(username=username)
    account.username = username
    account.email = employee.email
    account.first_name = employee.name
    if password:
        account.set_password(password)
    account.full_clean(exclude=["password"] if not password else None)
    account.save()
    if employee.user_id != account.pk:
        employee.user = account
        _save(employee, user=user, reason="account linked")
    return account


def _headed_departments_set(account, headed_departments: list[Department]) -> None:
    """The department-head permission on exactly these departments."""
    from guardian.shortcuts import get_objects_for_user

    current = set(
        get_objects_for_user(
            account, "org.head_department", klass=Department, accept_global_perms=False, with_superuser=False
        )
    )
    for department in current - set(headed_departments):
        remove_perm("org.head_department", account, department)
    for department in set(headed_departments) - current:
        assign_perm("org.head_department", account, department)


@transaction.atomic
def employee_account_set(
    *,
    employee: Employee,
    username: str,
    password: str | None,
    roles: list[str],
    headed_departments: list[Department],
    user,
):
    """Create or update the login of an employee, with roles and the departments they head."""
    account = employee.user
    _account_check(employee=employee, account=account, username=username, user=user)
    account = _account_save(employee=employee, account=account, username=username, password=password, user=user)
    wanted = set(roles) | {Role.EMPLOYEE}
    if headed_departments:
        wanted.add(Role.DEPARTMENT_HEAD)
    else:
        wanted.discard(Role.DEPARTMENT_HEAD)
    account.groups.set(role_groups(wanted))
    _headed_departments_set(account, headed_departments)
    forget(account)
    return account


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
