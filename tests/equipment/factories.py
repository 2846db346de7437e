from __future__ import annotations

import datetime as dt

from apps.equipment import services
from apps.equipment.models import Equipment, SpecialEquipmentType


def special_type(code: str = "4100") -> SpecialEquipmentType:
    """A sub-category loaded by the data migration from the reference CSV (4100: 桥式起重机)."""
    return SpecialEquipmentType.objects.get(code=code)


def equipment(world, *, code: str = "EQ-1", department=None, user=None, **data) -> Equipment:
    data = {
        "name": "桥式起重机",
        "location": "一号厂房",
        "department": department or world.dept_a,
        "code": code,
        **data,
    }
    return services.equipment_save(data=data, user=user or world.safety_manager)


def crane(world, *, last: dt.date | None = None, **data) -> Equipment:
    return equipment(
        world,
        special_type=special_type("4100"),
        last_inspected_on=last or dt.date(2024, 1, 31),
        registration_number="起11苏E0001(24)",
        **data,
    )
