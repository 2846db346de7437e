from __future__ import annotations

from apps.org.models import DepartmentKind
from tests.api.case import Case, crud
from tests.api.cases._common import today
from tests.org.factories import DepartmentFactory, EmployeeFactory, PositionFactory


def department(world):
    return DepartmentFactory(name="车削二班", code="A-2", kind=DepartmentKind.TEAM, parent=world.dept_a)


def department_body(world, record=None):
    return {
        "name": "车削三班",
        "code": record.code if record else "A-3",
        "kind": DepartmentKind.TEAM,
        "parent": world.dept_a.pk,
    }


def position(world):
    return PositionFactory(name="焊工")


def employee(world):
    return EmployeeFactory(name="钱伟", employee_no="E-900", department=world.dept_a)


def employee_body(world, record=None):
    return {
        "employee_no": record.employee_no if record else "E-901",
        "name": "孙丽",
        "department": world.dept_a.pk,
        "hire_date": "2024-03-01",
    }


COMPANY = {
    "name": "测试公司",
    "credit_code": "913200007654321X0E",
    "industry": "机械制造",
    "is_high_risk": False,
    "emergency_unit_kind": "metal_smelting",
    "address": "江苏省南京市",
    "head_count": 120,
    "task_escalation_days": 3,
}


def company(world):
    from apps.org import services

    return services.company_update(data=COMPANY, user=world.safety_manager)


CASES = {
    "v1_company_list": Case(company),
    "v1_company_update_update": Case(payload=lambda w, r: COMPANY),
    "v1_company_update_partial_update": Case(company, payload=lambda w, r: {"address": "南京市江宁区"}),
    **crud(
        "v1_departments",
        department,
        "list retrieve create update partial_update",
        create=department_body,
        update=department_body,
    ),
    **crud(
        "v1_positions",
        position,
        "list retrieve create update partial_update",
        create=lambda w, r: {"name": "电工", "is_high_risk": True},
        update=lambda w, r: {"name": "焊工（高处）", "is_high_risk": True},
    ),
    **crud(
        "v1_employees",
        employee,
        "list retrieve create update partial_update",
        create=employee_body,
        update=employee_body,
    ),
    "v1_employees_leave_create": Case(employee, payload=lambda w, r: {"left_on": today()}),
}
