from __future__ import annotations

import datetime as dt
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from apps.hazards import services

PLAN = {
    "plan_goals": "消除隐患",
    "plan_methods": "更换部件",
    "plan_resources": "费用 500 元",
    "plan_organisation": "车间主任负责",
    "plan_requirements": "期限内完成",
}


def photo(name: str = "现场.jpg") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(buffer, format="JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def report(world, *, user=None, department=None, **kwargs):
    kwargs.setdefault("photos", [photo()])
    return services.hazard_report(
        user=user or world.employee_a,
        description="砂轮机防护罩缺失",
        location="机加工车间",
        department=department or world.dept_a,
        category="condition",
        **kwargs,
    )


def assign(world, hazard, *, days: int = 7, grade: str = "general", department=None, **plan):
    return services.hazard_assign(
        hazard=hazard,
        user=world.safety_manager,
        department=department or world.dept_a,
        deadline=timezone.localdate() + dt.timedelta(days=days),
        grade=grade,
        plan={**PLAN, **plan},
    )


def rectify(world, hazard, *, user=None, photos=None):
    return services.hazard_rectify(
        hazard=hazard,
        user=user or world.head_a,
        measure_kinds=["engineering"],
        measures="已加装防护罩",
        cost=500,
        rectified_on=timezone.localdate(),
        photos=[photo("整改后.jpg")] if photos is None else photos,
    )
