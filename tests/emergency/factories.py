from __future__ import annotations

import datetime as dt

from apps.emergency import services
from apps.emergency.models import Drill, Plan, Supply


def plan(
    world,
    *,
    code: str = "YA-1",
    kind: str = "specialist",
    department=None,
    published_on: dt.date = dt.date(2025, 1, 10),
    user=None,
    filed_on=None,
    filing_number: str = "",
    **data,
) -> Plan:
    data = {
        "code": code,
        "title": "火灾事故专项应急预案",
        "kind": kind,
        "department": department or world.dept_a,
        "published_on": published_on,
        **data,
    }
    saved = services.emergency_plan_save(data=data, user=user or world.safety_manager)
    if filed_on:
        saved = services.plan_file(
            plan=saved, user=user or world.safety_manager, filed_on=filed_on, filing_number=filing_number
        )
    return saved


def drill(world, the_plan: Plan, *, held_on: dt.date, user=None, department=None, **data) -> Drill:
    data = {
        "plan": the_plan,
        "department": department or the_plan.department,
        "scenario": "仓库火灾疏散",
        "kind": "full_scale",
        "held_on": held_on,
        "duration_minutes": 45,
        "participant_count": 30,
        **data,
    }
    return services.drill_record(data=data, user=user or world.safety_manager)


def supply(world, *, name: str = "干粉灭火器", department=None, user=None, **data) -> Supply:
    data = {
        "name": name,
        "kind": "fire",
        "department": department or world.dept_a,
        "location": "一号厂房",
        "quantity": 10,
        "required_quantity": 10,
        **data,
    }
    return services.supply_save(data=data, user=user or world.safety_manager)
