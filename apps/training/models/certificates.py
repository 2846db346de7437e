"""Special-operation certificates and special-equipment operator permits."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.core.models import AuditedModel, BaseModel, link
from apps.org.models import Employee
from apps.training import validity

# The validity of each kind and its reminders: apps/training/validity.py.
CERTIFICATE_VALID_YEARS = validity.CERTIFICATE_VALID_YEARS
CERTIFICATE_REVIEW_YEARS = validity.CERTIFICATE_REVIEW_YEARS
CERTIFICATE_WINDOW_DAYS = validity.CERTIFICATE_WINDOW_DAYS


class CertificateKind(models.TextChoices):
    SPECIAL_OPERATION = "special_operation", _("Special-operation certificate")
    SPECIAL_EQUIPMENT = "special_equipment", _("Special-equipment operator permit")


class CertificateType(BaseModel):
    """One entry of 特种作业目录 or 特种设备目录, loaded from fixtures/training/."""

    kind = models.CharField(_("kind"), max_length=20, choices=CertificateKind.choices)
    category_code = models.CharField(_("category code"), max_length=10)
    category_name = models.CharField(_("catalogue category"), max_length=100)
    code = models.CharField(_("code"), max_length=10)
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        verbose_name = _("certificate type")
        verbose_name_plural = _("certificate types")
        ordering = ["kind", "code"]
        constraints = [models.UniqueConstraint(fields=["kind", "code"], name="training_cert_type_unique")]

    def __str__(self) -> str:
        return f"{self.code} {self.category_name} · {self.name}"


class Certificate(AuditedModel):
    kind = models.CharField(_("kind"), max_length=20, choices=CertificateKind.choices)
    type = link(CertificateType, _("certificate type"), related_name="certificates")
    number = models.CharField(_("certificate number"), max_length=50)
    holder = link(Employee, _("holder"), related_name="certificates")
    authority = models.CharField(_("issued by"), max_length=200, blank=True)
    issued_on = models.DateField(_("issued on"))
    valid_until = models.DateField(_("valid until"))
    next_review_on = models.DateField(
        _("next review"),
        null=True,
        blank=True,
        help_text=_("Special-operation certificates only: special-equipment operator permits have no review."),
    )
    reviewed_on = models.DateField(_("last reviewed on"), null=True, blank=True)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["valid_until", "pk"]
        constraints = [models.UniqueConstraint(fields=["kind", "number"], name="training_certificate_unique")]
        indexes = [
            # "Expired" flags and the daily reminders look certificates up by date.
            models.Index(fields=["holder", "valid_until"]),
            models.Index(fields=["next_review_on"]),
        ]

    def __str__(self) -> str:
        return f"{self.type.name} {self.number}"

    @property
    def review_applies(self) -> bool:
        """Special-operation certificates are reviewed every 3 years; operator permits are not."""
        return validity.has_review(self.kind)

    def is_expired(self, today: dt.date | None = None) -> bool:
        return self.valid_until < (today or timezone.localdate())

    def review_due(self, today: dt.date | None = None) -> bool:
        today = today or timezone.localdate()
        return (
            self.next_review_on is not None
            and not self.is_expired(today)
            and today >= self.next_review_on - dt.timedelta(days=CERTIFICATE_WINDOW_DAYS)
        )

    @property
    def status(self) -> str:
        if self.is_expired():
            return "expired"
        if self.review_due():
            return "review_due"
        today = timezone.localdate()
        if not self.review_applies:
            return "expiring" if validity.permit_reminder(self.valid_until, today) else "valid"
        if self.valid_until - dt.timedelta(days=CERTIFICATE_WINDOW_DAYS) <= today:
            return "expiring"
        return "valid"
