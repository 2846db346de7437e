from __future__ import annotations

from decimal import Decimal

from apps.assessment import services
from apps.assessment.models import AssessmentKind, Finding
from apps.org.models import Employee


def make_assessment(world, standard, *, year: int = 2026, **kwargs):
    leader = Employee.objects.get(user=world.leader)
    return services.assessment_create(
        standard=standard, year=year, kind=AssessmentKind.SELF, leader=leader, user=world.safety_manager, **kwargs
    )


def score_all(world, assessment, deductions: dict[str, Decimal] | None = None, department=None):
    """Score every item through the service; deducted ones go to `department` (A by default)."""
    deductions = deductions or {}
    for finding in Finding.objects.filter(assessment=assessment).select_related("item"):
        deduction = deductions.get(finding.item.code, Decimal(0))
        services.finding_score(
            finding=finding,
            user=world.safety_manager,
            deduction=deduction,
            reason="现场检查发现问题" if deduction else "",
            department=(department or world.dept_a) if deduction else None,
        )
