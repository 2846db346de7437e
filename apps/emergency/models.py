from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from apps.core.models import BaseModel
from apps.emergency import rules
from apps.org.models import Department
from apps.workflow.models import Task


def _user_fk(verbose_name, **kwargs):
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=verbose_name,
        **kwargs,
    )


class PlanKind(models.TextChoices):
    COMPREHENSIVE = "comprehensive", _("Comprehensive plan")
    SPECIALIST = "specialist", _("Specialist plan")
    ONSITE = "onsite", _("On-site disposal plan")


REMINDER_FIELDS = [
    "drill_reminded_for",
    "drill_overdue_reminded_for",
    "filing_reminded",
    "evaluation_reminded_for",
    "evaluation_overdue_reminded_for",
]


class Plan(BaseModel):
    """An emergency plan (应急预案): comprehensive, specialist or on-site disposal."""

    code = models.CharField(_("plan number"), max_length=50, unique=True)
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=PlanKind.choices)
    version = models.CharField(_("version"), max_length=20, default="1.0")
    published_on = models.DateField(_("published on"))
    department = models.ForeignKey(
        Department, on_delete=models.PROTECT, related_name="+", verbose_name=_("owning department")
    )
    owner = _user_fk(_("person responsible"))
    scope = models.TextField(_("scope and scenarios"), blank=True)
    filed_on = models.DateField(_("filed with the authority on"), null=True, blank=True)
    filing_number = models.CharField(_("filing number"), max_length=100, blank=True)
    evaluation_interval_years = models.PositiveSmallIntegerField(
        _("evaluated every (years)"),
        default=rules.DEFAULT_EVALUATION_YEARS,
        validators=[MinValueValidator(1)],
    )
    last_evaluated_on = models.DateField(_("last evaluated on"), null=True, blank=True)
    last_drill_on = models.DateField(_("last drilled on"), null=True, blank=True, editable=False)
    next_drill_due = models.DateField(_("next drill due"), null=True, blank=True, editable=False)
    is_active = models.BooleanField(_("in force"), default=True)
    # Reminders are raised once: the due date the advance reminder and the overdue reminder of
    # a drill (and of an evaluation) were sent for, and whether the late filing was reminded.
    drill_reminded_for = models.DateField(null=True, blank=True, editable=False)
    drill_overdue_reminded_for = models.DateField(null=True, blank=True, editable=False)
    filing_reminded = models.BooleanField(default=False, editable=False)
    evaluation_reminded_for = models.DateField(null=True, blank=True, editable=False)
    evaluation_overdue_reminded_for = models.DateField(null=True, blank=True, editable=False)
    history = HistoricalRecords(excluded_fields=REMINDER_FIELDS)

    class Meta:
        verbose_name = _("emergency plan")
        verbose_name_plural = _("emergency plans")
        ordering = ["kind", "code"]
        # The overdue list, the reminders and the evidence look for plans due by a date.
        indexes = [models.Index(fields=["is_active", "next_drill_due"])]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("emergency:plan_detail", args=[self.pk])

    @property
    def filing_due(self):
        """20 working days after publication by the holiday calendar, see rules.add_working_days."""
        return rules.filing_due(self.published_on)

    @property
    def is_filing_overdue(self) -> bool:
        return not self.filed_on and self.filing_due < timezone.localdate()

    @property
    def evaluation_due(self):
        return rules.evaluation_due(
            self.last_evaluated_on or self.published_on, self.evaluation_interval_years
        )

    @property
    def is_evaluation_overdue(self) -> bool:
        return self.is_active and self.evaluation_due < timezone.localdate()

    @property
    def is_drill_overdue(self) -> bool:
        return (
            self.is_active
            and self.next_drill_due is not None
            and self.next_drill_due < timezone.localdate()
        )


class EvaluationResult(models.TextChoices):
    ADEQUATE = "adequate", _("Adequate, no change")
    REVISE = "revise", _("To be revised")


