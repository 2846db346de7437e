from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from apps.core.models import AuditedModel, BaseModel, link
from apps.org.models import Department, Employee
from apps.scoring.models import POINTS, ReviewGroup, ScoringItem, Standard
from apps.workflow.models import Task


class AssessmentKind(models.TextChoices):
    SELF = "self", _("Self-assessment")
    ANNUAL = "annual", _("Annual evaluation")
    MOCK = "mock", _("Mock review")


class AssessmentStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_PROGRESS = "in_progress", _("In progress")
    SUBMITTED = "submitted", _("Submitted for approval")
    APPROVED = "approved", _("Approved")


class Assessment(AuditedModel):
    standard = link(Standard, _("standard"), related_name="assessments")
    year = models.PositiveSmallIntegerField(_("year"))
    kind = models.CharField(_("kind"), max_length=20, choices=AssessmentKind.choices, default=AssessmentKind.SELF)
    leader = link(
        Employee,
        _("team leader"),
        related_name="led_assessments",
        help_text=_("The principal head leads the self-assessment team."),
    )
    team = models.ManyToManyField(Employee, related_name="assessments", blank=True, verbose_name=_("team members"))
    status = models.CharField(
        _("status"), max_length=20, choices=AssessmentStatus.choices, default=AssessmentStatus.DRAFT
    )
    started_on = models.DateField(_("started on"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    approval_task = link(Task, _("approval task"), optional=True, related_name="+", one_to_one=True)
    method = models.TextField(
        _("organisation and method"),
        blank=True,
        help_text=_("How the assessment was organised and carried out, for the report."),
    )
    conclusion = models.TextField(_("conclusion"), blank=True)
    # The safety-performance gate when no accident records are kept in the system yet.
    fatalities = models.PositiveSmallIntegerField(_("deaths in the last 12 months"), default=0)
    fatality_limit = models.PositiveSmallIntegerField(_("yearly control figure for deaths"), default=0)
    larger_or_worse_accident = models.BooleanField(
        _("a larger (较大) or worse accident in the last 12 months"), default=False
    )
    # Where the gate's figures came from when the assessment was submitted (then frozen).
    gate_source = models.CharField(_("gate figures from"), max_length=10, blank=True)
    # Figures kept when the assessment is submitted, for trends and comparisons.
    score = models.DecimalField(_("score"), null=True, blank=True, **POINTS)
    level = models.PositiveSmallIntegerField(_("grade"), null=True, blank=True)
    # The grade the review body awarded, which is re-reviewed every 3 years.
    awarded_level = models.PositiveSmallIntegerField(_("grade awarded"), null=True, blank=True)
    awarded_on = models.DateField(_("awarded on"), null=True, blank=True)
    created_by = link(settings.AUTH_USER_MODEL, _("created by"), related_name="+")

    class Meta:
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        ordering = ["-year", "-created_at"]

    def __str__(self) -> str:
        return f"{self.year} {self.get_kind_display()}"

    @property
    def is_editable(self) -> bool:
        return self.status in (AssessmentStatus.DRAFT, AssessmentStatus.IN_PROGRESS)


class Finding(AuditedModel):
    """The assessor's result for one scoring item."""

    assessment = link(Assessment, _("assessment"), on_delete=models.CASCADE, related_name="findings")
    item = link(ScoringItem, _("scoring item"), related_name="+")
    scored = models.BooleanField(_("scored"), default=False)
    applicable = models.BooleanField(_("applies"), default=True)
    deduction = models.DecimalField(_("deduction"), default=Decimal(0), **POINTS)
    veto_failed = models.BooleanField(_("veto item failed"), default=False)
    reason = models.TextField(_("reason"), blank=True)
    department = link(Department, _("responsible department"), optional=True, related_name="+")
    suggested_deduction = models.DecimalField(_("suggested deduction"), null=True, blank=True, **POINTS)
    indicator_value = models.CharField(_("indicator value"), max_length=100, blank=True)
    assessor = link(settings.AUTH_USER_MODEL, _("assessor"), optional=True, related_name="+")

    class Meta:
        verbose_name = _("finding")
        verbose_name_plural = _("findings")
        ordering = ["item__order"]
        constraints = [models.UniqueConstraint(fields=["assessment", "item"], name="finding_item_unique")]

    def __str__(self) -> str:
        return f"{self.assessment} · {self.item.code}"

    @property
    def earned(self) -> Decimal:
        if not self.applicable:
            return Decimal(0)
        return max(Decimal(0), self.item.points - self.deduction)


class NonConformity(BaseModel):
    """不符合项: a deducted item, grouped by review group, with its rectification task."""

    assessment = link(Assessment, _("assessment"), on_delete=models.CASCADE, related_name="nonconformities")
    finding = link(Finding, _("finding"), on_delete=models.CASCADE, related_name="nonconformity", one_to_one=True)
    group = models.CharField(_("review group"), max_length=20, choices=ReviewGroup.choices)
    description = models.TextField(_("non-conformity"))
    requirement = models.TextField(_("rectification requirement"))
    department = link(Department, _("department"), related_name="+")
    task = link(Task, _("rectification task"), optional=True, related_name="+", one_to_one=True)

    class Meta:
        verbose_name = _("non-conformity")
        verbose_name_plural = _("non-conformities")
        ordering = ["group", "finding__item__order"]

    def __str__(self) -> str:
        return self.description[:50]
