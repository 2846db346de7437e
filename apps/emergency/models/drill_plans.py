"""Yearly drill plans, approved by leadership's sign-off, and the drills they plan."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from apps.core.models import AuditedModel, BaseModel, Titled, link
from apps.emergency.models._common import _user_fk
from apps.emergency.models.drills import DrillKind
from apps.emergency.models.plans import Plan
from apps.org.models import Department
from apps.workflow.models import ApprovablePlan, PlanStatus

DrillPlanStatus = PlanStatus  # the name this app's callers use


class DrillPlan(Titled, ApprovablePlan, AuditedModel):
    """A department's yearly drill plan (年度应急演练计划), approved by sign-off."""

    department = link(Department, _("department"), related_name="+")
    year = models.PositiveSmallIntegerField(_("year"))
    title = models.CharField(_("title"), max_length=200)
    note = models.TextField(_("note"), blank=True)
    created_by = _user_fk(_("created by"))

    class Meta:
        verbose_name = _("yearly drill plan")
        verbose_name_plural = _("yearly drill plans")
        ordering = ["-year", "department__path"]
        constraints = [models.UniqueConstraint(fields=["department", "year"], name="emergency_drill_plan_unique")]

    def get_absolute_url(self) -> str:
        return reverse("emergency:drillplan_detail", args=[self.pk])


class DrillPlanItem(BaseModel):
    drill_plan = link(DrillPlan, _("drill plan"), on_delete=models.CASCADE, related_name="items")
    plan = link(Plan, _("emergency plan"), related_name="+")
    month = models.PositiveSmallIntegerField(_("month"), validators=[MinValueValidator(1), MaxValueValidator(12)])
    kind = models.CharField(_("drill kind"), max_length=20, choices=DrillKind.choices)
    scenario = models.CharField(_("scenario"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("planned drill")
        verbose_name_plural = _("planned drills")
        ordering = ["month", "pk"]

    def __str__(self) -> str:
        return f"{self.month:02d} {self.plan.code}"
