from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from apps.core.models import BaseModel
from apps.org.models import Department, Employee, Position
from apps.workflow.models import Task


# ------------------------------------------------------------------------------
# Element 1: yearly objectives
# ------------------------------------------------------------------------------
class Direction(models.TextChoices):
    AT_MOST = "at_most", _("At most the target")
    AT_LEAST = "at_least", _("At least the target")


class Objective(BaseModel):
    """One yearly safety objective of the company (deaths ≤ 0, rectification rate ≥ 100 %…)."""

    year = models.PositiveSmallIntegerField(_("year"))
    name = models.CharField(_("objective"), max_length=100)
    indicator_key = models.CharField(
        _("live indicator"),
        max_length=100,
        blank=True,
        help_text=_(
            "Key of an evidence indicator giving the actual value; empty: entered by hand."
        ),
    )
    direction = models.CharField(
        _("direction"), max_length=10, choices=Direction.choices, default=Direction.AT_MOST
    )
    target = models.DecimalField(_("target"), max_digits=14, decimal_places=2)
    unit = models.CharField(_("unit"), max_length=20, blank=True)
    manual_actual = models.DecimalField(
        _("actual (entered)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("safety objective")
        verbose_name_plural = _("safety objectives")
        ordering = ["year", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["year", "name"], name="resp_objective_year_name")
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.name}"


def is_met(direction: str, target, actual) -> bool | None:
    if actual is None or target is None:
        return None
    actual, target = Decimal(str(actual)), Decimal(str(target))
    return actual <= target if direction == Direction.AT_MOST else actual >= target


class DepartmentTarget(BaseModel):
    """An objective split to a department, workshop or team."""

    objective = models.ForeignKey(
        Objective, on_delete=models.CASCADE, related_name="targets", verbose_name=_("objective")
    )
    department = models.ForeignKey(
        Department, on_delete=models.PROTECT, related_name="+", verbose_name=_("department")
    )
    target = models.DecimalField(_("target"), max_digits=14, decimal_places=2)
    actual = models.DecimalField(
        _("actual"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("department target")
        verbose_name_plural = _("department targets")
        ordering = ["objective", "department__path"]
        constraints = [
            models.UniqueConstraint(
                fields=["objective", "department"], name="resp_target_objective_department"
            )
        ]

    def __str__(self) -> str:
        return f"{self.objective} · {self.department}"

    @property
    def met(self) -> bool | None:
        return is_met(self.objective.direction, self.target, self.actual)


class AssessmentStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Waiting for approval")
    APPROVED = "approved", _("Approved")


class DepartmentAssessment(BaseModel):
    """The year-end assessment of one department against its targets, approved by sign-off."""

    year = models.PositiveSmallIntegerField(_("year"))
    department = models.ForeignKey(
        Department, on_delete=models.PROTECT, related_name="+", verbose_name=_("department")
    )
    targets_met = models.PositiveSmallIntegerField(_("targets met"), default=0)
    targets_total = models.PositiveSmallIntegerField(_("targets"), default=0)
    passed = models.BooleanField(_("passed"), default=False)
    comment = models.TextField(_("assessment"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=AssessmentStatus.choices, default=AssessmentStatus.DRAFT
    )
    approval_task = models.ForeignKey(
        Task,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("approval"),
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("department assessment")
        verbose_name_plural = _("department assessments")
        ordering = ["year", "department__path"]
        constraints = [
            models.UniqueConstraint(
                fields=["year", "department"], name="resp_assessment_year_department"
            )
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.department}"


# ------------------------------------------------------------------------------
# Element 2: duty system
# ------------------------------------------------------------------------------
class DutyScope(models.TextChoices):
    DEPARTMENT = "department", _("Department")
    POSITION = "position", _("Position")


class DutyDocument(BaseModel):
    """The safety duties of a department or a position; a revision is a new version."""

    scope = models.CharField(_("for"), max_length=20, choices=DutyScope.choices)
    department = models.ForeignKey(
        Department,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("department"),
    )
    position = models.ForeignKey(
        Position,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("position"),
    )
    title = models.CharField(_("title"), max_length=200)
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    content = models.TextField(_("duties"))
    effective_on = models.DateField(_("effective from"), default=timezone.localdate)
    is_current = models.BooleanField(_("current"), default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("duty document")
        verbose_name_plural = _("duty documents")
        ordering = ["scope", "title", "-version"]

    def __str__(self) -> str:
        return f"{self.title} v{self.version}"


class ReviewResult(models.TextChoices):
    ADEQUATE = "adequate", _("Adequate, kept")
    REVISE = "revise", _("Needs revision")


class DutyReview(BaseModel):
    document = models.ForeignKey(
        DutyDocument, on_delete=models.PROTECT, related_name="reviews", verbose_name=_("duties")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    reviewed_on = models.DateField(_("reviewed on"), default=timezone.localdate)
    result = models.CharField(_("result"), max_length=20, choices=ReviewResult.choices)
    notes = models.TextField(_("notes"), blank=True)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("duty review")
        verbose_name_plural = _("duty reviews")
        ordering = ["-year", "document"]
        constraints = [
            models.UniqueConstraint(fields=["document", "year"], name="resp_review_document_year")
        ]

    def __str__(self) -> str:
        return f"{self.document} {self.year}"


# ------------------------------------------------------------------------------
# Responsibility letters (安全目标责任书)
# ------------------------------------------------------------------------------
class LetterLevel(models.TextChoices):
    COMPANY = "company", _("Company head ↔ deputies and department heads")
    DEPARTMENT = "department", _("Department head ↔ team leaders")
    TEAM = "team", _("Team leader ↔ staff")


class LetterTemplate(BaseModel):
    level = models.CharField(_("level"), max_length=20, choices=LetterLevel.choices)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"))
    is_active = models.BooleanField(_("active"), default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("letter template")
        verbose_name_plural = _("letter templates")
        ordering = ["level", "title"]

    def __str__(self) -> str:
        return self.title


class LetterStatus(models.TextChoices):
    ISSUED = "issued", _("Not signed")
    PARTLY = "partly", _("Signed by one side")
    SIGNED = "signed", _("Signed by both sides")


class ResponsibilityLetter(BaseModel):
    """One letter for one year between a superior (issuer) and the holder. Its text is a copy
    of the template at issue time; once anyone has signed, it never changes."""

    year = models.PositiveSmallIntegerField(_("year"))
    level = models.CharField(_("level"), max_length=20, choices=LetterLevel.choices)
    template = models.ForeignKey(
        LetterTemplate, on_delete=models.PROTECT, related_name="+", verbose_name=_("template")
    )
    department = models.ForeignKey(
        Department, on_delete=models.PROTECT, related_name="+", verbose_name=_("department")
    )
    issuer = models.ForeignKey(
        Employee, on_delete=models.PROTECT, related_name="+", verbose_name=_("issued by")
    )
    holder = models.ForeignKey(
        Employee, on_delete=models.PROTECT, related_name="+", verbose_name=_("holder")
    )
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"))
    sign_by = models.DateField(_("sign by"))
    status = models.CharField(
        _("status"), max_length=20, choices=LetterStatus.choices, default=LetterStatus.ISSUED
    )
    last_reminded_on = models.DateField(_("last reminded on"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("responsibility letter")
        verbose_name_plural = _("responsibility letters")
        ordering = ["year", "department__path", "holder__employee_no"]
        constraints = [
            models.UniqueConstraint(
                fields=["year", "level", "holder"], name="resp_letter_year_level_holder"
            )
        ]
        indexes = [models.Index(fields=["year", "status"])]

    def __str__(self) -> str:
        return f"{self.year} {self.title} · {self.holder.name}"

    def save(self, *args, **kwargs):
        # What was signed stays as signed: the parties, the text and the year are frozen by the
        # first signature, whoever saves (service, admin or shell). Status may still move on.
        if self.pk and not self._state.adding and self.signatures.exists():
            stored = type(self).objects.filter(pk=self.pk).values(*SIGNED_FIELDS).first()
            if stored and any(stored[name] != getattr(self, name) for name in SIGNED_FIELDS):
                raise TypeError("A signed letter is never changed.")
        super().save(*args, **kwargs)


SIGNED_FIELDS = (
    "year",
    "level",
    "template_id",
    "department_id",
    "issuer_id",
    "holder_id",
    "title",
    "body",
    "sign_by",
)


class LetterSide(models.TextChoices):
    ISSUER = "issuer", _("Issuer")
    HOLDER = "holder", pgettext_lazy("letter", "Holder")


class SignatureQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise TypeError("A letter signature is never changed.")

    def delete(self):
        raise TypeError("A letter signature is never deleted.")


class LetterSignature(models.Model):
    """One side's signature on a letter. Immutable, like a workflow SignOff."""

    letter = models.ForeignKey(
        ResponsibilityLetter,
        on_delete=models.PROTECT,
        related_name="signatures",
        verbose_name=_("letter"),
    )
    side = models.CharField(_("side"), max_length=10, choices=LetterSide.choices)
    signer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("signed by"),
    )
    signed_at = models.DateTimeField(_("signed at"), default=timezone.now)

    objects = SignatureQuerySet.as_manager()

    class Meta:
        verbose_name = _("letter signature")
        verbose_name_plural = _("letter signatures")
        ordering = ["signed_at", "pk"]
        base_manager_name = "objects"
        constraints = [
            models.UniqueConstraint(fields=["letter", "side"], name="resp_signature_letter_side")
        ]

    def __str__(self) -> str:
        return f"{self.get_side_display()} · {self.letter_id}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise TypeError("A letter signature is never changed.")
        kwargs["force_insert"] = True
        kwargs.pop("force_update", None)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError("A letter signature is never deleted.")


# ------------------------------------------------------------------------------
# Safety organisation
# ------------------------------------------------------------------------------
class AppointmentDocument(BaseModel):
    """The company document (文件) that sets up the safety bodies and appoints the officers."""

    number = models.CharField(_("document number"), max_length=50, unique=True)
    title = models.CharField(_("title"), max_length=200)
    issued_on = models.DateField(_("issued on"))
    content = models.TextField(_("content"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("appointing document")
        verbose_name_plural = _("appointing documents")
        ordering = ["-issued_on", "number"]

    def __str__(self) -> str:
        return f"{self.number} {self.title}"


class BodyKind(models.TextChoices):
    COMMITTEE = "committee", _("Safety committee")
    OFFICE = "office", _("Safety office")


class SafetyBody(BaseModel):
    kind = models.CharField(_("kind"), max_length=20, choices=BodyKind.choices)
    name = models.CharField(_("name"), max_length=100)
    document = models.ForeignKey(
        AppointmentDocument,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="bodies",
        verbose_name=_("appointing document"),
    )
    duties = models.TextField(_("duties"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("safety body")
        verbose_name_plural = _("safety bodies")
        ordering = ["kind", "name"]

    def __str__(self) -> str:
        return self.name


class MemberRole(models.TextChoices):
    CHAIR = "chair", _("Chair")
    DEPUTY = "deputy", _("Deputy chair")
    MEMBER = "member", _("Member")
    SECRETARY = "secretary", _("Secretary")


class SafetyBodyMember(BaseModel):
    body = models.ForeignKey(
        SafetyBody, on_delete=models.CASCADE, related_name="members", verbose_name=_("body")
    )
    employee = models.ForeignKey(
        Employee, on_delete=models.PROTECT, related_name="+", verbose_name=_("employee")
    )
    role = models.CharField(
        _("role"), max_length=20, choices=MemberRole.choices, default=MemberRole.MEMBER
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("body member")
        verbose_name_plural = _("body members")
        ordering = ["body", "role", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["body", "employee"], name="resp_member_body_employee")
        ]

    def __str__(self) -> str:
        return f"{self.body} · {self.employee}"


# ------------------------------------------------------------------------------
# Safety meetings
# ------------------------------------------------------------------------------
class Frequency(models.TextChoices):
    MONTHLY = "monthly", _("Every month")
    QUARTERLY = "quarterly", _("Every quarter")
    HALF_YEARLY = "half_yearly", _("Every half year")
    YEARLY = "yearly", _("Every year")


class MeetingLevel(models.TextChoices):
    COMPANY = "company", _("Company safety meeting")
    DEPARTMENT = "department", _("Department safety meeting")


class MeetingSettings(BaseModel):
    """How often each level must meet (element 2: company quarterly, department monthly)."""

    company_frequency = models.CharField(
        _("company meetings"),
        max_length=20,
        choices=Frequency.choices,
        default=Frequency.QUARTERLY,
    )
    department_frequency = models.CharField(
        _("department meetings"),
        max_length=20,
        choices=Frequency.choices,
        default=Frequency.MONTHLY,
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("meeting settings")
        verbose_name_plural = _("meeting settings")

    def __str__(self) -> str:
        return str(_("meeting settings"))

    def frequency(self, level: str) -> str:
        return (
            self.company_frequency if level == MeetingLevel.COMPANY else self.department_frequency
        )


class Meeting(BaseModel):
    level = models.CharField(_("level"), max_length=20, choices=MeetingLevel.choices)
    department = models.ForeignKey(
        Department, on_delete=models.PROTECT, related_name="+", verbose_name=_("unit")
    )
    title = models.CharField(_("title"), max_length=200)
    scheduled_on = models.DateField(_("scheduled for"))
    held_on = models.DateField(_("held on"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    chair = models.ForeignKey(
        Employee,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("chaired by"),
    )
    attendees = models.ManyToManyField(
        Employee, blank=True, related_name="+", verbose_name=_("attendees")
    )
    minutes = models.TextField(_("minutes"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("safety meeting")
        verbose_name_plural = _("safety meetings")
        ordering = ["-scheduled_on", "-pk"]
        indexes = [models.Index(fields=["level", "held_on"])]

    def __str__(self) -> str:
        return self.title


class MeetingDecision(BaseModel):
    """A decision of a meeting; each becomes a workflow Task for its department."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="decisions", verbose_name=_("meeting")
    )
    text = models.CharField(_("decision"), max_length=300)
    department = models.ForeignKey(
        Department, on_delete=models.PROTECT, related_name="+", verbose_name=_("department")
    )
    due_date = models.DateField(_("due date"))
    task = models.ForeignKey(
        Task,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("task"),
    )

    class Meta:
        verbose_name = _("meeting decision")
        verbose_name_plural = _("meeting decisions")
        ordering = ["meeting", "pk"]

    def __str__(self) -> str:
        return self.text
