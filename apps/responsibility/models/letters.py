"""Responsibility letters (安全目标责任书): templates, the letters issued for a year and the
signatures of their two parties."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from apps.core.models import AuditedModel, Titled, WrittenOnce, link
from apps.org.models import Department, Employee


class LetterLevel(models.TextChoices):
    COMPANY = "company", _("Company head ↔ deputies and department heads")
    DEPARTMENT = "department", _("Department head ↔ team leaders")
    TEAM = "team", _("Team leader ↔ staff")


class LetterTemplate(Titled, AuditedModel):
    level = models.CharField(_("level"), max_length=20, choices=LetterLevel.choices)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"))
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("letter template")
        verbose_name_plural = _("letter templates")
        ordering = ["level", "title"]


class LetterStatus(models.TextChoices):
    ISSUED = "issued", _("Not signed")
    PARTLY = "partly", _("Signed by one side")
    SIGNED = "signed", _("Signed by both sides")


class ResponsibilityLetter(AuditedModel):
    """One letter for one year between a superior (issuer) and the holder. Its text is a copy
    of the template at issue time; once anyone has signed, it never changes."""

    year = models.PositiveSmallIntegerField(_("year"))
    level = models.CharField(_("level"), max_length=20, choices=LetterLevel.choices)
    template = link(LetterTemplate, _("template"), related_name="+")
    department = link(Department, _("department"), related_name="+")
    issuer = link(Employee, _("issued by"), related_name="+")
    holder = link(Employee, _("holder"), related_name="+")
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"))
    sign_by = models.DateField(_("sign by"))
    status = models.CharField(_("status"), max_length=20, choices=LetterStatus.choices, default=LetterStatus.ISSUED)

    class Meta:
        verbose_name = _("responsibility letter")
        verbose_name_plural = _("responsibility letters")
        ordering = ["year", "department__path", "holder__employee_no"]
        constraints = [
            models.UniqueConstraint(fields=["year", "level", "holder"], name="resp_letter_year_level_holder")
        ]
        indexes = [models.Index(fields=["year", "status"])]

    def __str__(self) -> str:
        return f"{self.year} {self.title} · {self.holder.name}"

    def save(self, *args, **kwargs):
        # What was signed stays as signed: the parties, the text and the year are frozen by the
        # first signature, whoever saves (service, admin or shell). Status may still move on.
        if self.pk and not self._state.adding and self.signatures.exists():
            stored = type(self).objects.filter(pk=self.pk).values(*SIGNED_FIELDS).first()
            if stored and any(stored[name] != getattr(self, name) for name in SIGNED_FIELDS):
                raise TypeError("A signed letter is never changed.")
        super().save(*args, **kwargs)


SIGNED_FIELDS = ("year", "level", "template_id", "department_id", "issuer_id", "holder_id", "title", "body", "sign_by")


class LetterSide(models.TextChoices):
    ISSUER = "issuer", _("Issuer")
    HOLDER = "holder", pgettext_lazy("letter", "Holder")


class LetterSignature(WrittenOnce):
    """One side's signature on a letter. Immutable, like a workflow SignOff."""

    record_name = "A letter signature"

    letter = link(ResponsibilityLetter, _("letter"), related_name="signatures")
    side = models.CharField(_("side"), max_length=10, choices=LetterSide.choices)
    signer = link(settings.AUTH_USER_MODEL, _("signed by"), related_name="+")
    signed_at = models.DateTimeField(_("signed at"), default=timezone.now)

    class Meta(WrittenOnce.Meta):
        verbose_name = _("letter signature")
        verbose_name_plural = _("letter signatures")
        ordering = ["signed_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["letter", "side"], name="resp_signature_letter_side")]

    def __str__(self) -> str:
        return f"{self.get_side_display()} · {self.letter_id}"
