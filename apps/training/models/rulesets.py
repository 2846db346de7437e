"""The rule sets of required training hours and the company's training settings."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from apps.core.models import AuditedModel, Named, link
from apps.org.models import Role


class TrainingRole(models.TextChoices):
    PRINCIPAL = "principal", _("Principal head")
    SAFETY_MANAGER = "safety_manager", _("Safety management staff")
    WORKER = "worker", _("Other staff")


class RuleSet(Named, AuditedModel):
    """A table of required hours; the brief's ("default") and the national one are seeded."""

    code = models.CharField(
        _("code"),
        max_length=30,
        unique=True,
        validators=[RegexValidator(r"^[a-z0-9_-]+$", _("Use lower-case letters, digits, - _."))],
    )
    name = models.CharField(_("name"), max_length=200)
    source = models.TextField(_("legal source"), blank=True)

    class Meta:
        verbose_name = _("rule set of training hours")
        verbose_name_plural = _("rule sets of training hours")
        ordering = ["code"]


class RuleSetRow(AuditedModel):
    ruleset = link(RuleSet, _("rule set"), on_delete=models.CASCADE, related_name="rows")
    role = models.CharField(_("role"), max_length=20, choices=TrainingRole.choices)
    high_risk = models.BooleanField(_("high-risk industry"), default=False)
    initial_hours = models.PositiveSmallIntegerField(_("initial training (hours)"))
    annual_hours = models.PositiveSmallIntegerField(_("yearly refresher (hours)"))

    class Meta:
        verbose_name = _("rule set row")
        verbose_name_plural = _("rule set rows")
        ordering = ["ruleset", "role", "high_risk"]
        constraints = [
            models.UniqueConstraint(fields=["ruleset", "role", "high_risk"], name="training_ruleset_row_unique")
        ]

    def __str__(self) -> str:
        return f"{self.ruleset} · {self.get_role_display()}"


class TrainingSettings(AuditedModel):
    """The company's training settings: one row (pk 1)."""

    ruleset = link(RuleSet, _("rule set in force"), related_name="+")
    plan_approver_role = models.CharField(
        _("training plans approved by"),
        max_length=30,
        choices=[(Role.LEADERSHIP, _("Leadership")), (Role.SAFETY_MANAGER, _("Safety manager"))],
        default=Role.LEADERSHIP,
    )
    # The training year the yearly hours are judged over: the calendar year by default.
    year_start_month = models.PositiveSmallIntegerField(
        _("training year starts in month"), choices=[(m, m) for m in range(1, 13)], default=1
    )
    year_start_day = models.PositiveSmallIntegerField(
        _("training year starts on day"), validators=[MinValueValidator(1), MaxValueValidator(31)], default=1
    )

    class Meta:
        verbose_name = _("training settings")
        verbose_name_plural = _("training settings")

    def __str__(self) -> str:
        return str(_("Training settings"))

    def clean(self) -> None:
        super().clean()
        check_year_start(self.year_start_month, self.year_start_day)


def check_year_start(month, day) -> None:
    """A ValidationError unless the training year can start on this day every year."""
    from apps.training import rules

    try:
        rules.check_year_start(month, day)
    except ValueError:
        raise ValidationError(
            {"year_start_day": _("The training year must start on a day every year has (not 29 February).")}
        ) from None
