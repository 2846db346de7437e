from __future__ import annotations

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from apps.core.models import AuditedModel, CodeNamed, link

POINTS = {"max_digits": 7, "decimal_places": 1}


class ReviewGroup(models.TextChoices):
    """The five specialist groups of the external review."""

    BASIC = "basic", _("Basic management")
    MECHANICAL = "mechanical", _("Mechanical")
    ELECTRICAL = "electrical", _("Electrical")
    THERMAL = "thermal", _("Heat, combustion and explosion")
    ENVIRONMENT = "environment", _("Work environment and occupational health")


class Standard(AuditedModel):
    name = models.CharField(_("name"), max_length=200)
    version = models.CharField(_("version"), max_length=50)
    industry = models.CharField(_("industry"), max_length=100, blank=True)
    full_points = models.DecimalField(_("full points"), **POINTS)
    threshold_1 = models.DecimalField(_("level 1 from"), default=Decimal(90), **POINTS)
    threshold_2 = models.DecimalField(_("level 2 from"), default=Decimal(75), **POINTS)
    threshold_3 = models.DecimalField(_("level 3 from"), default=Decimal(60), **POINTS)
    element_min_share = models.DecimalField(
        _("minimum share of each element"),
        max_digits=4,
        decimal_places=3,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text=_("For example 0.6: every element must keep six tenths of its points, or no grade."),
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("scoring standard")
        verbose_name_plural = _("scoring standards")
        ordering = ["-is_active", "name", "-version"]
        constraints = [models.UniqueConstraint(fields=["name", "version"], name="standard_name_version_unique")]

    def __str__(self) -> str:
        return f"{self.name} ({self.version})"

    @property
    def thresholds(self) -> tuple[Decimal, Decimal, Decimal]:
        return (self.threshold_1, self.threshold_2, self.threshold_3)


class Element(CodeNamed):
    """An A-level element (one of the 13)."""

    standard = link(Standard, _("standard"), on_delete=models.CASCADE, related_name="elements")
    code = models.CharField(_("code"), max_length=20)
    name = models.CharField(_("name"), max_length=100)
    points = models.DecimalField(_("points"), **POINTS)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("element")
        verbose_name_plural = _("elements")
        ordering = ["standard", "order"]
        constraints = [models.UniqueConstraint(fields=["standard", "code"], name="element_code_unique")]


class BItem(CodeNamed):
    """A B-level item grouping scoring items inside an element."""

    element = link(Element, _("element"), on_delete=models.CASCADE, related_name="b_items")
    code = models.CharField(_("code"), max_length=20)
    name = models.CharField(_("name"), max_length=200)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("B-item")
        verbose_name_plural = _("B-items")
        ordering = ["element", "order"]


class ScoringItem(models.Model):
    standard = link(Standard, _("standard"), on_delete=models.CASCADE, related_name="items")
    b_item = link(BItem, _("B-item"), on_delete=models.CASCADE, related_name="items")
    code = models.CharField(_("code"), max_length=30)
    requirement = models.TextField(_("requirement"))
    points = models.DecimalField(_("points"), **POINTS)
    method = models.TextField(_("deduction method"))
    is_veto = models.BooleanField(_("veto item"), default=False)
    group = models.CharField(_("review group"), max_length=20, choices=ReviewGroup.choices, default=ReviewGroup.BASIC)
    indicator_key = models.CharField(_("indicator"), max_length=100, blank=True)
    auto_rule = models.CharField(_("auto-deduction rule"), max_length=50, blank=True)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("scoring item")
        verbose_name_plural = _("scoring items")
        ordering = ["standard", "order"]
        constraints = [models.UniqueConstraint(fields=["standard", "code"], name="scoring_item_code_unique")]

    def __str__(self) -> str:
        return self.code
