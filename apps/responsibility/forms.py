from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.core.forms import date_input
from apps.org.models import Department, Employee
from apps.responsibility.models import (
    AppointmentDocument,
    DutyDocument,
    LetterTemplate,
    Meeting,
    MeetingSettings,
    Objective,
    ReviewResult,
    SafetyBody,
)
from apps.responsibility.services.letters import TEMPLATE_FIELDS
from apps.responsibility.services.meetings import MEETING_FIELDS
from apps.responsibility.services.objectives import OBJECTIVE_FIELDS
from apps.responsibility.services.organisation import BODY_FIELDS, DOCUMENT_FIELDS


class ObjectiveForm(forms.ModelForm):
    """The live indicator is chosen from what the apps measure today; empty means by hand."""

    def __init__(self, *args, **kwargs):
        from apps.scoring.registry import indicators

        super().__init__(*args, **kwargs)
        live = indicators(timezone.localdate())
        choices = [("", _("— entered by hand —"))] + [
            (key, f"{indicator.label} ({key})")
            for key, indicator in sorted(live.items())
            if indicator.unit == "%" or isinstance(indicator.value, int | float) or indicator.value is None
        ]
        current = self.instance.indicator_key if self.instance else ""
        if current and current not in live:
            choices.append((current, current))
        self.fields["indicator_key"] = forms.ChoiceField(
            label=_("live indicator"),
            choices=choices,
            required=False,
            help_text=_("Where an app measures this objective its actual value is read live."),
        )

    class Meta:
        model = Objective
        fields = [*OBJECTIVE_FIELDS]


class TargetForm(forms.Form):
    department = forms.ModelChoiceField(Department.objects.filter(is_active=True), label=_("department"))
    target = forms.DecimalField(label=_("target"), max_digits=14, decimal_places=2)
    actual = forms.DecimalField(label=_("actual"), max_digits=14, decimal_places=2, required=False)


class AssessmentForm(forms.Form):
    department = forms.ModelChoiceField(Department.objects.filter(is_active=True), label=_("department"))
    comment = forms.CharField(label=_("assessment"), widget=forms.Textarea, required=False)


class DutyForm(forms.ModelForm):
    class Meta:
        model = DutyDocument
        fields = ["scope", "department", "position", "title", "content", "effective_on"]
        widgets = {"effective_on": date_input()}


class ReviewForm(forms.Form):
    year = forms.IntegerField(label=_("year"), min_value=2000, max_value=2100)
    result = forms.ChoiceField(label=_("result"), choices=ReviewResult.choices)
    notes = forms.CharField(label=_("notes"), widget=forms.Textarea, required=False)


class TemplateForm(forms.ModelForm):
    class Meta:
        model = LetterTemplate
        fields = [*TEMPLATE_FIELDS]


class IssueForm(forms.Form):
    template = forms.ModelChoiceField(LetterTemplate.objects.filter(is_active=True), label=_("template"))
    year = forms.IntegerField(label=_("year"), min_value=2000, max_value=2100)
    sign_by = forms.DateField(label=_("sign by"), widget=date_input())


class SignForm(forms.Form):
    scan = forms.FileField(label=_("scanned paper copy"), required=False)


class DocumentForm(forms.ModelForm):
    class Meta:
        model = AppointmentDocument
        fields = [*DOCUMENT_FIELDS]
        widgets = {"issued_on": date_input()}


class BodyForm(forms.ModelForm):
    class Meta:
        model = SafetyBody
        fields = [*BODY_FIELDS]


class MemberForm(forms.Form):
    employee = forms.ModelChoiceField(Employee.objects.filter(is_active=True), label=_("employee"))
    role = forms.ChoiceField(label=_("role"), choices=SafetyBody._meta.get_field("kind").choices)

    def __init__(self, *args, **kwargs):
        from apps.responsibility.models import MemberRole

        super().__init__(*args, **kwargs)
        self.fields["role"].choices = MemberRole.choices


class MeetingForm(forms.ModelForm):
    attendees = forms.ModelMultipleChoiceField(
        Employee.objects.filter(is_active=True), required=False, label=_("attendees")
    )

    class Meta:
        model = Meeting
        fields = [*MEETING_FIELDS]
        widgets = {"scheduled_on": date_input(), "held_on": date_input()}


class DecisionForm(forms.Form):
    text = forms.CharField(label=_("decision"), max_length=300)
    department = forms.ModelChoiceField(Department.objects.filter(is_active=True), label=_("department"))
    due_date = forms.DateField(label=_("due date"), widget=date_input())


class SettingsForm(forms.ModelForm):
    class Meta:
        model = MeetingSettings
        fields = ["company_frequency", "department_frequency"]
