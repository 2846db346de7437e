from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from apps.core.forms import date_input
from apps.equipment.models import (
    Equipment,
    EquipmentStatus,
    MaintenancePlan,
    Project,
    RecordKind,
    RecordResult,
    SafetyDevice,
)
from apps.equipment.services.ledger import DEVICE_FIELDS, EQUIPMENT_FIELDS
from apps.equipment.services.plans import MAINTENANCE_PLAN_FIELDS
from apps.equipment.services.projects import PROJECT_FIELDS
from apps.org.forms import DepartmentScopedForm
from apps.workflow.forms import MultipleFileField


class EquipmentForm(DepartmentScopedForm):
    class Meta:
        model = Equipment
        fields = [*EQUIPMENT_FIELDS]
        widgets = {
            "commissioned_on": date_input(),
            "last_inspected_on": date_input(),
            "next_inspection_due": date_input(),
        }
        help_texts = {
            "inspection_interval_months": _("Blank: the statutory interval of the type."),
            "next_inspection_due": _("Blank: computed from the last inspection and the interval."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Scrapping goes through an approval, never through this form.
        self.fields["status"].choices = [c for c in EquipmentStatus.choices if c[0] != EquipmentStatus.SCRAPPED]


class DeviceForm(DepartmentScopedForm):
    class Meta:
        model = SafetyDevice
        fields = [*DEVICE_FIELDS]
        widgets = {"last_checked_on": date_input(), "next_due": date_input()}


class DeviceCheckForm(forms.Form):
    checked_on = forms.DateField(label=_("Calibrated or tested on"), widget=date_input())


class PlanForm(forms.ModelForm):
    class Meta:
        model = MaintenancePlan
        fields = [*MAINTENANCE_PLAN_FIELDS]
        widgets = {"next_due": date_input()}

    def __init__(self, *args, equipment_qs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["equipment"].queryset = equipment_qs


class ProjectForm(DepartmentScopedForm):
    files = MultipleFileField(label=_("Documents"), required=False)

    class Meta:
        model = Project
        fields = [*PROJECT_FIELDS]
        widgets = {f: date_input() for f in ("designed_on", "built_on", "commissioned_on", "accepted_on")}


class RecordForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=RecordKind.choices)
    performed_on = forms.DateField(label=_("Performed on"), widget=date_input())
    result = forms.ChoiceField(label=_("Result"), choices=RecordResult.choices, widget=forms.RadioSelect)
    findings = forms.CharField(label=_("Findings"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
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
    plan = forms.ModelChoiceField(label=_("Plan"), queryset=MaintenancePlan.objects.none(), required=False)
    files = MultipleFileField(label=_("Attachments"), required=False)

    def __init__(self, *args, equipment, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plan"].queryset = MaintenancePlan.objects.filter(equipment=equipment)


class ScrapForm(forms.Form):
    reason = forms.CharField(label=_("Reason for scrapping"), widget=forms.Textarea(attrs={"rows": 3}))
