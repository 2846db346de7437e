"""Demo units: a 液氨 storage that is a filed major hazard source, and an LPG cylinder store that
is not one."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from apps.major_hazards import services
from apps.major_hazards.models import Substance, Unit


def _store(manager, *, inventory: list[dict], **data) -> Unit:
    """A storage unit (储存单元) with the chemicals in it, as the safety manager enters them."""
    unit = services.unit_save(data={"unit_kind": "storage", **data}, user=manager)
    for item in inventory:
        services.inventory_item_save(unit=unit, data=item, user=manager)
    return unit


def _ammonia_store(manager, users, departments, substances, today: dt.date) -> None:
    """12 t of 液氨: a level-4 major hazard source, filed and assessed, its measures checked."""
    ammonia = _store(
        manager,
        code="MH-01",
        name="制冷站液氨储罐区",
        location="厂区东北角制冷站",
        department=departments["SBB"],
        responsible=users["lingdao"],
        technical_responsible=manager,
        operational_responsible=manager,
        exposed_people=60,
        inventory=[{"substance": substances["氨"], "chemical_name": "液氨", "max_quantity": Decimal("12")}],
    )
    services.register_entry_save(
        unit=ammonia,
        data={
            "number": "苏园重危备[2025]017号",
            "level": 4,
            "filing_authority": "苏州工业园区应急管理局",
            "filed_on": today - dt.timedelta(days=200),
        },
        user=manager,
    )
    services.assessment_save(
        unit=ammonia,
        data={
            "assessed_on": today - dt.timedelta(days=400),
            "assessor": "江苏某安全评价有限公司",
            "conclusion": "四级重大危险源，安全设施基本满足要求；建议增设氨气浓度远传报警。",
        },
        user=manager,
    )
    measures = [
        ("online_monitoring", "储罐液位、压力、温度在线监测（DCS 远传）", 30),
        ("alarm", "氨气泄漏检测报警仪（4 点）", 30),
        ("interlock", "高液位/高压紧急切断联锁", 90),
        ("video", "储罐区视频监控", 30),
    ]
    for kind, name, days in measures:
        measure = services.measure_save(
            unit=ammonia, data={"measure_kind": kind, "name": name, "check_cycle_days": days}, user=manager
        )
        services.measure_check(
            measure=measure, user=manager, checked_on=today - dt.timedelta(days=10), check_result="working"
        )


def _lpg_store(manager, users, departments, substances) -> None:
    """LPG and oxygen cylinders below the critical quantities: not a major hazard source."""
    lpg = _store(
        manager,
        code="MH-02",
        name="焊接班液化石油气瓶库",
        location="机加工车间北侧气瓶库",
        department=departments["JJG-HJ"],
        responsible=users["jjg_head"],
        exposed_people=20,
        inventory=[
            {
                "substance": substances["液化石油气(含丙烷、丁烷及其混合物)"],
                "chemical_name": "液化石油气（50 kg 钢瓶）",
                "categories": "W2",
                "max_quantity": Decimal("1.5"),
            },
            {"chemical_name": "氧气（钢瓶）", "categories": "W4", "max_quantity": Decimal("0.8")},
        ],
    )
    services.measure_save(
        unit=lpg, data={"measure_kind": "alarm", "name": "可燃气体检测报警仪", "check_cycle_days": 30}, user=manager
    )


def load(context: dict) -> int:
    if Unit.objects.exists():
        return 0
    users = context["users"]
    departments = context["departments"]
    today = timezone.localdate()
    substances = {s.name: s for s in Substance.objects.all()}
    manager = users["anquan"]
    _ammonia_store(manager, users, departments, substances, today)
    _lpg_store(manager, users, departments, substances)
    return Unit.objects.count()
