from __future__ import annotations

import datetime as dt

from apps.org import services as org_services
from apps.org.models import DepartmentKind
from apps.responsibility import services
from apps.responsibility.models import LetterLevel
from tests.org.factories import DepartmentFactory, EmployeeFactory, UserFactory


def template(world, level=LetterLevel.TEAM):
    return services.template_save(
        data={"level": level, "title": "安全目标责任书", "body": "一、安全目标……", "is_active": True},
        user=world.safety_manager,
    )


def team_with_staff(world, size: int, *, code: str = "T"):
    """A team inside department A with its own head (a user) and `size` staff."""
    team = DepartmentFactory(name=f"班组{code}", code=code, kind=DepartmentKind.TEAM, parent=world.dept_a)
    leader = UserFactory(username=f"leader_{code}")
    org_services.department_head_assign(department=team, head=leader, user=world.safety_manager)
    leader_employee = EmployeeFactory(name="班长", department=team, user=leader)
    staff = EmployeeFactory.create_batch(size, department=team)
    return team, leader, leader_employee, staff


def issue(world, tpl, year: int = 2026):
    return services.letters_issue(year=year, template=tpl, sign_by=dt.date(year, 3, 31), user=world.safety_manager)
