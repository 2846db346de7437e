from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from apps.equipment.models import (
    Equipment,
    EquipmentStatus,
    MaintenancePlan,
    Project,
    RecordKind,
    RecordResult,
    SafetyDevice,
)
from apps.org.policy import department_choices
from apps.workflow.forms import MultipleFileField


def _date():
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class _DepartmentScopedForm(forms.ModelForm):
    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        if "department" in self.fields:
            self.fields["department"].queryset = department_choices(user)
            self.fields["department"].label_from_instance = lambda d: "— " * d.depth + d.name


class EquipmentForm(_DepartmentScopedForm):
    class Meta:
        model = Equipment
        fields = [
            "code",
            "name",
            "category",
            "special_type",
            "model_number",
            "maker",
            "serial_number",
            "location",
            "department",
            "owner",
            "commissioned_on",
            "registration_number",
            "status",
            "inspection_interval_months",
            "last_inspected_on",
            "next_inspection_due",
        ]
        widgets = {
            "commissioned_on": _date(),
            "last_inspected_on": _date(),
            "next_inspection_due": _date(),
        }
        help_texts = {
            "inspection_interval_months": _("Blank: the statutory interval of the type."),
            "next_inspection_due": _("Blank: computed from the last inspection and the interval."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Scrapping goes through an approval, never through this form.
        self.fields["status"].choices = [
            c for c in EquipmentStatus.choices if c[0] != EquipmentStatus.SCRAPPED
        ]


class DeviceForm(_DepartmentScopedForm):
    class Meta:
        model = SafetyDevice
        fields = [
            "code",
            "name",
            "kind",
            "equipment",
            "department",
            "location",
            "cycle_months",
            "last_checked_on",
            "next_due",
            "is_active",
        ]
        widgets = {"last_checked_on": _date(), "next_due": _date()}


class DeviceCheckForm(forms.Form):
    checked_on = forms.DateField(label=_("Calibrated or tested on"), widget=_date())


class PlanForm(forms.ModelForm):
    class Meta:
        model = MaintenancePlan
        fields = ["equipment", "kind", "title", "recurrence", "next_due", "is_active"]
        widgets = {"next_due": _date()}

    def __init__(self, *args, equipment_qs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["equipment"].queryset = equipment_qs


class ProjectForm(_DepartmentScopedForm):
    files = MultipleFileField(label=_("Documents"), required=False)

    class Meta:
        model = Project
        fields = [
            "name",
            "kind",
            "department",
            "safety_facilities",
            "designed_on",
            "built_on",
            "commissioned_on",
            "accepted_on",
            "notes",
        ]
        widgets = {
            f: _date() for f in ("designed_on", "built_on", "commissioned_on", "accepted_on")
        }


class RecordForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=RecordKind.choices)
    performed_on = forms.DateField(label=_("Performed on"), widget=_date())
    result = forms.ChoiceField(
        label=_("Result"), choices=RecordResult.choices, widget=forms.RadioSelect
    )
    findings = forms.CharField(
        label=_("Findings"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    work_plan = forms.CharField(
        label=_("Written work plan"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required before maintenance or repair starts."),
    )
    hazard_controls = forms.CharField(
        label=_("Hazard controls"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Isolation, lock-out, gas testing, guarding: what keeps the work safe."),
    )
    raise_hazard = forms.BooleanField(label=_("Failed: report it as a hazard"), required=False)
    plan = forms.ModelChoiceField(
        label=_("Plan"), queryset=MaintenancePlan.objects.none(), required=False
    )
    files = MultipleFileField(label=_("Attachments"), required=False)

    def __init__(self, *args, equipment, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plan"].queryset = MaintenancePlan.objects.filter(equipment=equipment)


class ScrapForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for scrapping"), widget=forms.Textarea(attrs={"rows": 3})
    )
