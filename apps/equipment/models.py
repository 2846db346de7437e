from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from apps.core.models import RECURRING, AuditedModel, CodeNamed, Named, Titled, link
from apps.equipment import rules
from apps.org.models import Department
from apps.workflow.models import Task


class SpecialEquipmentType(models.Model):
    """A sub-category of the 特种设备目录 (2014 No. 114), loaded from
    fixtures/equipment/special_equipment_types.csv. A blank interval means the reference could
    not confirm one (see docs/sources.md); such equipment needs its interval set per item."""

    code = models.CharField(_("code"), max_length=10, unique=True)
    category_code = models.CharField(_("category code"), max_length=10)
    category = models.CharField(_("category"), max_length=50)
    name = models.CharField(_("sub-category"), max_length=100)
    interval_months = models.PositiveSmallIntegerField(
        _("statutory inspection interval (months)"), null=True, blank=True
    )
    interval_note = models.TextField(_("interval note"), blank=True)

    class Meta:
        verbose_name = _("special equipment type")
        verbose_name_plural = _("special equipment types")
        ordering = ["category_code", "code"]

    def __str__(self) -> str:
        return f"{self.category} / {self.name}"


class EquipmentStatus(models.TextChoices):
    IN_USE = "in_use", _("In use")
    IDLE = "idle", _("Idle")
    UNDER_REPAIR = "under_repair", _("Under repair")
    SCRAPPED = "scrapped", _("Scrapped")


class Equipment(CodeNamed, AuditedModel):
    code = models.CharField(_("equipment code"), max_length=50, unique=True)
    name = models.CharField(_("name"), max_length=100)
    category = models.CharField(_("category"), max_length=100, blank=True)
    special_type = link(SpecialEquipmentType, _("special equipment type"), optional=True, related_name="+")
    model_number = models.CharField(_("model"), max_length=100, blank=True)
    maker = models.CharField(_("maker"), max_length=200, blank=True)
    serial_number = models.CharField(_("serial number"), max_length=100, blank=True)
    location = models.CharField(_("location"), max_length=200, blank=True)
    department = link(Department, _("department"), related_name="+")
    owner = link(
        settings.AUTH_USER_MODEL, _("person responsible"), on_delete=models.SET_NULL, optional=True, related_name="+"
    )
    commissioned_on = models.DateField(_("commissioned on"), null=True, blank=True)
    registration_number = models.CharField(_("registration certificate number"), max_length=100, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=EquipmentStatus.choices, default=EquipmentStatus.IN_USE
    )
    inspection_interval_months = models.PositiveSmallIntegerField(
        _("inspection interval (months)"), null=True, blank=True
    )
    last_inspected_on = models.DateField(_("last statutory inspection"), null=True, blank=True)
    next_inspection_due = models.DateField(_("next statutory inspection"), null=True, blank=True)
    # The due date for which the statutory inspection task was raised: one task per due date.
    task_raised_for = models.DateField(null=True, blank=True, editable=False)
    scrap_task = models.ForeignKey(
        Task, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", editable=False
    )
    scrap_reason = models.TextField(_("reason for scrapping"), blank=True)

    class Meta:
        verbose_name = _("equipment")
        verbose_name_plural = _("equipment")
        ordering = ["code"]
        # The daily job and the evidence provider look for special equipment due by a date.
        indexes = [models.Index(fields=["next_inspection_due"])]

    def get_absolute_url(self) -> str:
        return reverse("equipment:detail", args=[self.pk])

    @property
    def is_special(self) -> bool:
        return self.special_type_id is not None

    @property
    def is_overdue(self) -> bool:
        return self.status != EquipmentStatus.SCRAPPED and rules.is_overdue(
            self.next_inspection_due, timezone.localdate()
        )


class DeviceKind(models.TextChoices):
    SAFETY_VALVE = "safety_valve", _("Safety valve")
    PRESSURE_GAUGE = "pressure_gauge", _("Pressure gauge")
    GAS_DETECTOR = "gas_detector", _("Gas detector")
    FIRE = "fire", _("Fire protection")
    LIGHTNING = "lightning", _("Lightning protection")
    OTHER = "other", _("Other")


class SafetyDevice(CodeNamed, AuditedModel):
    """Safety devices and facilities calibrated or tested on a cycle."""

    code = models.CharField(_("code"), max_length=50, unique=True)
    name = models.CharField(_("name"), max_length=100)
    kind = models.CharField(_("kind"), max_length=20, choices=DeviceKind.choices)
    equipment = link(Equipment, _("equipment"), on_delete=models.SET_NULL, optional=True, related_name="devices")
    department = link(Department, _("department"), related_name="+")
    location = models.CharField(_("location"), max_length=200, blank=True)
    cycle_months = models.PositiveSmallIntegerField(_("calibration or test cycle (months)"))
    last_checked_on = models.DateField(_("last calibrated or tested"), null=True, blank=True)
    next_due = models.DateField(_("next due"), null=True, blank=True)
    task_raised_for = models.DateField(null=True, blank=True, editable=False)
    is_active = models.BooleanField(_("in service"), default=True)

    class Meta:
        verbose_name = _("safety device")
        verbose_name_plural = _("safety devices")
        ordering = ["next_due", "code"]

    def get_absolute_url(self) -> str:
        return reverse("equipment:device_list") + f"#device-{self.pk}"

    @property
    def is_overdue(self) -> bool:
        return self.is_active and rules.is_overdue(self.next_due, timezone.localdate())


