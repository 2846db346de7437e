from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from apps.core.models import AuditedModel, CodeNamed, link
from apps.core.text import StoredTextField
from apps.org.models import Department

ASSESSMENT_YEARS = 3  # 危险化学品重大危险源监督管理暂行规定 (令第40号): assessed at least every 3 years


class Substance(models.Model):
    """A named dangerous substance of GB 18218-2018 表1 (β from 表3 where it is a toxic gas),
    loaded from fixtures/major_hazards/ by a data migration; the pure module reads the same CSV."""

    seq = models.PositiveSmallIntegerField(_("row of table 1"), null=True, blank=True)
    name = models.CharField(_("name"), max_length=100, unique=True)
    aliases = models.CharField(_("aliases"), max_length=200, blank=True)
    cas = models.CharField(_("CAS number"), max_length=100, blank=True)
    critical_quantity = models.DecimalField(
        _("critical quantity (t)"), max_digits=10, decimal_places=3, null=True, blank=True
    )
    beta = models.DecimalField(_("correction factor β"), max_digits=4, decimal_places=1, null=True, blank=True)

    class Meta:
        verbose_name = _("GB 18218 substance")
        verbose_name_plural = _("GB 18218 substances")
        ordering = ["seq", "name"]

    def __str__(self) -> str:
        return self.name


class HazardCategory(CodeNamed):
    """A hazard category of GB 18218-2018 表2 with its β of 表4."""

    code = models.CharField(_("code"), max_length=10, unique=True)
    name = models.CharField(_("category"), max_length=50)
    description = models.CharField(_("description"), max_length=200)
    critical_quantity = models.DecimalField(_("critical quantity (t)"), max_digits=10, decimal_places=3)
    beta = models.DecimalField(_("correction factor β"), max_digits=4, decimal_places=1)

    class Meta:
        verbose_name = _("GB 18218 hazard category")
        verbose_name_plural = _("GB 18218 hazard categories")
        ordering = ["pk"]


class UnitKind(models.TextChoices):
    PRODUCTION = "production", _("Production unit")
    STORAGE = "storage", _("Storage unit")


