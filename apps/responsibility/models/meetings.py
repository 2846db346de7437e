"""Safety meetings: how often each level meets, the meetings with their minutes and their
decisions."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from apps.core.models import AuditedModel, BaseModel, Frequency, Titled, link
from apps.org.models import Department, Employee
from apps.workflow.models import Task

# How often meetings are held: the longer of the shared frequencies.
MEETING_FREQUENCIES = [
    (value, label)
    for value, label in Frequency.choices
    if value in (Frequency.MONTHLY, Frequency.QUARTERLY, Frequency.HALF_YEARLY, Frequency.YEARLY)
]


class MeetingLevel(models.TextChoices):
    COMPANY = "company", _("Company safety meeting")
    DEPARTMENT = "department", _("Department safety meeting")


class MeetingSettings(AuditedModel):
    """How often each level must meet (element 2: company quarterly, department monthly)."""

    company_frequency = models.CharField(
        _("company meetings"), max_length=20, choices=MEETING_FREQUENCIES, default=Frequency.QUARTERLY
    )
    department_frequency = models.CharField(
        _("department meetings"), max_length=20, choices=MEETING_FREQUENCIES, default=Frequency.MONTHLY
    )

    class Meta:
        verbose_name = _("meeting settings")
        verbose_name_plural = _("meeting settings")

    def __str__(self) -> str:
        return str(_("meeting settings"))

    def frequency(self, level: str) -> str:
        return self.company_frequency if level == MeetingLevel.COMPANY else self.department_frequency


class Meeting(Titled, AuditedModel):
    level = models.CharField(_("level"), max_length=20, choices=MeetingLevel.choices)
    department = link(Department, _("unit"), related_name="+")
    title = models.CharField(_("title"), max_length=200)
    scheduled_on = models.DateField(_("scheduled for"))
    held_on = models.DateField(_("held on"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    chair = link(Employee, _("chaired by"), optional=True, related_name="+")
    attendees = models.ManyToManyField(Employee, blank=True, related_name="+", verbose_name=_("attendees"))
    minutes = models.TextField(_("minutes"), blank=True)

    class Meta:
        verbose_name = _("safety meeting")
        verbose_name_plural = _("safety meetings")
        ordering = ["-scheduled_on", "-pk"]
        indexes = [models.Index(fields=["level", "held_on"])]


class MeetingDecision(BaseModel):
    """A decision of a meeting; each becomes a workflow Task for its department."""

    meeting = link(Meeting, _("meeting"), on_delete=models.CASCADE, related_name="decisions")
    text = models.CharField(_("decision"), max_length=300)
    department = link(Department, _("department"), related_name="+")
    due_date = models.DateField(_("due date"))
    task = link(Task, _("task"), on_delete=models.SET_NULL, optional=True, related_name="+")

    class Meta:
        verbose_name = _("meeting decision")
        verbose_name_plural = _("meeting decisions")
        ordering = ["meeting", "pk"]

    def __str__(self) -> str:
        return self.text
