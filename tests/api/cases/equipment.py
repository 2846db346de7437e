from __future__ import annotations

import datetime as dt

from apps.equipment import services
from tests.api.case import Case, crud
from tests.api.cases._common import today
from tests.equipment.factories import equipment, special_type


def an_equipment(world):
    return equipment(world)


def record(world):
    return services.record_create(
        user=world.safety_manager, equipment=equipment(world), kind="daily_check", result="pass"
    )


def device(world):
    return services.device_save(
        data={
            "code": "SV-1",
            "name": "安全阀",
            "kind": "safety_valve",
            "department": world.dept_a,
            "location": "锅炉房",
            "cycle_months": 12,
            "last_checked_on": dt.date(2026, 1, 5),
        },
        user=world.safety_manager,
    )


def maintenance_plan(world):
    return services.maintenance_plan_save(
        data={
            "equipment": equipment(world),
            "kind": "maintenance",
            "title": "月度保养",
            "recurrence": "monthly",
            "next_due": dt.date(2027, 1, 10),
        },
        user=world.safety_manager,
    )


def project(world):
    return services.project_save(
        data={"name": "二期厂房", "kind": "new", "department": world.dept_a}, user=world.safety_manager
    )


def equipment_body(world, record=None):
    return {
        "code": record.code if record else "EQ-2",
        "name": "叉车",
        "location": "二号仓库",
        "department": world.dept_a.pk,
    }


def device_body(world, record=None):
    return {
        "code": record.code if record else "SV-2",
        "name": "压力表",
        "kind": "pressure_gauge",
        "department": world.dept_a.pk,
        "location": "锅炉房",
        "cycle_months": 6,
    }


def plan_body(world, record=None):
    return {
        "equipment": record.equipment_id if record else equipment(world, code="EQ-3").pk,
        "kind": "daily_check",
        "title": "日常点检",
        "recurrence": "monthly",
        "next_due": today(10),
    }


def project_body(world, record=None):
    return {"name": "三期仓库", "kind": "extended", "department": world.dept_a.pk}


CASES = {
    **crud(
        "v1_equipment",
        an_equipment,
        "list retrieve create update partial_update",
        create=equipment_body,
        update=equipment_body,
    ),
    "v1_equipment_record_create": Case(
        an_equipment,
        payload=lambda w, r: {
            "kind": "maintenance",
            "result": "pass",
            "work_plan": "停机保养",
            "hazard_controls": "挂牌上锁",
        },
    ),
    "v1_equipment_scrap_create": Case(an_equipment, payload=lambda w, r: {"reason": "老化"}),
    "v1_equipment_label_retrieve": Case(an_equipment),
    **crud("v1_equipment_records", record, "list retrieve"),
    **crud(
        "v1_equipment_devices",
        device,
        "list retrieve create update partial_update",
        create=device_body,
        update=device_body,
    ),
    "v1_equipment_devices_check_create": Case(device, payload=lambda w, r: {"checked_on": today()}),
    **crud(
        "v1_equipment_plans",
        maintenance_plan,
        "list retrieve create update partial_update",
        # A plan belongs to its equipment's department, known once the payload is read.
        create_refused={"outsider": 403},
        create=plan_body,
        update=plan_body,
    ),
    **crud(
        "v1_equipment_projects",
        project,
        "list retrieve create update partial_update",
        create=project_body,
        update=project_body,
    ),
    **crud("v1_equipment_types", lambda w: special_type(), "list retrieve"),
}
