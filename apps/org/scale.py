"""A large company for the dashboard benchmark (`manage.py seed_scale`): workshops, sections and
teams under the company, and 5,000 employees per unit of factor, created in bulk."""

from __future__ import annotations

import datetime as dt
import random

from django.contrib.auth import get_user_model

from apps.org import services
from apps.org.models import Department, DepartmentKind, Employee, Role

EMPLOYEES = 5_000
WORKSHOPS, SECTIONS, TEAMS = 10, 4, 3
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂"


def scaled(base: int, factor: float) -> int:
    return max(1, round(base * factor))


def acting_user():
    """Whom bulk records are recorded by: a safety manager, else a superuser."""
    users = get_user_model().objects.filter(is_active=True)
    return (
        users.filter(groups__name=Role.SAFETY_MANAGER).order_by("pk").first()
        or users.filter(is_superuser=True).order_by("pk").first()
    )


def build(*, factor: float, rng: random.Random, today: dt.date, prefix: str = "S"):
    """Create the units and people; returns (units, employees) with the units below the company."""
    root = Department.objects.filter(kind=DepartmentKind.COMPANY).order_by("pk").first()
    if root is None:
        root = services.department_create(
            data={"name": "规模测试公司", "code": f"{prefix}-ROOT", "kind": DepartmentKind.COMPANY}, user=None
        )
    units = []
    for w in range(1, WORKSHOPS + 1):
        workshop = services.department_create(
            data={"name": f"第{w}车间", "code": f"{prefix}-W{w:02d}", "kind": DepartmentKind.WORKSHOP, "parent": root},
            user=None,
        )
        units.append(workshop)
        for s in range(1, SECTIONS + 1):
            section = services.department_create(
                data={
                    "name": f"第{w}车间{s}工段",
                    "code": f"{prefix}-W{w:02d}S{s}",
                    "kind": DepartmentKind.SECTION,
                    "parent": workshop,
                },
                user=None,
            )
            units.append(section)
            for t in range(1, TEAMS + 1):
                units.append(
                    services.department_create(
                        data={
                            "name": f"第{w}车间{s}工段{t}班",
                            "code": f"{prefix}-W{w:02d}S{s}T{t}",
                            "kind": DepartmentKind.TEAM,
                            "parent": section,
                        },
                        user=None,
                    )
                )
    teams = [u for u in units if u.kind == DepartmentKind.TEAM]
    Employee.objects.bulk_create(
        [
            Employee(
                employee_no=f"{prefix}{i:06d}",
                name=rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN),
                department=teams[i % len(teams)] if i % 10 else units[(i // 10) % len(units)],
                hire_date=today - dt.timedelta(days=rng.randint(30, 20 * 365)),
                is_safety_manager=i % 400 == 1,
            )
            for i in range(scaled(EMPLOYEES, factor))
        ],
        batch_size=2000,
    )
    employees = list(Employee.objects.filter(employee_no__startswith=prefix).order_by("pk"))
    return units, employees
