"""An assessment of the built-in standard at scale: every item scored, submitted for approval."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from apps.assessment import services
from apps.assessment.models import AssessmentKind, Finding
from apps.org.scale import acting_user
from apps.scoring.models import Standard


def seed(*, departments, employees, factor: float, rng: random.Random, today: dt.date) -> int:
    standard = Standard.objects.filter(is_active=True).order_by("pk").first()
    user = acting_user()
    if standard is None or user is None:
        return 0
    assessment = services.assessment_create(
        standard=standard, year=today.year - 1, kind=AssessmentKind.SELF, leader=employees[0], user=user
    )
    findings = list(Finding.objects.filter(assessment=assessment).select_related("item"))
    for finding in findings:
        finding.scored = True
        if rng.random() < 0.3:
            finding.deduction = min(finding.item.points, Decimal(rng.choice([1, 2, 3])))
            finding.reason = "规模测试：记录不全"
            finding.department = departments[rng.randrange(len(departments))]
    Finding.objects.bulk_update(findings, ["scored", "deduction", "reason", "department"])
    services.assessment_submit(assessment=assessment, user=user)
    return len(findings)