class Unit(CodeNamed, AuditedModel):
    """A production or storage unit (生产单元/储存单元) identified under GB 18218."""

    code = models.CharField(_("unit code"), max_length=50, unique=True)
    name = models.CharField(_("name"), max_length=100)
    unit_kind = models.CharField(_("kind of unit"), max_length=20, choices=UnitKind.choices)
    location = models.CharField(_("location"), max_length=200, blank=True)
    department = link(Department, _("department"), related_name="+")
    responsible = link(
        settings.AUTH_USER_MODEL,
        _("main person responsible"),
        on_delete=models.SET_NULL,
        optional=True,
        related_name="+",
    )
    technical_responsible = link(
        settings.AUTH_USER_MODEL,
        _("technical person responsible"),
        on_delete=models.SET_NULL,
        optional=True,
        related_name="+",
    )
    operational_responsible = link(
        settings.AUTH_USER_MODEL,
        _("operational person responsible"),
        on_delete=models.SET_NULL,
        optional=True,
        related_name="+",
    )
    exposed_people = models.PositiveIntegerField(
        _("people possibly exposed (residents within 500 m)"),
        default=0,
        help_text=_("Sets α of GB 18218-2018 table 5."),
    )
    is_active = models.BooleanField(_("in use"), default=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = pgettext_lazy("major hazard", "unit")
        verbose_name_plural = _("units")
        ordering = ["code"]

    def get_absolute_url(self) -> str:
        return reverse("major_hazards:detail", args=[self.pk])


class InventoryItem(AuditedModel):
    """A chemical present in a unit with the largest quantity that can be present: a substance
    named in GB 18218 表1, or a chemical named freely with its hazard categories of 表2."""

    unit = link(Unit, pgettext_lazy("major hazard", "unit"), on_delete=models.CASCADE, related_name="inventory")
    substance = link(Substance, _("substance of GB 18218"), optional=True, related_name="+")
    chemical_name = models.CharField(_("chemical name"), max_length=100, blank=True)
    categories = models.CharField(
        _("hazard categories"),
        max_length=100,
        blank=True,
        help_text=_("Codes of GB 18218-2018 table 2, separated by commas, e.g. W2,J3."),
    )
    max_quantity = models.DecimalField(_("maximum quantity (t)"), max_digits=12, decimal_places=3)

    class Meta:
        verbose_name = _("chemical in inventory")
        verbose_name_plural = _("chemical inventory")
        ordering = ["pk"]
        constraints = [
            # A line is a named substance or a chemical named with its categories, never nothing.
            models.CheckConstraint(
                condition=models.Q(substance__isnull=False) | ~models.Q(categories=""),
                name="major_hazards_item_substance_or_category",
            ),
            models.CheckConstraint(
                condition=models.Q(max_quantity__gte=0), name="major_hazards_item_quantity_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.chemical_name or (self.substance.name if self.substance_id else self.categories)

    @property
    def category_codes(self) -> tuple[str, ...]:
        return tuple(c.strip().upper() for c in self.categories.replace("，", ",").split(",") if c.strip())


class Identification(models.Model):
    """One identification of a unit: inputs and result as they were. Never changed: a change of
    inventory or of the people exposed records a new one."""

    unit = link(Unit, pgettext_lazy("major hazard", "unit"), related_name="identifications")
    identified_on = models.DateField(_("identified on"))
    identified_by = link(
        settings.AUTH_USER_MODEL, _("identified by"), on_delete=models.SET_NULL, optional=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    reason = StoredTextField(_("reason"), max_length=200, blank=True)  # read in each language
    exposed_people = models.PositiveIntegerField(_("people possibly exposed"))
    inputs = models.JSONField(_("inputs"), default=list, blank=True)  # [{substance, categories, tonnes, label}]
    lines = models.JSONField(_("calculation lines"), default=list, blank=True)
    s = models.DecimalField("S", max_digits=20, decimal_places=6)
    is_major = models.BooleanField(_("major hazard source"))
    alpha = models.DecimalField("α", max_digits=4, decimal_places=1)
    r = models.DecimalField("R", max_digits=20, decimal_places=6, null=True, blank=True)
    level = models.PositiveSmallIntegerField(_("major hazard level"), null=True, blank=True)

    class Meta:
        verbose_name = _("identification")
        verbose_name_plural = _("identifications")
        ordering = ["-identified_on", "-pk"]
        # The current identification of each unit is its latest one.
        indexes = [models.Index(fields=["unit", "-identified_on", "-id"])]

    def __str__(self) -> str:
        return f"{self.unit} {self.identified_on}"


class RegisterEntry(AuditedModel):
    """Registration and filing (登记建档、备案) of a major hazard source with the authority."""

    unit = link(Unit, pgettext_lazy("major hazard", "unit"), related_name="register_entries")
    number = models.CharField(_("register number"), max_length=100, unique=True)
    level = models.PositiveSmallIntegerField(
        _("major hazard level"), choices=[(1, _("Level 1")), (2, _("Level 2")), (3, _("Level 3")), (4, _("Level 4"))]
    )
    filing_authority = models.CharField(_("filing authority"), max_length=200)
    filed_on = models.DateField(_("filed on"))
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("register entry")
        verbose_name_plural = _("register entries")
        ordering = ["-filed_on", "-pk"]

    def __str__(self) -> str:
        return self.number

    @property
    def department_id(self) -> int:
        return self.unit.department_id


class SafetyAssessment(AuditedModel):
    """A safety assessment (安全评估) of a major hazard source, due again after 3 years."""

    unit = link(Unit, pgettext_lazy("major hazard", "unit"), related_name="assessments")
    assessed_on = models.DateField(_("assessed on"))
    assessor = models.CharField(_("assessing body"), max_length=200)
    conclusion = models.TextField(_("conclusion"), blank=True)
    next_due = models.DateField(_("next assessment due"))

    class Meta:
        verbose_name = _("safety assessment")
        verbose_name_plural = _("safety assessments")
        ordering = ["-assessed_on", "-pk"]
        indexes = [models.Index(fields=["unit", "-assessed_on"])]  # the latest one per unit

    def __str__(self) -> str:
        return f"{self.unit} {self.assessed_on}"

    @property
    def department_id(self) -> int:
        return self.unit.department_id

    def is_overdue_on(self, day: dt.date) -> bool:
        return self.next_due < day


class MonitoringMeasureKind(models.TextChoices):
    ONLINE_MONITORING = "online_monitoring", _("Online monitoring")
    ALARM = "alarm", _("Alarm")
    INTERLOCK = "interlock", _("Safety interlock")
    VIDEO = "video", _("Video surveillance")
    OTHER = "other", _("Other control measure")


class MonitoringMeasure(AuditedModel):
    """A monitoring or control measure of a unit (online monitoring, alarms, interlocks, video),
    checked on a cycle."""

    unit = link(Unit, pgettext_lazy("major hazard", "unit"), on_delete=models.CASCADE, related_name="measures")
    measure_kind = models.CharField(_("kind of measure"), max_length=30, choices=MonitoringMeasureKind.choices)
    name = models.CharField(_("name"), max_length=200)
    check_cycle_days = models.PositiveSmallIntegerField(_("check cycle (days)"), default=30)
    last_checked_on = models.DateField(_("last checked on"), null=True, blank=True)
    is_active = models.BooleanField(_("in service"), default=True)

    class Meta:
        verbose_name = _("monitoring and control measure")
        verbose_name_plural = _("monitoring and control measures")
        ordering = ["unit", "measure_kind", "pk"]

    def __str__(self) -> str:
        return f"{self.get_measure_kind_display()}: {self.name}"

    @property
    def department_id(self) -> int:
        return self.unit.department_id

    def next_check_due(self) -> dt.date | None:
        if self.last_checked_on is None:
            return None
        return self.last_checked_on + dt.timedelta(days=self.check_cycle_days)


class CheckResult(models.TextChoices):
    WORKING = "working", _("Working")
    FAULT = "fault", _("Fault found")


class MeasureCheck(models.Model):
    """A check of a measure as it was done; never changed."""

    measure = link(MonitoringMeasure, _("measure"), related_name="checks")
    checked_on = models.DateField(_("checked on"))
    check_result = models.CharField(_("result"), max_length=20, choices=CheckResult.choices)
    findings = models.TextField(_("findings"), blank=True)
    checked_by = link(settings.AUTH_USER_MODEL, _("checked by"), on_delete=models.SET_NULL, related_name="+", null=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("measure check")
        verbose_name_plural = _("measure checks")
        ordering = ["-checked_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.measure} {self.checked_on}"
