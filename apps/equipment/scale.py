"""Equipment at scale: 10,000 items per unit of factor, a quarter of them special equipment."""

from __future__ import annotations

import datetime as dt
import random

from apps.equipment import rules
from apps.equipment.models import Equipment, SpecialEquipmentType
from apps.org.scale import acting_user, scaled

ITEMS = 10_000


def seed(*, departments, employees, factor: float, rng: random.Random, today: dt.date) -> int:
    owner = acting_user()
    types = list(SpecialEquipmentType.objects.all())
    count = scaled(ITEMS, factor)
    rows = []
    for i in range(count):
        special = types[i % len(types)] if types and i % 4 == 0 else None
        last = today - dt.timedelta(days=rng.randint(0, 400)) if special else None
        interval = 12 if special else None
        rows.append(
            Equipment(
                code=f"SB-S{i:06d}",
                name=f"设备 {i}",
                category="通用设备",
                special_type=special,
                model_number=f"XH-{i % 97}",
                maker="某某机械厂",
                serial_number=f"SNS{i:08d}",
                location=f"车间 {i % 30} 号区域",
                department=departments[i % len(departments)],
                owner=owner,
                commissioned_on=today - dt.timedelta(days=rng.randint(100, 5000)),
                inspection_interval_months=interval,
                last_inspected_on=last,
                next_inspection_due=rules.next_due(last, interval),
            )
        )
    Equipment.objects.bulk_create(rows, batch_size=2000)
    return count
