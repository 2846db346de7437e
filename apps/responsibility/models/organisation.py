"""The safety organisation: the appointing document, the safety committee and office and their
members."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from apps.core.models import AuditedModel, Named, link
from apps.org.models import Employee


class AppointmentDocument(AuditedModel):
    """The company document (文件) that sets up the safety bodies and appoints the officers."""

    number = models.CharField(_("document number"), max_length=50, unique=True)
    title = models.CharField(_("title"), max_length=200)
    issued_on = models.DateField(_("issued on"))
    content = models.TextField(_("content"), blank=True)

    class Meta:
        verbose_name = _("appointing document")
        verbose_name_plural = _("appointing documents")
        ordering = ["-issued_on", "number"]

    def __str__(self) -> str:
        return f"{self.number} {self.title}"


class BodyKind(models.TextChoices):
    COMMITTEE = "committee", _("Safety committee")
    OFFICE = "office", _("Safety office")


class SafetyBody(Named, AuditedModel):
    kind = models.CharField(_("kind"), max_length=20, choices=BodyKind.choices)
    name = models.CharField(_("name"), max_length=100)
    document = link(AppointmentDocument, _("appointing document"), optional=True, related_name="bodies")
    duties = models.TextField(_("duties"), blank=True)

    class Meta:
        verbose_name = _("safety body")
        verbose_name_plural = _("safety bodies")
        ordering = ["kind", "name"]


class MemberRole(models.TextChoices):
    CHAIR = "chair", _("Chair")
    DEPUTY = "deputy", _("Deputy chair")
    MEMBER = "member", _("Member")
    SECRETARY = "secretary", _("Secretary")


class SafetyBodyMember(AuditedModel):
    body = link(SafetyBody, _("body"), on_delete=models.CASCADE, related_name="members")
    employee = link(Employee, _("employee"), related_name="+")
    role = models.CharField(_("role"), max_length=20, choices=MemberRole.choices, default=MemberRole.MEMBER)

    class Meta:
        verbose_name = _("body member")
        verbose_name_plural = _("body members")
        ordering = ["body", "role", "pk"]
        constraints = [models.UniqueConstraint(fields=["body", "employee"], name="resp_member_body_employee")]

    def __str__(self) -> str:
        return f"{self.body} · {self.employee}"
