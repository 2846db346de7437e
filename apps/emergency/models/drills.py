"""Drills held, their evaluation and the improvements raised from them."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from apps.core.models import AuditedModel, BaseModel, link
from apps.emergency.models._common import _user_fk
from apps.emergency.models.plans import Plan
from apps.org.models import Department
from apps.workflow.models import Task


class DrillKind(models.TextChoices):
    TABLETOP = "tabletop", _("Tabletop")
    FUNCTIONAL = "functional", _("Functional")
    FULL_SCALE = "full_scale", _("Full-scale")


class Drill(AuditedModel):
    """A drill held (应急演练记录), with its evaluation (演练评估)."""

    plan = link(Plan, _("plan drilled"), related_name="drills")
    department = link(Department, _("department"), related_name="+")
    scenario = models.CharField(_("scenario"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=DrillKind.choices)
    held_on = models.DateField(_("held on"))
    duration_minutes = models.PositiveIntegerField(_("duration (minutes)"))
    participant_count = models.PositiveIntegerField(_("number of participants"))
    participants = models.TextField(_("participants"), blank=True)
    # The plan's drill due date when this drill was held: on time when held by then.
    due_on = models.DateField(_("due by"), null=True, blank=True, editable=False)
    recorded_by = _user_fk(_("recorded by"))
    # 生产安全事故应急条例 第八条: a unit it names reports each drill to the authority.
    reported_on = models.DateField(_("reported to the authority on"), null=True, blank=True)
    evaluated_on = models.DateField(_("evaluated on"), null=True, blank=True)
    worked_well = models.TextField(_("what worked"), blank=True)
    problems_found = models.TextField(_("problems found"), blank=True)
    conclusion = models.TextField(_("conclusion"), blank=True)

    class Meta:
        verbose_name = _("drill")
        verbose_name_plural = _("drills")
        ordering = ["-held_on", "-pk"]
        # The register and the evidence read drills by date.
        indexes = [models.Index(fields=["held_on"])]

    def __str__(self) -> str:
        return f"{self.held_on:%Y-%m-%d} {self.scenario}"

    def get_absolute_url(self) -> str:
        return reverse("emergency:drill_detail", args=[self.pk])

    @property
    def is_evaluated(self) -> bool:
        return self.evaluated_on is not None

    @property
    def on_time(self) -> bool | None:
        return None if self.due_on is None else self.held_on <= self.due_on


class Improvement(BaseModel):
    """A problem found in a drill, raised as a task for the department that owns it."""

    drill = link(Drill, _("drill"), on_delete=models.CASCADE, related_name="improvements")
    description = models.TextField(_("problem"))
    department = link(Department, _("department"), related_name="+")
    due_date = models.DateField(_("due date"))
    task = link(Task, _("task"), optional=True, related_name="+", one_to_one=True)

    class Meta:
        verbose_name = _("improvement")
        verbose_name_plural = _("improvements")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.description[:50]

    def get_absolute_url(self) -> str:
        return reverse("emergency:drill_detail", args=[self.drill_id])
