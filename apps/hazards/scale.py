"""Hazards at scale: 50,000 per unit of factor over the last two years, in bulk."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from apps.hazards.models import Hazard, HazardCause, HazardGrade, HazardStatus
from apps.org.scale import acting_user, scaled

HAZARDS = 50_000
PLACES = ["冲压线", "焊接工位", "配电室", "叉车通道", "危化品库", "空压机房", "行车轨道", "砂轮机"]
PROBLEMS = ["防护罩缺失", "接地线松脱", "通道堆放杂物", "灭火器过期", "安全标识缺失", "漏油"]


def seed(*, departments, employees, factor: float, rng: random.Random, today: dt.date) -> int:
    reporter = acting_user()
    categories = [c.value for c in HazardCause]
    count = scaled(HAZARDS, factor)
    rows = []
    for i in range(count):
        found = today - dt.timedelta(days=rng.randint(0, 730))
        deadline = found + dt.timedelta(days=rng.choice([3, 7, 15, 30]))
        closed = found < today - dt.timedelta(days=45) or rng.random() < 0.6
        status = (
            HazardStatus.CLOSED
            if closed
            else rng.choice([HazardStatus.REPORTED, HazardStatus.RECTIFYING, HazardStatus.SUBMITTED])
        )
        rectified = min(today, deadline + dt.timedelta(days=rng.randint(-5, 3))) if closed else None
        rows.append(
            Hazard(
                code=f"YH-S{i:07d}",
                description=f"{rng.choice(PLACES)}{rng.choice(PROBLEMS)}",
                location=rng.choice(PLACES),
                department=departments[i % len(departments)],
                category=categories[i % len(categories)],
                grade=HazardGrade.MAJOR if i % 200 == 0 else HazardGrade.GENERAL,
                status=status,
                found_on=found,
                deadline=deadline,
                reporter=reporter,
                measures="已整改" if closed else "",
                cost=Decimal(rng.randint(0, 5000)),
                rectified_on=rectified,
                verified_by=reporter if closed else None,
            )
        )
    Hazard.objects.bulk_create(rows, batch_size=2000)
    return count
