"""Element 2: the safety duties of departments and positions, versioned, and their yearly
review."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.core.models import AuditedModel, link
from apps.org.models import Department, Position


class DutyScope(models.TextChoices):
    DEPARTMENT = "department", _("Department")
    POSITION = "position", _("Position")


class DutyDocument(AuditedModel):
    """The safety duties of a department or a position; a revision is a new version."""

    scope = models.CharField(_("for"), max_length=20, choices=DutyScope.choices)
    department = link(Department, _("department"), optional=True, related_name="+")
    position = link(Position, _("position"), optional=True, related_name="+")
    title = models.CharField(_("title"), max_length=200)
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    content = models.TextField(_("duties"))
    effective_on = models.DateField(_("effective from"), default=timezone.localdate)
    is_current = models.BooleanField(_("current"), default=True)

    class Meta:
        verbose_name = _("duty document")
        verbose_name_plural = _("duty documents")
        ordering = ["scope", "title", "-version"]

    def __str__(self) -> str:
        return f"{self.title} v{self.version}"


class ReviewResult(models.TextChoices):
    ADEQUATE = "adequate", _("Adequate, kept")
    REVISE = "revise", _("Needs revision")


class DutyReview(AuditedModel):
    document = link(DutyDocument, _("duties"), related_name="reviews")
    year = models.PositiveSmallIntegerField(_("year"))
    reviewed_on = models.DateField(_("reviewed on"), default=timezone.localdate)
    result = models.CharField(_("result"), max_length=20, choices=ReviewResult.choices)
    notes = models.TextField(_("notes"), blank=True)
    reviewer = link(settings.AUTH_USER_MODEL, _("reviewed by"), related_name="+")

    class Meta:
        verbose_name = _("duty review")
        verbose_name_plural = _("duty reviews")
        ordering = ["-year", "document"]
        constraints = [models.UniqueConstraint(fields=["document", "year"], name="resp_review_document_year")]

    def __str__(self) -> str:
        return f"{self.document} {self.year}"
