from __future__ import annotations

import datetime as dt
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from apps.core.models import BaseModel
from apps.org.models import Department, Employee, Role
from apps.workflow.models import Task

HOURS = {"max_digits": 5, "decimal_places": 1}

# Special-operation certificates (安监总局令第30号): valid 6 years, reviewed every 3 years,
# review requested within 60 days before it is due. Special-equipment permits likewise.
CERTIFICATE_VALID_YEARS = 6
CERTIFICATE_REVIEW_YEARS = 3
CERTIFICATE_WINDOW_DAYS = 60


# ------------------------------------------------------------------------------
# Rule sets of hours
# ------------------------------------------------------------------------------
class TrainingRole(models.TextChoices):
    PRINCIPAL = "principal", _("Principal head")
    SAFETY_MANAGER = "safety_manager", _("Safety management staff")
    WORKER = "worker", _("Other staff")


class RuleSet(BaseModel):
    """A table of required hours; the brief's ("default") and the national one are seeded."""

    code = models.CharField(
        _("code"),
        max_length=30,
        unique=True,
        validators=[RegexValidator(r"^[a-z0-9_-]+$", _("Use lower-case letters, digits, - _."))],
    )
    name = models.CharField(_("name"), max_length=200)
    source = models.TextField(_("legal source"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("rule set of training hours")
        verbose_name_plural = _("rule sets of training hours")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name


class RuleSetRow(BaseModel):
    ruleset = models.ForeignKey(
        RuleSet, on_delete=models.CASCADE, related_name="rows", verbose_name=_("rule set")
    )
    role = models.CharField(_("role"), max_length=20, choices=TrainingRole.choices)
    high_risk = models.BooleanField(_("high-risk industry"), default=False)
    initial_hours = models.PositiveSmallIntegerField(_("initial training (hours)"))
    annual_hours = models.PositiveSmallIntegerField(_("yearly refresher (hours)"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("rule set row")
        verbose_name_plural = _("rule set rows")
        ordering = ["ruleset", "role", "high_risk"]
        constraints = [
            models.UniqueConstraint(
                fields=["ruleset", "role", "high_risk"], name="training_ruleset_row_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.ruleset} · {self.get_role_display()}"


class TrainingSettings(BaseModel):
    """The company's training settings: one row (pk 1)."""

    ruleset = models.ForeignKey(
        RuleSet,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("rule set in force"),
    )
    plan_approver_role = models.CharField(
        _("training plans approved by"),
        max_length=30,
        choices=[(Role.LEADERSHIP, _("Leadership")), (Role.SAFETY_MANAGER, _("Safety manager"))],
        default=Role.LEADERSHIP,
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("training settings")
        verbose_name_plural = _("training settings")

    def __str__(self) -> str:
        return str(_("Training settings"))


# ------------------------------------------------------------------------------
# Courses, sessions and attendance
# ------------------------------------------------------------------------------
class SessionLevel(models.TextChoices):
    COMPANY = "company", _("Company-level induction")
    WORKSHOP = "workshop", _("Workshop-level induction")
    TEAM = "team", _("Team-level induction")
    REFRESHER = "refresher", _("Yearly refresher")
    SPECIAL = "special", _("Special topic")
    EXTERNAL = "external", _("External training")


# The three levels of induction (三级安全教育); their hours are the initial (岗前) training.
INDUCTION_LEVELS = (SessionLevel.COMPANY, SessionLevel.WORKSHOP, SessionLevel.TEAM)
# People changing post or back after more than 6 months away repeat these two (5.3.3).
REINDUCTION_LEVELS = (SessionLevel.WORKSHOP, SessionLevel.TEAM)
# Principal heads and safety management staff also count these toward their initial hours:
# their 32/48-hour qualification course is usually held outside the company.
MANAGER_INITIAL_LEVELS = (SessionLevel.EXTERNAL, SessionLevel.SPECIAL)


class Course(BaseModel):
    code = models.CharField(_("code"), max_length=30, unique=True)
    name = models.CharField(_("name"), max_length=200)
    level = models.CharField(
        _("level"), max_length=20, choices=SessionLevel.choices, default=SessionLevel.REFRESHER
    )
    hours = models.DecimalField(_("hours"), default=Decimal(4), **HOURS)
    content = models.TextField(_("content"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name


class TrainingSession(BaseModel):
    course = models.ForeignKey(
        Course, on_delete=models.PROTECT, related_name="sessions", verbose_name=_("course")
    )
    department = models.ForeignKey(
        Department,
        on_delete=models.PROTECT,
        related_name="training_sessions",
        verbose_name=_("organising department"),
    )
    level = models.CharField(_("level"), max_length=20, choices=SessionLevel.choices)
    start_date = models.DateField(_("date"))
    end_date = models.DateField(_("last day"), help_text=_("The same as the date for one day."))
    hours = models.DecimalField(_("hours"), validators=[MinValueValidator(Decimal("0.5"))], **HOURS)
    trainer = models.CharField(_("trainer"), max_length=100, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    plan_item = models.ForeignKey(
        "TrainingPlanItem",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sessions",
        verbose_name=_("plan item"),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("training session")
        verbose_name_plural = _("training sessions")
        ordering = ["-start_date", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=models.F("start_date")),
                name="training_session_dates_in_order",
            )
        ]
        # Session lists are filtered by department and date.
        indexes = [models.Index(fields=["department", "start_date"])]

    def __str__(self) -> str:
        return f"{self.course.name} {self.start_date:%Y-%m-%d}"

    def is_held(self, as_of: dt.date | None = None) -> bool:
        return self.start_date <= (as_of or timezone.localdate())


class Attendance(BaseModel):
    session = models.ForeignKey(
        TrainingSession,
        on_delete=models.CASCADE,
        related_name="attendances",
        verbose_name=_("session"),
    )
    employee = models.ForeignKey(
        Employee,
        on_delete=models.PROTECT,
        related_name="training_attendances",
        verbose_name=_("employee"),
    )
    # Kept from the session (date and level) so that compliance sums one table, not a join.
    date = models.DateField(_("date"))
    level = models.CharField(_("level"), max_length=20, choices=SessionLevel.choices)
    present = models.BooleanField(_("present"), default=True)
    hours_credited = models.DecimalField(_("hours credited"), default=Decimal(0), **HOURS)
    exam_score = models.DecimalField(
        _("exam score"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        **HOURS,
    )
    passed = models.BooleanField(_("passed"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendances")
        ordering = ["session", "employee__employee_no"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "employee"], name="training_attendance_unique"
            )
        ]
        # Compliance sums each person's hours by level and year.
        indexes = [models.Index(fields=["employee", "level", "date"])]

    def __str__(self) -> str:
        return f"{self.employee} · {self.session}"


class ReinductionReason(models.TextChoices):
    POST_CHANGE = "post_change", _("Changed post or type of work")
    RETURN = "return", _("Back after more than 6 months away")
    NEW_PROCESS = "new_process", _("New process, technology, material or equipment")


class Reinduction(BaseModel):
    """Someone who must repeat workshop- and team-level induction before (re)starting work."""

    employee = models.ForeignKey(
        Employee,
        on_delete=models.PROTECT,
        related_name="reinductions",
        verbose_name=_("employee"),
    )
    reason = models.CharField(_("reason"), max_length=20, choices=ReinductionReason.choices)
    since = models.DateField(_("since"), help_text=_("Only training on or after this day counts."))
    note = models.CharField(_("note"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("repeated induction")
        verbose_name_plural = _("repeated inductions")
        ordering = ["-since"]
        indexes = [models.Index(fields=["employee", "since"])]

    def __str__(self) -> str:
        return f"{self.employee} · {self.get_reason_display()}"


# ------------------------------------------------------------------------------
# Certificates
# ------------------------------------------------------------------------------
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
        constraints = [
            models.UniqueConstraint(fields=["kind", "code"], name="training_cert_type_unique")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.category_name} · {self.name}"


class Certificate(BaseModel):
    kind = models.CharField(_("kind"), max_length=20, choices=CertificateKind.choices)
    type = models.ForeignKey(
        CertificateType,
        on_delete=models.PROTECT,
        related_name="certificates",
        verbose_name=_("certificate type"),
    )
    number = models.CharField(_("certificate number"), max_length=50)
    holder = models.ForeignKey(
        Employee,
        on_delete=models.PROTECT,
        related_name="certificates",
        verbose_name=_("holder"),
    )
    authority = models.CharField(_("issued by"), max_length=200, blank=True)
    issued_on = models.DateField(_("issued on"))
    valid_until = models.DateField(_("valid until"))
    next_review_on = models.DateField(_("next review"), null=True, blank=True)
    reviewed_on = models.DateField(_("last reviewed on"), null=True, blank=True)
    # The review date and expiry date already reminded of: one reminder per window, and a
    # new window (after a review or a renewal) starts the reminders afresh.
    review_reminded_for = models.DateField(null=True, blank=True, editable=False)
    expiry_reminded_for = models.DateField(null=True, blank=True, editable=False)
    expired_notified_for = models.DateField(null=True, blank=True, editable=False)
    history = HistoricalRecords(
        excluded_fields=["review_reminded_for", "expiry_reminded_for", "expired_notified_for"]
    )

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["valid_until", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "number"], name="training_certificate_unique")
        ]
        indexes = [
            # "Expired" flags and the daily reminders look certificates up by date.
            models.Index(fields=["holder", "valid_until"]),
            models.Index(fields=["next_review_on"]),
        ]

    def __str__(self) -> str:
        return f"{self.type.name} {self.number}"

    @staticmethod
    def default_valid_until(issued_on: dt.date) -> dt.date:
        return issued_on + relativedelta(years=CERTIFICATE_VALID_YEARS)

    @staticmethod
    def default_next_review(issued_on: dt.date) -> dt.date:
        return issued_on + relativedelta(years=CERTIFICATE_REVIEW_YEARS)

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
        if self.valid_until - dt.timedelta(days=CERTIFICATE_WINDOW_DAYS) <= timezone.localdate():
            return "expiring"
        return "valid"


# ------------------------------------------------------------------------------
# Yearly plans
# ------------------------------------------------------------------------------
class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for approval")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class TrainingPlan(BaseModel):
    department = models.ForeignKey(
        Department,
        on_delete=models.PROTECT,
        related_name="training_plans",
        verbose_name=_("department"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    title = models.CharField(_("title"), max_length=200)
    note = models.TextField(_("note"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=PlanStatus.choices, default=PlanStatus.DRAFT
    )
    approval_task = models.OneToOneField(
        Task,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("approval task"),
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("created by"),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("training plan")
        verbose_name_plural = _("training plans")
        ordering = ["-year", "department__path"]
        constraints = [
            models.UniqueConstraint(fields=["department", "year"], name="training_plan_unique")
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_editable(self) -> bool:
        return self.status in (PlanStatus.DRAFT, PlanStatus.REJECTED)


class TrainingPlanItem(BaseModel):
    plan = models.ForeignKey(
        TrainingPlan,
        on_delete=models.CASCADE,
        related_name="items",
        verbose_name=_("training plan"),
    )
    course = models.ForeignKey(
        Course,
        on_delete=models.PROTECT,
        related_name="plan_items",
        verbose_name=_("course"),
    )
    month = models.PositiveSmallIntegerField(
        _("month"), validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    hours = models.DecimalField(_("planned hours"), **HOURS)
    participants = models.CharField(_("who attends"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("plan item")
        verbose_name_plural = _("plan items")
        ordering = ["plan", "month", "pk"]

    def __str__(self) -> str:
        return f"{self.month} · {self.course}"
