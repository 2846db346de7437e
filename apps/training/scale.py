"""Training records at scale: sessions and 200,000 attendances per unit of factor, in bulk."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from apps.org.scale import scaled
from apps.training.models import Attendance, Course, SessionLevel, TrainingSession

ATTENDANCES = 200_000
SESSIONS = 400


def seed(*, departments, employees, factor: float, rng: random.Random, today: dt.date) -> int:
    levels = [choice.value for choice in SessionLevel]
    courses = {
        level: Course.objects.get_or_create(
            code=f"SCALE-{level}", defaults={"name": f"规模测试课程 {level}", "level": level, "hours": Decimal(8)}
        )[0]
        for level in levels
    }
    count = max(40, scaled(SESSIONS, factor))
    sessions = TrainingSession.objects.bulk_create(
        [
            TrainingSession(
                course=courses[levels[i % len(levels)]],
                department=departments[i % len(departments)],
                level=levels[i % len(levels)],
                start_date=today - dt.timedelta(days=(i * 9) % 700),
                end_date=today - dt.timedelta(days=(i * 9) % 700),
                hours=Decimal(8),
            )
            for i in range(count)
        ]
    )
    per_person = max(1, min(len(sessions), scaled(ATTENDANCES, factor) // max(1, len(employees))))
    rows = [
        Attendance(
            session=session,
            employee_id=person.pk,
            date=session.start_date,
            level=session.level,
            present=rng.random() > 0.05,
            hours_credited=Decimal(rng.choice([2, 4, 8])),
            passed=None if rng.random() > 0.1 else rng.random() > 0.2,
        )
        for person in employees
        for session in rng.sample(sessions, per_person)
    ]
    Attendance.objects.bulk_create(rows, batch_size=5000)
    return len(rows)
