"""Yearly training plans per department, approved by sign-off."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from apps.core.models import AuditedModel, Titled, link
from apps.org.models import Department
from apps.training.models.sessions import HOURS, Course
from apps.workflow.models import ApprovablePlan, PlanStatus

__all__ = ["PlanStatus", "TrainingPlan", "TrainingPlanItem"]


class TrainingPlan(Titled, ApprovablePlan, AuditedModel):
    department = link(Department, _("department"), related_name="training_plans")
    year = models.PositiveSmallIntegerField(_("year"))
    title = models.CharField(_("title"), max_length=200)
    note = models.TextField(_("note"), blank=True)
    created_by = link(settings.AUTH_USER_MODEL, _("created by"), related_name="+")

    class Meta:
        verbose_name = _("training plan")
        verbose_name_plural = _("training plans")
        ordering = ["-year", "department__path"]
        constraints = [models.UniqueConstraint(fields=["department", "year"], name="training_plan_unique")]


class TrainingPlanItem(AuditedModel):
    plan = link(TrainingPlan, _("training plan"), on_delete=models.CASCADE, related_name="items")
    course = link(Course, _("course"), related_name="plan_items")
    month = models.PositiveSmallIntegerField(_("month"), validators=[MinValueValidator(1), MaxValueValidator(12)])
    hours = models.DecimalField(_("planned hours"), **HOURS)
    participants = models.CharField(_("who attends"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("plan item")
        verbose_name_plural = _("plan items")
        ordering = ["plan", "month", "pk"]

    def __str__(self) -> str:
        return f"{self.month} · {self.course}"
