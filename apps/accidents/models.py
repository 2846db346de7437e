from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.accidents import grading, rules
from apps.core.models import AuditedModel, BaseModel, CodeNamed, Named, Titled, link
from apps.org.models import Department, Employee
from apps.workflow.models import Task


class Edition(models.TextChoices):
    GB6441_2025 = "2025", _("GB 6441-2025")
    GB6441_1986 = "1986", _("GB 6441-1986")


# Accidents from this date on use the GB 6441-2025 types (mandatory since 2026-07-01);
# older records keep the 1986 class (docs/sources.md).
GB6441_2025_FROM = dt.date(2026, 7, 1)


class AccidentType(CodeNamed):
    """An accident type of GB 6441, loaded from fixtures/accidents/*.csv. The 2025 list comes
    from one conversion of the standard (docs/sources.md: trust medium)."""

    edition = models.CharField(_("edition"), max_length=4, choices=Edition.choices)
    code = models.CharField(_("code"), max_length=10)
    name = models.CharField(_("name"), max_length=50)
    name_en = models.CharField(_("English name"), max_length=100, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("accident type")
        verbose_name_plural = _("accident types")
        ordering = ["-edition", "order"]
        constraints = [models.UniqueConstraint(fields=["edition", "code"], name="accidents_type_edition_code")]


class Grade(models.TextChoices):
    GENERAL = grading.GENERAL, _("General (一般)")
    LARGER = grading.LARGER, _("Larger (较大)")
    MAJOR = grading.MAJOR, _("Major (重大)")
    ESPECIALLY_MAJOR = grading.ESPECIALLY_MAJOR, _("Especially major (特别重大)")


class AccidentStatus(models.TextChoices):
    REPORTED = "reported", _("Reported")
    INVESTIGATING = "investigating", _("Under investigation")
    CLOSED = "closed", _("Closed")


# The 四不放过 principle: the four items that must all be done before an accident is closed.
FOUR_NO_LET_GO = (
    ("cause_found", _("cause found")),
    ("responsible_handled", _("those responsible handled")),
    ("staff_educated", _("staff educated")),
    ("measures_taken", _("measures taken")),
)


class Accident(AuditedModel):
    code = models.CharField(_("accident number"), max_length=30, unique=True)
    title = models.CharField(_("title"), max_length=200)
    occurred_at = models.DateTimeField(_("time of the accident"))
    place = models.CharField(_("place"), max_length=200)
    department = link(Department, _("department"), related_name="+")
    accident_type = link(AccidentType, _("accident type"), related_name="+")
    is_near_miss = models.BooleanField(_("near miss"), default=False)
    road_traffic = models.BooleanField(
        _("road-traffic accident"),
        default=False,
        help_text=_("Casualty changes are then reported within 7 days instead of 30."),
    )
    deaths = models.PositiveIntegerField(_("deaths"), default=0)
    serious_injuries = models.PositiveIntegerField(_("serious injuries (incl. acute poisoning)"), default=0)
    minor_injuries = models.PositiveIntegerField(_("minor injuries"), default=0)
    direct_loss = models.DecimalField(
        _("direct economic loss (yuan)"), max_digits=14, decimal_places=2, default=0, validators=[MinValueValidator(0)]
    )
    grade = models.CharField(_("grade"), max_length=20, choices=Grade.choices, editable=False, default=Grade.GENERAL)
    account = models.TextField(_("brief account"), blank=True)
    immediate_measures = models.TextField(_("immediate measures"), blank=True)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", editable=False
    )
    # Reporting clock
    head_told_at = models.DateTimeField(_("company head told at"), null=True, blank=True)
    authority_told_at = models.DateTimeField(_("authority told at"), null=True, blank=True)
    # Investigation
    status = models.CharField(
        _("status"), max_length=20, choices=AccidentStatus.choices, default=AccidentStatus.REPORTED, editable=False
    )
    investigation_team = models.TextField(_("investigation team"), blank=True)
    direct_causes = models.TextField(_("direct causes"), blank=True)
    indirect_causes = models.TextField(_("indirect causes"), blank=True)
    responsibility_findings = models.TextField(_("responsibility findings"), blank=True)
    handling_opinions = models.TextField(_("handling opinions"), blank=True)
    extension_days = models.PositiveSmallIntegerField(
        _("report deadline extended by (days)"), default=0, validators=[MaxValueValidator(rules.MAX_EXTENSION_DAYS)]
    )
    extension_reason = models.TextField(_("reason for the extension"), blank=True)
    extension_approved_by = models.CharField(
        _("extension approved by"),
        max_length=100,
        blank=True,
        help_text=_("The people's government responsible for the investigation that approved the extension."),
    )
    appraisal_days = models.PositiveSmallIntegerField(
        _("technical appraisal (days)"),
        default=0,
        help_text=_("Days spent on technical appraisal; they do not count towards the report deadline."),
    )
    report_submitted_on = models.DateField(_("investigation report submitted on"), null=True, blank=True)
    cause_found = models.BooleanField(_("cause found"), default=False)
    responsible_handled = models.BooleanField(_("those responsible handled"), default=False)
    staff_educated = models.BooleanField(_("staff educated"), default=False)
    measures_taken = models.BooleanField(_("measures taken"), default=False)
    closed_on = models.DateField(_("closed on"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("accident")
        verbose_name_plural = _("accidents")
        ordering = ["-occurred_at"]
        # Statistics, the register and the evidence provider select by time of the accident.
        indexes = [models.Index(fields=["occurred_at"])]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("accidents:detail", args=[self.pk])

    @property
    def occurred_on(self) -> dt.date:
        return timezone.localtime(self.occurred_at).date()

    @property
    def grade_basis(self) -> tuple[str, ...]:
        return grading.decide(self.deaths, self.serious_injuries, self.direct_loss)[1]

    @property
    def road_or_fire(self) -> bool:
        return self.road_traffic or self.accident_type.code in rules.FIRE_OR_ROAD_TYPE_CODES

    @property
    def casualty_window_end(self) -> dt.date:
        return rules.casualty_window_end(self.occurred_on, road_or_fire=self.road_or_fire)

    @property
    def report_deadline(self) -> dt.datetime:
        return rules.report_deadline(self.occurred_at, self.head_told_at)

    @property
    def reported_on_time(self) -> bool:
        return rules.reported_on_time(self.occurred_at, self.authority_told_at, self.head_told_at)

    @property
    def report_overdue(self) -> bool:
        """Not yet reported to the authority and the hour is past, or reported late."""
        if self.is_near_miss:
            return False
        if self.authority_told_at is None:
            return timezone.now() > self.report_deadline
        return not self.reported_on_time

    @property
    def investigation_due(self) -> dt.date:
        return rules.investigation_due(self.occurred_on, self.extension_days, self.appraisal_days)

    @property
    def four_no_let_go_missing(self) -> list[str]:
        return [str(label) for field, label in FOUR_NO_LET_GO if not getattr(self, field)]


class Severity(models.TextChoices):
    DEATH = "death", _("Death")
    SERIOUS = "serious", _("Serious injury")
    MINOR = "minor", _("Minor injury")
    NONE = "none", _("Not injured")


class Person(Named, AuditedModel):
    """Someone involved in an accident, with the injury and the workdays lost (GB 6441: a
    serious injury is one with 105 or more lost workdays)."""

    accident = models.ForeignKey(Accident, on_delete=models.CASCADE, related_name="people")
    employee = link(Employee, _("employee"), on_delete=models.SET_NULL, optional=True, related_name="+")
    name = models.CharField(_("name"), max_length=50)
    severity = models.CharField(_("injury"), max_length=10, choices=Severity.choices)
    lost_workdays = models.PositiveIntegerField(_("lost workdays"), default=0)
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("person involved")
        verbose_name_plural = _("people involved")
        ordering = ["pk"]


class CasualtyUpdate(BaseModel):
    """A dated change in casualties (补报). Within the window it regrades the accident; later
    ones are kept on record without changing the figures or the grade."""

    accident = models.ForeignKey(Accident, on_delete=models.CASCADE, related_name="updates")
    reported_on = models.DateField(_("reported on"))
    deaths = models.PositiveIntegerField(_("deaths"))
    serious_injuries = models.PositiveIntegerField(_("serious injuries"))
    minor_injuries = models.PositiveIntegerField(_("minor injuries"))
    note = models.TextField(_("note"), blank=True)
    applied = models.BooleanField(_("regraded"), default=False, editable=False)
    grade_before = models.CharField(max_length=20, choices=Grade.choices, editable=False)
    grade_after = models.CharField(max_length=20, choices=Grade.choices, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", editable=False
    )

    class Meta:
        verbose_name = _("casualty update")
        verbose_name_plural = _("casualty updates")
        ordering = ["reported_on", "pk"]


class AccidentMeasureKind(models.TextChoices):
    CORRECTIVE = "corrective", _("Corrective")
    PREVENTIVE = "preventive", _("Preventive")


class Measure(BaseModel):
    """A corrective or preventive measure, carried out as a workflow task of the department."""

    accident = models.ForeignKey(Accident, on_delete=models.CASCADE, related_name="measures")
    kind = models.CharField(_("kind"), max_length=20, choices=AccidentMeasureKind.choices)
    task = models.OneToOneField(Task, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("measure")
        verbose_name_plural = _("measures")
        ordering = ["pk"]


class Lesson(Titled, AuditedModel):
    """Case education (事故案例教育): an accident's lessons shared with departments."""

    accident = link(Accident, _("accident"), related_name="lessons")
    title = models.CharField(_("title"), max_length=200)
    held_on = models.DateField(_("held on"))
    content = models.TextField(_("lessons"), blank=True)
    departments = models.ManyToManyField(Department, related_name="+", verbose_name=_("departments"))
    attendees = models.ManyToManyField(Employee, blank=True, related_name="+", verbose_name=_("attendance"))

    class Meta:
        verbose_name = _("case education")
        verbose_name_plural = _("case education")
        ordering = ["-held_on", "-pk"]


class ManHours(AuditedModel):
    """Hours worked and staff in one department in one month: the base of the rates."""

    department = link(Department, _("department"), related_name="+")
    month = models.DateField(_("month"), help_text=_("The first day of the month."))
    hours = models.DecimalField(_("hours worked"), max_digits=12, decimal_places=1, validators=[MinValueValidator(0)])
    headcount = models.PositiveIntegerField(_("staff"), default=0)

    class Meta:
        verbose_name = _("man-hours")
        verbose_name_plural = _("man-hours")
        ordering = ["-month", "department__code"]
        constraints = [models.UniqueConstraint(fields=["department", "month"], name="accidents_hours_month")]

    def __str__(self) -> str:
        return f"{self.department} {self.month:%Y-%m}"
