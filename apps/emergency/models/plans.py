"""Emergency plans (comprehensive, specialist, on-site disposal) and their evaluations."""

from __future__ import annotations

from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.core.models import AuditedModel, link
from apps.emergency import rules
from apps.emergency.models._common import _user_fk
from apps.org.models import Department


class PlanKind(models.TextChoices):
    COMPREHENSIVE = "comprehensive", _("Comprehensive plan")
    SPECIALIST = "specialist", _("Specialist plan")
    ONSITE = "onsite", _("On-site disposal plan")


class Plan(AuditedModel):
    """An emergency plan (应急预案): comprehensive, specialist or on-site disposal."""

    code = models.CharField(_("plan number"), max_length=50, unique=True)
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=PlanKind.choices)
    version = models.CharField(_("version"), max_length=20, default="1.0")
    published_on = models.DateField(_("published on"))
    department = link(Department, _("owning department"), related_name="+")
    owner = _user_fk(_("person responsible"))
    scope = models.TextField(_("scope and scenarios"), blank=True)
    filed_on = models.DateField(_("filed with the authority on"), null=True, blank=True)
    filing_number = models.CharField(_("filing number"), max_length=100, blank=True)
    evaluation_interval_years = models.PositiveSmallIntegerField(
        _("evaluated every (years)"), default=rules.DEFAULT_EVALUATION_YEARS, validators=[MinValueValidator(1)]
    )
    last_evaluated_on = models.DateField(_("last evaluated on"), null=True, blank=True)
    last_drill_on = models.DateField(_("last drilled on"), null=True, blank=True, editable=False)
    next_drill_due = models.DateField(_("next drill due"), null=True, blank=True, editable=False)
    is_active = models.BooleanField(_("in force"), default=True)

    class Meta:
        verbose_name = _("emergency plan")
        verbose_name_plural = _("emergency plans")
        ordering = ["kind", "code"]
        # The overdue list, the reminders and the evidence look for plans due by a date.
        indexes = [models.Index(fields=["is_active", "next_drill_due"])]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("emergency:plan_detail", args=[self.pk])

    @property
    def filing_due(self):
        """20 working days after publication by the holiday calendar, see rules.add_working_days."""
        return rules.filing_due(self.published_on)

    @property
    def is_filing_overdue(self) -> bool:
        return not self.filed_on and self.filing_due < timezone.localdate()

    @property
    def evaluation_due(self):
        return rules.evaluation_due(self.last_evaluated_on or self.published_on, self.evaluation_interval_years)

    @property
    def is_evaluation_overdue(self) -> bool:
        return self.is_active and self.evaluation_due < timezone.localdate()

    @property
    def is_drill_overdue(self) -> bool:
        return self.is_active and self.next_drill_due is not None and self.next_drill_due < timezone.localdate()


class EvaluationResult(models.TextChoices):
    ADEQUATE = "adequate", _("Adequate, no change")
    REVISE = "revise", _("To be revised")


class Evaluation(AuditedModel):
    """A periodic evaluation of a plan (应急预案评估) and the revision it led to."""

    plan = link(Plan, _("plan"), on_delete=models.CASCADE, related_name="evaluations")
    evaluated_on = models.DateField(_("evaluated on"))
    result = models.CharField(_("result"), max_length=20, choices=EvaluationResult.choices)
    findings = models.TextField(_("findings"), blank=True)
    revision = models.TextField(_("revision made"), blank=True)
    new_version = models.CharField(_("new version"), max_length=20, blank=True)
    evaluated_by = _user_fk(_("recorded by"))

    class Meta:
        verbose_name = _("plan evaluation")
        verbose_name_plural = _("plan evaluations")
        ordering = ["-evaluated_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.plan.code} {self.evaluated_on:%Y-%m-%d}"
