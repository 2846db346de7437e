"""Emergency supplies and equipment, and their checks."""

from __future__ import annotations

from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.core.models import AuditedModel, BaseModel, link
from apps.emergency.models._common import _user_fk
from apps.org.models import Department


class SupplyKind(models.TextChoices):
    PROTECTIVE = "protective", _("Personal protective equipment")
    FIRE = "fire", _("Fire fighting")
    RESCUE = "rescue", _("Rescue equipment")
    MEDICAL = "medical", _("Medical supplies")
    COMMUNICATION = "communication", _("Communication and lighting")
    OTHER = "other", _("Other")


class Supply(AuditedModel):
    """Emergency supplies and equipment kept at a location (应急物资装备)."""

    name = models.CharField(_("name"), max_length=100)
    kind = models.CharField(_("type"), max_length=20, choices=SupplyKind.choices)
    specification = models.CharField(_("specification"), max_length=100, blank=True)
    department = link(Department, _("department"), related_name="+")
    location = models.CharField(_("location"), max_length=200)
    quantity = models.PositiveIntegerField(_("quantity"))
    required_quantity = models.PositiveIntegerField(_("required quantity"), default=0)
    unit = models.CharField(_("unit"), max_length=20, blank=True)
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    check_interval_months = models.PositiveSmallIntegerField(
        _("checked every (months)"), default=1, validators=[MinValueValidator(1)]
    )
    last_checked_on = models.DateField(_("last checked on"), null=True, blank=True)
    next_check_due = models.DateField(_("next check due"), null=True, blank=True)
    keeper = _user_fk(_("keeper"))
    is_active = models.BooleanField(_("in service"), default=True)

    class Meta:
        verbose_name = _("emergency supply")
        verbose_name_plural = _("emergency supplies")
        ordering = ["location", "name", "pk"]
        # The reminders and the flags look for items expiring or due for a check by a date.
        indexes = [
            models.Index(fields=["is_active", "expires_on"]),
            models.Index(fields=["is_active", "next_check_due"]),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.location})"

    def get_absolute_url(self) -> str:
        return reverse("emergency:supply_detail", args=[self.pk])

    @property
    def is_expired(self) -> bool:
        return self.expires_on is not None and self.expires_on < timezone.localdate()

    @property
    def is_missing(self) -> bool:
        return self.quantity < self.required_quantity

    @property
    def is_check_overdue(self) -> bool:
        return self.next_check_due is not None and self.next_check_due < timezone.localdate()


class SupplyCheck(BaseModel):
    supply = link(Supply, _("supply"), on_delete=models.CASCADE, related_name="checks")
    checked_on = models.DateField(_("checked on"))
    quantity_found = models.PositiveIntegerField(_("quantity found"))
    in_good_order = models.BooleanField(_("in good order"), default=True)
    note = models.TextField(_("note"), blank=True)
    checked_by = _user_fk(_("checked by"))

    class Meta:
        verbose_name = _("supply check")
        verbose_name_plural = _("supply checks")
        ordering = ["-checked_on", "-pk"]
