from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from apps.accidents.models import Accident, AccidentMeasureKind, AccidentType, Lesson, Severity
from apps.accidents.services.investigation import INVESTIGATION_FIELDS
from apps.accidents.services.reports import REPORT_FIELDS
from apps.core.forms import date_input, datetime_input
from apps.org.forms import department_label
from apps.org.models import Department, Employee
from apps.org.policy import department_choices
from apps.workflow.forms import MultipleFileField


def _department_field(field):
    field.label_from_instance = department_label


class AccidentForm(forms.ModelForm):
    files = MultipleFileField(label=_("Photos"), required=False)

    class Meta:
        model = Accident
        fields = [*REPORT_FIELDS]
        widgets = {
            "occurred_at": datetime_input(),
            "head_told_at": datetime_input(),
            "authority_told_at": datetime_input(),
            "account": forms.Textarea(attrs={"rows": 4}),
            "immediate_measures": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = department_choices(user)
        _department_field(self.fields["department"])
        self.fields["accident_type"].queryset = AccidentType.objects.all()
        self.fields["accident_type"].label_from_instance = lambda t: f"{t.get_edition_display()} · {t.code} {t.name}"
        self.fields["accident_type"].help_text = _(
            "GB 6441-2025 types for accidents from 2026-07-01, the 1986 classes before."
        )
        for name in ("occurred_at", "head_told_at", "authority_told_at"):
            self.fields[name].input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]
        if self.instance.pk:
            # Once reported, casualties change through dated updates only.
            for name in ("deaths", "serious_injuries", "minor_injuries"):
                del self.fields[name]


class ReportTimesForm(forms.Form):
    head_told_at = forms.DateTimeField(
        label=_("Company head told at"), required=False, widget=datetime_input(), input_formats=["%Y-%m-%dT%H:%M"]
    )
    authority_told_at = forms.DateTimeField(
        label=_("Authority told at"), required=False, widget=datetime_input(), input_formats=["%Y-%m-%dT%H:%M"]
    )


class PersonForm(forms.Form):
    employee = forms.ModelChoiceField(Employee.objects.filter(is_active=True), required=False, label=_("Employee"))
    name = forms.CharField(label=_("Name"), max_length=50, required=False, help_text=_("Blank: the employee's name."))
    severity = forms.ChoiceField(label=_("Injury"), choices=Severity.choices)
    lost_workdays = forms.IntegerField(label=_("Lost workdays"), min_value=0, initial=0)
    note = forms.CharField(label=_("Note"), max_length=200, required=False)

    def clean(self):
        data = super().clean()
        if not data.get("employee") and not data.get("name"):
            self.add_error("name", _("Choose an employee or give a name."))
        return data


class CasualtyUpdateForm(forms.Form):
    reported_on = forms.DateField(label=_("Reported on"), widget=date_input())
    deaths = forms.IntegerField(label=_("Deaths"), min_value=0)
    serious_injuries = forms.IntegerField(label=_("Serious injuries"), min_value=0)
    minor_injuries = forms.IntegerField(label=_("Minor injuries"), min_value=0)
    note = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 2}), required=False)


class InvestigationForm(forms.ModelForm):
    class Meta:
        model = Accident
        fields = [*INVESTIGATION_FIELDS]
        widgets = {
            "report_submitted_on": date_input(),
            **{
                name: forms.Textarea(attrs={"rows": 2})
                for name in (
                    "investigation_team",
                    "direct_causes",
                    "indirect_causes",
                    "responsibility_findings",
                    "handling_opinions",
                    "extension_reason",
                )
            },
        }


class MeasureForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=AccidentMeasureKind.choices)
    title = forms.CharField(label=_("Measure"), max_length=150)
    department = forms.ModelChoiceField(
        Department.objects.filter(is_active=True).order_by("path"), label=_("Responsible department")
    )
    due_date = forms.DateField(label=_("Due date"), widget=date_input())
    description = forms.CharField(label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _department_field(self.fields["department"])


class LessonForm(forms.ModelForm):
    class Meta:
        model = Lesson
        fields = ["accident", "title", "held_on", "departments", "attendees", "content"]
        widgets = {"held_on": date_input(), "content": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, accidents, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["accident"].queryset = accidents
        self.fields["departments"].queryset = Department.objects.filter(is_active=True).order_by("path")
        _department_field(self.fields["departments"])
        self.fields["attendees"].queryset = Employee.objects.filter(is_active=True).order_by(
            "department__path", "employee_no"
        )


class ManHoursForm(forms.Form):
    department = forms.ModelChoiceField(
        Department.objects.filter(is_active=True).order_by("path"), label=_("Department")
    )
    month = forms.DateField(
        label=_("Month"), widget=forms.DateInput(attrs={"type": "month"}), input_formats=["%Y-%m", "%Y-%m-%d"]
    )
    hours = forms.DecimalField(label=_("Hours worked"), min_value=0, max_digits=12, decimal_places=1)
    headcount = forms.IntegerField(label=_("Staff"), min_value=0, initial=0)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _department_field(self.fields["department"])
