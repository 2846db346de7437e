from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.core.models import AuditedModel, BaseModel, Frequency, Named, link
from apps.org.models import Department
from apps.workflow.models import Task


class InspectionKind(models.TextChoices):
    """The five kinds of inspection of element 8 (AQ/T 9006-2010)."""

    COMPREHENSIVE = "comprehensive", _("Comprehensive")
    SPECIALIST = "specialist", _("Specialist")
    SEASONAL = "seasonal", _("Seasonal")
    HOLIDAY = "holiday", _("Holiday")
    DAILY = "daily", _("Daily")


class Checklist(Named, BaseModel):
    name = models.CharField(_("name"), max_length=100)
    kind = models.CharField(_("kind"), max_length=20, choices=InspectionKind.choices)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("checklist")
        verbose_name_plural = _("checklists")
        ordering = ["kind", "name"]


class ChecklistItem(models.Model):
    checklist = link(Checklist, _("checklist"), on_delete=models.CASCADE, related_name="items")
    area = models.CharField(_("area"), max_length=100)
    content = models.CharField(_("check item"), max_length=300)
    basis = models.CharField(_("basis"), max_length=200, blank=True)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("check item")
        verbose_name_plural = _("check items")
        ordering = ["checklist", "order", "pk"]

    def __str__(self) -> str:
        return self.content


class InspectionPlan(Named, AuditedModel):
    name = models.CharField(_("name"), max_length=100)
    kind = models.CharField(_("kind"), max_length=20, choices=InspectionKind.choices)
    department = link(Department, _("responsible department"), related_name="+")
    checklist = link(Checklist, _("checklist"), optional=True, related_name="+")
    recurrence = models.CharField(_("recurrence"), max_length=20, choices=Frequency.choices, default=Frequency.MONTHLY)
    next_due = models.DateField(_("next due"))
    # The day of the month the plan keeps to (set from the date a person gives it), so month ends
    # do not drift: 31 Jan → 28 Feb → 31 Mar (apps/core/recurrence.py).
    anchor_day = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("inspection plan")
        verbose_name_plural = _("inspection plans")
        ordering = ["next_due", "name"]

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("hazards:inspection_record") + f"?plan={self.pk}"


