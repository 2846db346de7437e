"""Demo equipment: special and ordinary items, safety devices, plans, records and a 三同时 record."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from apps.equipment import services
from apps.equipment.models import Equipment, SpecialEquipmentType


def _item_maker(manager, departments, today):
    """A function saving one item: code, name, department code, special equipment type code and
    days since the last statutory inspection, then any other field."""
    types = {t.code: t for t in SpecialEquipmentType.objects.all()}

    def item(code, name, dept, type_code=None, last_days_ago=None, **data):
        return services.equipment_save(
            data={
                "code": code,
                "name": name,
                "department": departments[dept],
                "special_type": types.get(type_code),
                "status": "in_use",
                "last_inspected_on": today - dt.timedelta(days=last_days_ago) if last_days_ago is not None else None,
                **data,
            },
            user=manager,
        )

    return item


def _ledger(manager, head, departments, today) -> dict[str, Equipment]:
    """Special equipment (a crane, a tank, a forklift) and ordinary items; returns the crane, the
    tank and the lathe by name."""
    item = _item_maker(manager, departments, today)
    crane = item(
        "SB-QZ-001",
        "10t 桥式起重机",
        "JJG",
        "4100",
        700,
        location="机加工车间 1 跨",
        model_number="QD10t-22.5m",
        maker="河南某起重机厂",
        registration_number="起17豫A0001(20)",
        owner=head,
        commissioned_on=dt.date(2018, 5, 10),
    )
    tank = item(
        "SB-RQ-001",
        "储气罐 2m³",
        "SBB",
        "2100",
        400,
        location="空压机房",
        inspection_interval_months=36,
        registration_number="容3LA豫A0002(19)",
        commissioned_on=dt.date(2019, 3, 1),
    )
    item("SB-CC-001", "内燃平衡重式叉车", "ZP", "5100", 380, location="装配车间", registration_number="车11豫A0003(21)")
    lathe = item(
        "SB-CW-001", "数控车床 CK6150", "JJG", location="机加工车间 3 号位", category="金属切削机床", maker="沈阳机床"
    )
    item("SB-KY-001", "螺杆空压机", "SBB", location="空压机房", category="动力设备")
    return {"crane": crane, "tank": tank, "lathe": lathe}


# The tank's safety valve (its calibration overdue) and pressure gauge: code, name, kind, cycle
# (months), last checked (days ago).
DEVICES = (("AQF-001", "储气罐安全阀", "safety_valve", 12, 370), ("YLB-001", "储气罐压力表", "pressure_gauge", 6, 60))


def _devices(manager, departments, tank, today) -> None:
    for code, name, kind, cycle_months, days_ago in DEVICES:
        services.device_save(
            data={
                "code": code,
                "name": name,
                "kind": kind,
                "equipment": tank,
                "department": departments["SBB"],
                "cycle_months": cycle_months,
                "last_checked_on": today - dt.timedelta(days=days_ago),
            },
            user=manager,
        )


def _plans(manager, crane, lathe, today) -> None:
    services.maintenance_plan_save(
        data={
            "equipment": crane,
            "kind": "daily_check",
            "title": "起重机班前点检",
            "recurrence": "daily",
            "next_due": today,
        },
        user=manager,
    )
    services.maintenance_plan_save(
        data={
            "equipment": lathe,
            "kind": "maintenance",
            "title": "车床一级保养",
            "recurrence": "monthly",
            "next_due": today + dt.timedelta(days=10),
        },
        user=manager,
    )


def _records(manager, crane, lathe, today) -> None:
    """A maintenance with its written plan, and a failed daily check raising a hazard."""
    services.record_create(
        user=manager,
        equipment=lathe,
        kind="maintenance",
        result="pass",
        performed_on=today - dt.timedelta(days=20),
        findings="更换主轴润滑油",
        work_plan="停机后更换润滑油、清理铁屑",
        hazard_controls="断电挂牌上锁；佩戴防护手套",
    )
    services.record_create(
        user=manager,
        equipment=crane,
        kind="daily_check",
        result="fail",
        performed_on=today - dt.timedelta(days=2),
        findings="主钩防脱钩装置变形",
        raise_hazard=True,
    )


def _project(manager, departments, today) -> None:
    """A 三同时 record of an extension put into use a month ago."""
    services.project_save(
        data={
            "name": "二期机加工车间扩建",
            "kind": "extended",
            "department": departments["JJG"],
            "safety_facilities": "通风除尘、防护栏杆、消防喷淋",
            "designed_on": today - dt.timedelta(days=300),
            "built_on": today - dt.timedelta(days=120),
            "commissioned_on": today - dt.timedelta(days=30),
        },
        user=manager,
    )


def load(context: dict) -> int:
    if Equipment.objects.exists():
        return 0
    users = context["users"]
    departments = context["departments"]
    manager, head = users["anquan"], users["jjg_head"]
    today = timezone.localdate()
    items = _ledger(manager, head, departments, today)
    _devices(manager, departments, items["tank"], today)
    _plans(manager, items["crane"], items["lathe"], today)
    _records(manager, items["crane"], items["lathe"], today)
    _project(manager, departments, today)
    return Equipment.objects.count()
