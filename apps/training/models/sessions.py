"""Courses, the sessions held of them and who attended."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.core.models import AuditedModel, Named, link
from apps.org.models import Department, Employee

HOURS = {"max_digits": 5, "decimal_places": 1}


class SessionLevel(models.TextChoices):
    COMPANY = "company", _("Company-level induction")
    WORKSHOP = "workshop", _("Workshop-level induction")
    TEAM = "team", _("Team-level induction")
    REFRESHER = "refresher", _("Yearly refresher")
    SPECIAL = "special", _("Special topic")
    EXTERNAL = "external", _("External training")


class Course(Named, AuditedModel):
    code = models.CharField(_("code"), max_length=30, unique=True)
    name = models.CharField(_("name"), max_length=200)
    level = models.CharField(_("level"), max_length=20, choices=SessionLevel.choices, default=SessionLevel.REFRESHER)
    hours = models.DecimalField(_("hours"), default=Decimal(4), **HOURS)
    content = models.TextField(_("content"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")
        ordering = ["code"]


class TrainingSession(AuditedModel):
    course = link(Course, _("course"), related_name="sessions")
    department = link(Department, _("organising department"), related_name="training_sessions")
    level = models.CharField(_("level"), max_length=20, choices=SessionLevel.choices)
    start_date = models.DateField(_("date"))
    end_date = models.DateField(_("last day"), help_text=_("The same as the date for one day."))
    hours = models.DecimalField(_("hours"), validators=[MinValueValidator(Decimal("0.5"))], **HOURS)
    trainer = models.CharField(_("trainer"), max_length=100, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    plan_item = link(
        "TrainingPlanItem", _("plan item"), on_delete=models.SET_NULL, optional=True, related_name="sessions"
    )

    class Meta:
        verbose_name = _("training session")
        verbose_name_plural = _("training sessions")
        ordering = ["-start_date", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=models.F("start_date")), name="training_session_dates_in_order"
            )
        ]
        # Session lists are filtered by department and date.
        indexes = [models.Index(fields=["department", "start_date"])]

    def __str__(self) -> str:
        return f"{self.course.name} {self.start_date:%Y-%m-%d}"

    def is_held(self, as_of: dt.date | None = None) -> bool:
        return self.start_date <= (as_of or timezone.localdate())


class Attendance(AuditedModel):
    session = link(TrainingSession, _("session"), on_delete=models.CASCADE, related_name="attendances")
    employee = link(Employee, _("employee"), related_name="training_attendances")
    # Kept from the session (date and level) so that compliance sums one table, not a join.
    date = models.DateField(_("date"))
    level = models.CharField(_("level"), max_length=20, choices=SessionLevel.choices)
    present = models.BooleanField(_("present"), default=True)
    hours_credited = models.DecimalField(_("hours credited"), default=Decimal(0), **HOURS)
    exam_score = models.DecimalField(
        _("exam score"), null=True, blank=True, validators=[MinValueValidator(0), MaxValueValidator(100)], **HOURS
    )
    passed = models.BooleanField(_("passed"), null=True, blank=True)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendances")
        ordering = ["session", "employee__employee_no"]
        constraints = [models.UniqueConstraint(fields=["session", "employee"], name="training_attendance_unique")]
        # Compliance sums each person's hours by level and year.
        indexes = [models.Index(fields=["employee", "level", "date"])]

    def __str__(self) -> str:
        return f"{self.employee} · {self.session}"