class Inspection(AuditedModel):
    plan = link(
        InspectionPlan, _("inspection plan"), on_delete=models.SET_NULL, optional=True, related_name="inspections"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=InspectionKind.choices)
    department = link(Department, _("department"), related_name="+")
    location = models.CharField(_("place"), max_length=200)
    inspected_on = models.DateField(_("inspected on"), default=timezone.localdate)
    inspector = link(settings.AUTH_USER_MODEL, _("inspector"), related_name="+")
    checklist = link(Checklist, _("checklist"), optional=True, related_name="+")
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("inspection")
        verbose_name_plural = _("inspections")
        ordering = ["-inspected_on", "-pk"]
        # Statistics count inspections by kind and date.
        indexes = [models.Index(fields=["kind", "inspected_on"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.location} · {self.inspected_on}"


class CheckResult(models.TextChoices):
    PASS = "pass", _("Pass")
    FAIL = "fail", _("Fail")
    NOT_APPLICABLE = "na", _("Not applicable")


class InspectionResult(models.Model):
    inspection = link(Inspection, _("inspection"), on_delete=models.CASCADE, related_name="results")
    item = link(ChecklistItem, _("check item"), related_name="+")
    result = models.CharField(_("result"), max_length=10, choices=CheckResult.choices, default=CheckResult.PASS)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("check result")
        verbose_name_plural = _("check results")
        ordering = ["item__order", "pk"]
        constraints = [models.UniqueConstraint(fields=["inspection", "item"], name="one_result_per_item")]

    def __str__(self) -> str:
        return f"{self.item} · {self.get_result_display()}"


class HazardCause(models.TextChoices):
    BEHAVIOUR = "behaviour", _("Unsafe behaviour of people")
    CONDITION = "condition", _("Unsafe condition of things")
    ENVIRONMENT = "environment", _("Poor environment")
    MANAGEMENT = "management", _("Management defect")


class HazardGrade(models.TextChoices):
    """安全生产事故隐患排查治理暂行规定 (安监总局令第16号)."""

    GENERAL = "general", _("General hazard")
    MAJOR = "major", _("Major hazard")


class HazardSource(models.TextChoices):
    REPORT = "report", _("Reported by staff")
    INSPECTION = "inspection", _("Inspection")
    ASSESSMENT = "assessment", _("Assessment")
    EXTERNAL = "external", _("Authority or external check")


class HazardStatus(models.TextChoices):
    REPORTED = "reported", _("Reported, awaiting triage")
    RECTIFYING = "rectifying", _("Being rectified")
    SUBMITTED = "submitted", _("Rectified, awaiting sign-off")
    SIGNED_OFF = "signed_off", _("Signed off, awaiting verification")
    CLOSED = "closed", _("Verified and closed")


OPEN_STATUSES = (HazardStatus.REPORTED, HazardStatus.RECTIFYING, HazardStatus.SUBMITTED, HazardStatus.SIGNED_OFF)


class RectificationMeasureKind(models.TextChoices):
    ENGINEERING = "engineering", _("Engineering")
    MANAGEMENT = "management", _("Management")
    EDUCATION = "education", _("Education")
    PROTECTIVE = "protective", _("Personal protection")
    EMERGENCY = "emergency", _("Emergency")


class Hazard(AuditedModel):
    code = models.CharField(_("number"), max_length=30, unique=True, editable=False)
    description = models.TextField(_("description"))
    location = models.CharField(_("place"), max_length=200)
    department = link(Department, _("department"), related_name="hazards")
    category = models.CharField(_("hazard category"), max_length=20, choices=HazardCause.choices)
    grade = models.CharField(_("grade"), max_length=10, choices=HazardGrade.choices, default=HazardGrade.GENERAL)
    source = models.CharField(_("source"), max_length=20, choices=HazardSource.choices, default=HazardSource.REPORT)
    inspection = link(Inspection, _("inspection"), on_delete=models.SET_NULL, optional=True, related_name="hazards")
    check_result = link(
        InspectionResult,
        _("failed check item"),
        on_delete=models.SET_NULL,
        optional=True,
        related_name="hazard",
        one_to_one=True,
    )
    status = models.CharField(_("status"), max_length=20, choices=HazardStatus.choices, default=HazardStatus.REPORTED)
    found_on = models.DateField(_("found on"), default=timezone.localdate)
    reporter = link(settings.AUTH_USER_MODEL, _("reported by"), related_name="reported_hazards")
    # LEC risk (apps/hazards/risk.py), kept with the band so lists can filter on it.
    risk_l = models.DecimalField(_("L (likelihood)"), max_digits=4, decimal_places=1, null=True, blank=True)
    risk_e = models.DecimalField(_("E (exposure)"), max_digits=4, decimal_places=1, null=True, blank=True)
    risk_c = models.DecimalField(_("C (consequence)"), max_digits=4, decimal_places=1, null=True, blank=True)
    risk_d = models.DecimalField(_("D (risk)"), max_digits=8, decimal_places=2, null=True, blank=True)
    risk_band = models.CharField(_("risk band"), max_length=20, blank=True)
    # The rectification plan: the five parts of the brief, plus two for major hazards.
    plan_goals = models.TextField(_("goals and tasks"), blank=True)
    plan_methods = models.TextField(_("methods and measures"), blank=True)
    plan_resources = models.TextField(_("funds and materials"), blank=True)
    plan_organisation = models.TextField(_("organisation and people"), blank=True)
    plan_requirements = models.TextField(_("deadline and requirements"), blank=True)
    plan_safety_measures = models.TextField(_("safety measures during rectification"), blank=True)
    plan_emergency = models.TextField(_("emergency plan"), blank=True)
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    assigned_by = link(settings.AUTH_USER_MODEL, _("assigned by"), optional=True, related_name="+")
    task = link(Task, _("rectification task"), optional=True, related_name="+", one_to_one=True)
    # What the department did.
    measure_kinds = models.JSONField(_("kinds of measure"), default=list, blank=True)
    measures = models.TextField(_("measures taken"), blank=True)
    cost = models.DecimalField(_("cost (yuan)"), max_digits=12, decimal_places=2, default=Decimal(0))
    rectified_on = models.DateField(_("rectified on"), null=True, blank=True)
    verified_by = link(settings.AUTH_USER_MODEL, _("verified by"), optional=True, related_name="+")
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)

    class Meta:
        verbose_name = _("hazard")
        verbose_name_plural = _("hazards")
        ordering = ["-found_on", "-pk"]
        indexes = [
            # The ledger filters by status and department and sorts by date found.
            models.Index(fields=["status", "department"]),
            models.Index(fields=["found_on"]),
            # Overdue checks: open hazards by deadline.
            models.Index(fields=["deadline", "status"]),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.description[:30]}"

    @property
    def is_major(self) -> bool:
        return self.grade == HazardGrade.MAJOR

    @property
    def is_open(self) -> bool:
        return self.status != HazardStatus.CLOSED

    @property
    def is_overdue(self) -> bool:
        """Open, past its deadline, and not rectified by then (waiting for the paperwork of a
        rectification done in time is not being late)."""
        if not self.is_open or self.deadline is None or self.deadline >= timezone.localdate():
            return False
        return self.rectified_on is None or self.rectified_on > self.deadline

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("hazards:detail", args=[self.pk])

    @property
    def on_time(self) -> bool | None:
        if self.rectified_on is None or self.deadline is None:
            return None
        return self.rectified_on <= self.deadline

    def measure_kind_labels(self) -> list[str]:
        labels = dict(RectificationMeasureKind.choices)
        return [str(labels.get(k, k)) for k in self.measure_kinds]