class Evaluation(BaseModel):
    """A periodic evaluation of a plan (应急预案评估) and the revision it led to."""

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="evaluations", verbose_name=_("plan")
    )
    evaluated_on = models.DateField(_("evaluated on"))
    result = models.CharField(_("result"), max_length=20, choices=EvaluationResult.choices)
    findings = models.TextField(_("findings"), blank=True)
    revision = models.TextField(_("revision made"), blank=True)
    new_version = models.CharField(_("new version"), max_length=20, blank=True)
    evaluated_by = _user_fk(_("recorded by"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("plan evaluation")
        verbose_name_plural = _("plan evaluations")
        ordering = ["-evaluated_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.plan.code} {self.evaluated_on:%Y-%m-%d}"


class TeamKind(models.TextChoices):
    FULL_TIME = "full_time", _("Full-time")
    PART_TIME = "part_time", _("Part-time")
    AGREEMENT = "agreement", _("By agreement")


class Team(BaseModel):
    """A rescue team: full-time, part-time, or an outside team under an agreement."""

    name = models.CharField(_("name"), max_length=100)
    kind = models.CharField(_("kind"), max_length=20, choices=TeamKind.choices)
    department = models.ForeignKey(
        Department, on_delete=models.PROTECT, related_name="+", verbose_name=_("department")
    )
    leader = models.CharField(_("team leader"), max_length=50, blank=True)
    phone = models.CharField(_("duty phone"), max_length=50, blank=True)
    agreement_party = models.CharField(_("agreement with"), max_length=200, blank=True)
    agreement_until = models.DateField(_("agreement valid until"), null=True, blank=True)
    duties = models.TextField(_("duties"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("rescue team")
        verbose_name_plural = _("rescue teams")
        ordering = ["kind", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("emergency:team_detail", args=[self.pk])


class TeamMember(BaseModel):
    team = models.ForeignKey(
        Team, on_delete=models.CASCADE, related_name="members", verbose_name=_("team")
    )
    name = models.CharField(_("name"), max_length=50)
    role = models.CharField(_("role in the team"), max_length=50, blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    user = _user_fk(_("user account"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("team member")
        verbose_name_plural = _("team members")
        ordering = ["team", "pk"]

    def __str__(self) -> str:
        return self.name


class SupplyKind(models.TextChoices):
    PROTECTIVE = "protective", _("Personal protective equipment")
    FIRE = "fire", _("Fire fighting")
    RESCUE = "rescue", _("Rescue equipment")
    MEDICAL = "medical", _("Medical supplies")
    COMMUNICATION = "communication", _("Communication and lighting")
    OTHER = "other", _("Other")


class Supply(BaseModel):
    """Emergency supplies and equipment kept at a location (应急物资装备)."""

    name = models.CharField(_("name"), max_length=100)
    kind = models.CharField(_("type"), max_length=20, choices=SupplyKind.choices)
    specification = models.CharField(_("specification"), max_length=100, blank=True)
    department = models.ForeignKey(
        Department, on_delete=models.PROTECT, related_name="+", verbose_name=_("department")
    )
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
    # The expiry date and the check due date a reminder was raised for: each once per date.
    expiry_reminded_for = models.DateField(null=True, blank=True, editable=False)
    check_reminded_for = models.DateField(null=True, blank=True, editable=False)
    history = HistoricalRecords(excluded_fields=["expiry_reminded_for", "check_reminded_for"])

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
    supply = models.ForeignKey(
        Supply, on_delete=models.CASCADE, related_name="checks", verbose_name=_("supply")
    )
    checked_on = models.DateField(_("checked on"))
    quantity_found = models.PositiveIntegerField(_("quantity found"))
    in_good_order = models.BooleanField(_("in good order"), default=True)
    note = models.TextField(_("note"), blank=True)
    checked_by = _user_fk(_("checked by"))

    class Meta:
        verbose_name = _("supply check")
        verbose_name_plural = _("supply checks")
        ordering = ["-checked_on", "-pk"]


class DrillPlanStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for approval")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class DrillKind(models.TextChoices):
    TABLETOP = "tabletop", _("Tabletop")
    FUNCTIONAL = "functional", _("Functional")
    FULL_SCALE = "full_scale", _("Full-scale")


class DrillPlan(BaseModel):
    """A department's yearly drill plan (年度应急演练计划), approved by sign-off."""

    department = models.ForeignKey(
        Department, on_delete=models.PROTECT, related_name="+", verbose_name=_("department")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    title = models.CharField(_("title"), max_length=200)
    note = models.TextField(_("note"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=DrillPlanStatus.choices, default=DrillPlanStatus.DRAFT
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
    created_by = _user_fk(_("created by"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("yearly drill plan")
        verbose_name_plural = _("yearly drill plans")
        ordering = ["-year", "department__path"]
        constraints = [
            models.UniqueConstraint(
                fields=["department", "year"], name="emergency_drill_plan_unique"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("emergency:drillplan_detail", args=[self.pk])

    @property
    def is_editable(self) -> bool:
        return self.status in (DrillPlanStatus.DRAFT, DrillPlanStatus.REJECTED)


class DrillPlanItem(BaseModel):
    drill_plan = models.ForeignKey(
        DrillPlan, on_delete=models.CASCADE, related_name="items", verbose_name=_("drill plan")
    )
    plan = models.ForeignKey(
        Plan, on_delete=models.PROTECT, related_name="+", verbose_name=_("emergency plan")
    )
    month = models.PositiveSmallIntegerField(
        _("month"), validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    kind = models.CharField(_("drill kind"), max_length=20, choices=DrillKind.choices)
    scenario = models.CharField(_("scenario"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("planned drill")
        verbose_name_plural = _("planned drills")
        ordering = ["month", "pk"]

    def __str__(self) -> str:
        return f"{self.month:02d} {self.plan.code}"


class Drill(BaseModel):
    """A drill held (应急演练记录), with its evaluation (演练评估)."""

    plan = models.ForeignKey(
        Plan, on_delete=models.PROTECT, related_name="drills", verbose_name=_("plan drilled")
    )
    department = models.ForeignKey(
        Department, on_delete=models.PROTECT, related_name="+", verbose_name=_("department")
    )
    scenario = models.CharField(_("scenario"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=DrillKind.choices)
    held_on = models.DateField(_("held on"))
    duration_minutes = models.PositiveIntegerField(_("duration (minutes)"))
    participant_count = models.PositiveIntegerField(_("number of participants"))
    participants = models.TextField(_("participants"), blank=True)
    # The plan's drill due date when this drill was held: on time when held by then.
    due_on = models.DateField(_("due by"), null=True, blank=True, editable=False)
    recorded_by = _user_fk(_("recorded by"))
    evaluated_on = models.DateField(_("evaluated on"), null=True, blank=True)
    worked_well = models.TextField(_("what worked"), blank=True)
    problems_found = models.TextField(_("problems found"), blank=True)
    conclusion = models.TextField(_("conclusion"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("drill")
        verbose_name_plural = _("drills")
        ordering = ["-held_on", "-pk"]
        # The register and the evidence read drills by date.
        indexes = [models.Index(fields=["held_on"])]

    def __str__(self) -> str:
        return f"{self.held_on:%Y-%m-%d} {self.scenario}"

    def get_absolute_url(self) -> str:
        return reverse("emergency:drill_detail", args=[self.pk])

    @property
    def is_evaluated(self) -> bool:
        return self.evaluated_on is not None

    @property
    def on_time(self) -> bool | None:
        return None if self.due_on is None else self.held_on <= self.due_on


class Improvement(BaseModel):
    """A problem found in a drill, raised as a task for the department that owns it."""

    drill = models.ForeignKey(
        Drill, on_delete=models.CASCADE, related_name="improvements", verbose_name=_("drill")
    )
    description = models.TextField(_("problem"))
    department = models.ForeignKey(
        Department, on_delete=models.PROTECT, related_name="+", verbose_name=_("department")
    )
    due_date = models.DateField(_("due date"))
    task = models.OneToOneField(
        Task,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("task"),
    )

    class Meta:
        verbose_name = _("improvement")
        verbose_name_plural = _("improvements")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.description[:50]

    def get_absolute_url(self) -> str:
        return reverse("emergency:drill_detail", args=[self.drill_id])