class PlanKind(models.TextChoices):
    DAILY_CHECK = "daily_check", _("Daily check")
    MAINTENANCE = "maintenance", _("Periodic maintenance")
    STATUTORY = "statutory", _("Statutory inspection")


class MaintenancePlan(Titled, AuditedModel):
    equipment = link(Equipment, _("equipment"), on_delete=models.CASCADE, related_name="plans")
    kind = models.CharField(_("kind"), max_length=20, choices=PlanKind.choices)
    title = models.CharField(_("title"), max_length=100)
    recurrence = models.CharField(_("recurrence"), max_length=20, choices=RECURRING)
    next_due = models.DateField(_("next due"))
    # The day of the month the plan keeps to (set from its first date), so month ends do not drift.
    anchor_day = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("inspection or maintenance plan")
        verbose_name_plural = _("inspection and maintenance plans")
        ordering = ["next_due", "pk"]
        # The daily job looks for active plans due by today.
        indexes = [models.Index(fields=["is_active", "next_due"])]

    def get_absolute_url(self) -> str:
        return reverse("equipment:detail", args=[self.equipment_id])

    @property
    def department_id(self) -> int:
        """The owning department, for the API's object permission."""
        return self.equipment.department_id


class RecordKind(models.TextChoices):
    DAILY_CHECK = "daily_check", _("Daily check")
    MAINTENANCE = "maintenance", _("Maintenance")
    REPAIR = "repair", _("Repair")
    STATUTORY = "statutory", _("Statutory inspection")
    CALIBRATION = "calibration", _("Calibration or test")


class RecordResult(models.TextChoices):
    PASS = "pass", pgettext_lazy("check result", "Passed")
    FAIL = "fail", _("Failed")


class Record(AuditedModel):
    """An inspection, maintenance, repair or calibration done on a piece of equipment."""

    equipment = link(Equipment, _("equipment"), on_delete=models.CASCADE, related_name="records")
    plan = link(MaintenancePlan, _("plan"), on_delete=models.SET_NULL, optional=True, related_name="records")
    kind = models.CharField(_("kind"), max_length=20, choices=RecordKind.choices)
    performed_on = models.DateField(_("performed on"), default=timezone.localdate)
    performed_by = link(settings.AUTH_USER_MODEL, _("recorded by"), related_name="+")
    result = models.CharField(_("result"), max_length=10, choices=RecordResult.choices)
    findings = models.TextField(_("findings"), blank=True)
    work_plan = models.TextField(_("written work plan"), blank=True)
    hazard_controls = models.TextField(_("hazard controls"), blank=True)
    hazard_code = models.CharField(_("hazard raised"), max_length=30, blank=True)

    class Meta:
        verbose_name = _("inspection or maintenance record")
        verbose_name_plural = _("inspection and maintenance records")
        ordering = ["-performed_on", "-pk"]
        # Records are listed per equipment, newest first.
        indexes = [models.Index(fields=["equipment", "performed_on"])]

    def __str__(self) -> str:
        return f"{self.equipment} {self.get_kind_display()} {self.performed_on}"

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        # AQ/T 9006 element 6: no maintenance starts without a written plan with hazard controls.
        if self.kind in (RecordKind.MAINTENANCE, RecordKind.REPAIR):
            missing = {
                name: _("Maintenance needs a written plan with hazard controls before it starts.")
                for name in ("work_plan", "hazard_controls")
                if not getattr(self, name).strip()
            }
            if missing:
                raise ValidationError(missing)


class ProjectKind(models.TextChoices):
    NEW = "new", _("New")
    REBUILT = "rebuilt", _("Rebuilt")
    EXTENDED = "extended", _("Extended")


class Project(Named, AuditedModel):
    """三同时: safety facilities designed, built and put into use with the main project."""

    name = models.CharField(_("project"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=ProjectKind.choices)
    department = link(Department, _("department"), related_name="+")
    safety_facilities = models.TextField(_("safety facilities"), blank=True)
    designed_on = models.DateField(_("safety facilities designed"), null=True, blank=True)
    built_on = models.DateField(_("safety facilities built"), null=True, blank=True)
    commissioned_on = models.DateField(_("put into use"), null=True, blank=True)
    accepted_on = models.DateField(_("accepted"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("three-simultaneity record")
        verbose_name_plural = _("three-simultaneity records")
        ordering = ["-created_at"]

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        steps = [
            ("designed_on", self.designed_on),
            ("built_on", self.built_on),
            ("commissioned_on", self.commissioned_on),
            ("accepted_on", self.accepted_on),
        ]
        known = [(name, day) for name, day in steps if day is not None]
        for (_before, earlier), (name, later) in zip(known, known[1:], strict=False):
            if later < earlier:
                raise ValidationError({name: _("The steps follow each other: design, build, use, acceptance.")})
