"""Demo company: profile, department tree, positions, employees and one user per role."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from guardian.shortcuts import assign_perm

from apps.org import services
from apps.org.models import Company, Department, Employee, Position, Role


def _company(data: dict) -> int:
    if Company.objects.exists():
        return 0
    services.company_update(data=data["company"], user=None)
    return 1


def _departments(data: dict) -> tuple[dict[str, Department], int]:
    """The department tree by code; the rows are listed parents first."""
    departments = {d.code: d for d in Department.objects.all()}
    created = 0
    for row in data["departments"]:
        if row["code"] in departments:
            continue
        departments[row["code"]] = services.department_create(
            data={
                "code": row["code"],
                "name": row["name"],
                "kind": row["kind"],
                "parent": departments.get(row["parent"]) if row["parent"] else None,
            },
            user=None,
        )
        created += 1
    return departments, created


def _positions(data: dict) -> tuple[dict[str, Position], int]:
    positions = {p.name: p for p in Position.objects.all()}
    created = 0
    for row in data["positions"]:
        if row["name"] not in positions:
            positions[row["name"]] = services.position_save(data=row, user=None)
            created += 1
    return positions, created


def _employees(data: dict, departments: dict, positions: dict) -> tuple[dict[str, Employee], int]:
    employees = {e.employee_no: e for e in Employee.objects.all()}
    created = 0
    for row in data["employees"]:
        if row["employee_no"] in employees:
            continue
        values = dict(row)
        values["department"] = departments[row["department"]]
        values["position"] = positions.get(row.get("position"))
        values["hire_date"] = dt.date.fromisoformat(row["hire_date"]) if row.get("hire_date") else None
        employees[row["employee_no"]] = services.employee_create(data=values, user=None)
        created += 1
    return employees, created


def _user_create(row: dict, password: str, departments: dict, employees: dict):
    """A demo login with its roles, the departments it heads and its employee record."""
    employee = employees.get(row["employee"]) if row["employee"] else None
    user = get_user_model()(
        username=row["username"],
        first_name=employee.name if employee else "系统管理员",
        is_superuser=row.get("superuser", False),
        is_staff=row.get("superuser", False),
    )
    user.set_password(password)
    user.save()
    roles = set(row["roles"]) | {Role.EMPLOYEE}
    if row["heads"]:
        roles.add(Role.DEPARTMENT_HEAD)
    user.groups.set(services.role_groups(roles))
    for code in row["heads"]:
        assign_perm("org.head_department", user, departments[code])
    if employee is not None:
        employee.user = user
        employee.save(update_fields=["user", "updated_at"])
    return user


def _users(data: dict, departments: dict, employees: dict) -> tuple[dict, int]:
    User = get_user_model()
    users = {}
    created = 0
    for row in data["users"]:
        user = User.objects.filter(username=row["username"]).first()
        if user is None:
            user = _user_create(row, data["password"], departments, employees)
            created += 1
        users[row["username"]] = user
    return users, created


def load(context: dict) -> int:
    data = context["data"]
    created = _company(data)
    departments, count = _departments(data)
    created += count
    positions, count = _positions(data)
    created += count
    employees, count = _employees(data, departments, positions)
    created += count
    users, count = _users(data, departments, employees)
    created += count
    context["users"] = users
    context["departments"] = departments
    return created
