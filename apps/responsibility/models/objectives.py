"""Element 1: the company's yearly safety objectives, their split to departments and the
year-end assessment of each department against its targets."""

from __future__ import annotations

from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _

from apps.core.models import AuditedModel, link
from apps.org.models import Department
from apps.workflow.models import ApprovablePlan, PlanStatus


class Direction(models.TextChoices):
    AT_MOST = "at_most", _("At most the target")
    AT_LEAST = "at_least", _("At least the target")


class Objective(AuditedModel):
    """One yearly safety objective of the company (deaths ≤ 0, rectification rate ≥ 100 %…)."""

    year = models.PositiveSmallIntegerField(_("year"))
    name = models.CharField(_("objective"), max_length=100)
    indicator_key = models.CharField(
        _("live indicator"),
        max_length=100,
        blank=True,
        help_text=_("Key of an evidence indicator giving the actual value; empty: entered by hand."),
    )
    direction = models.CharField(_("direction"), max_length=10, choices=Direction.choices, default=Direction.AT_MOST)
    target = models.DecimalField(_("target"), max_digits=14, decimal_places=2)
    unit = models.CharField(_("unit"), max_length=20, blank=True)
    manual_actual = models.DecimalField(_("actual (entered)"), max_digits=14, decimal_places=2, null=True, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("safety objective")
        verbose_name_plural = _("safety objectives")
        ordering = ["year", "order", "pk"]
        constraints = [models.UniqueConstraint(fields=["year", "name"], name="resp_objective_year_name")]

    def __str__(self) -> str:
        return f"{self.year} {self.name}"


def is_met(direction: str, target, actual) -> bool | None:
    if actual is None or target is None:
        return None
    actual, target = Decimal(str(actual)), Decimal(str(target))
    return actual <= target if direction == Direction.AT_MOST else actual >= target


class DepartmentTarget(AuditedModel):
    """An objective split to a department, workshop or team."""

    objective = link(Objective, _("objective"), on_delete=models.CASCADE, related_name="targets")
    department = link(Department, _("department"), related_name="+")
    target = models.DecimalField(_("target"), max_digits=14, decimal_places=2)
    actual = models.DecimalField(_("actual"), max_digits=14, decimal_places=2, null=True, blank=True)

    class Meta:
        verbose_name = _("department target")
        verbose_name_plural = _("department targets")
        ordering = ["objective", "department__path"]
        constraints = [
            models.UniqueConstraint(fields=["objective", "department"], name="resp_target_objective_department")
        ]

    def __str__(self) -> str:
        return f"{self.objective} · {self.department}"

    @property
    def met(self) -> bool | None:
        return is_met(self.objective.direction, self.target, self.actual)


AssessmentStatus = PlanStatus  # the name this app's callers use


class DepartmentAssessment(ApprovablePlan, AuditedModel):
    """The year-end assessment of one department against its targets, approved by sign-off."""

    year = models.PositiveSmallIntegerField(_("year"))
    department = link(Department, _("department"), related_name="+")
    targets_met = models.PositiveSmallIntegerField(_("targets met"), default=0)
    targets_total = models.PositiveSmallIntegerField(_("targets"), default=0)
    passed = models.BooleanField(_("passed"), default=False)
    comment = models.TextField(_("assessment"), blank=True)

    class Meta:
        verbose_name = _("department assessment")
        verbose_name_plural = _("department assessments")
        ordering = ["year", "department__path"]
        constraints = [models.UniqueConstraint(fields=["year", "department"], name="resp_assessment_year_department")]

    def __str__(self) -> str:
        return f"{self.year} {self.department}"
