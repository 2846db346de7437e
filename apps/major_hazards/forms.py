from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from apps.core.forms import date_input
from apps.major_hazards.models import (
    CheckResult,
    InventoryItem,
    MonitoringMeasure,
    RegisterEntry,
    SafetyAssessment,
    Unit,
)
from apps.major_hazards.services import (
    ASSESSMENT_FIELDS,
    INVENTORY_FIELDS,
    MEASURE_FIELDS,
    REGISTER_FIELDS,
    UNIT_FIELDS,
)
from apps.org.forms import department_label
from apps.org.models import Department
from apps.workflow.forms import MultipleFileField


def _person(user) -> str:
    return user.first_name or user.username


class UnitForm(forms.ModelForm):
    class Meta:
        model = Unit
        fields = [*UNIT_FIELDS]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = Department.objects.filter(is_active=True).order_by("path")
        self.fields["department"].label_from_instance = department_label
        people = get_user_model().objects.filter(is_active=True).order_by("username")
        for name in ("responsible", "technical_responsible", "operational_responsible"):
            self.fields[name].queryset = people
            self.fields[name].label_from_instance = _person


class InventoryItemForm(forms.ModelForm):
    class Meta:
        model = InventoryItem
        fields = [*INVENTORY_FIELDS]
        help_texts = {
            "categories": _(
                "Codes of GB 18218-2018 table 2, e.g. W2,J3. A chemical not in table 1 takes the "
                "smallest critical quantity of its categories; for a substance of table 1 they "
                "set β (table 4, the largest of them) and are required unless table 3 names the "
                "gas."
            ),
            "substance": _(
                "A substance named in GB 18218-2018 table 1; leave blank for another "
                "chemical and give its name and hazard categories."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["substance"].label_from_instance = lambda s: f"{s.name}（{s.aliases}）" if s.aliases else s.name


class RegisterEntryForm(forms.ModelForm):
    files = MultipleFileField(label=_("Filing certificate"), required=False)

    class Meta:
        model = RegisterEntry
        fields = [*REGISTER_FIELDS]
        widgets = {"filed_on": date_input()}


class AssessmentForm(forms.ModelForm):
    files = MultipleFileField(label=_("Assessment report"), required=False)

    class Meta:
        model = SafetyAssessment
        fields = [*ASSESSMENT_FIELDS]
        widgets = {"assessed_on": date_input(), "next_due": date_input()}
        help_texts = {"next_due": _("Blank: 3 years after the assessment.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["next_due"].required = False


class MeasureForm(forms.ModelForm):
    class Meta:
        model = MonitoringMeasure
        fields = [*MEASURE_FIELDS]


class MeasureCheckForm(forms.Form):
    checked_on = forms.DateField(label=_("Checked on"), widget=date_input())
    check_result = forms.ChoiceField(label=_("Result"), choices=CheckResult.choices)
    findings = forms.CharField(label=_("Findings"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
