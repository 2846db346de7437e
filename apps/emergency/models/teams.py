"""Rescue teams and their members."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from apps.core.models import AuditedModel, Named, link
from apps.emergency.models._common import _user_fk
from apps.org.models import Department


class TeamKind(models.TextChoices):
    FULL_TIME = "full_time", _("Full-time")
    PART_TIME = "part_time", _("Part-time")
    AGREEMENT = "agreement", _("By agreement")


class Team(Named, AuditedModel):
    """A rescue team: full-time, part-time, or an outside team under an agreement."""

    name = models.CharField(_("name"), max_length=100)
    kind = models.CharField(_("kind"), max_length=20, choices=TeamKind.choices)
    department = link(Department, _("department"), related_name="+")
    leader = models.CharField(_("team leader"), max_length=50, blank=True)
    phone = models.CharField(_("duty phone"), max_length=50, blank=True)
    agreement_party = models.CharField(_("agreement with"), max_length=200, blank=True)
    agreement_until = models.DateField(_("agreement valid until"), null=True, blank=True)
    duties = models.TextField(_("duties"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("rescue team")
        verbose_name_plural = _("rescue teams")
        ordering = ["kind", "name"]

    def get_absolute_url(self) -> str:
        return reverse("emergency:team_detail", args=[self.pk])


class TeamMember(Named, AuditedModel):
    team = link(Team, _("team"), on_delete=models.CASCADE, related_name="members")
    name = models.CharField(_("name"), max_length=50)
    role = models.CharField(_("role in the team"), max_length=50, blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    user = _user_fk(_("user account"))

    class Meta:
        verbose_name = _("team member")
        verbose_name_plural = _("team members")
        ordering = ["team", "pk"]
