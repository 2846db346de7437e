from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.core.forms import date_input
from apps.hazards import risk
from apps.hazards.models import HazardCause, HazardGrade, InspectionKind, InspectionPlan, RectificationMeasureKind
from apps.org.forms import department_label
from apps.org.models import Department
from apps.org.policy import department_choices
from apps.workflow.forms import MultipleFileField, _user_label


def _departments():
    return Department.objects.filter(is_active=True).order_by("path")


def _scale(values):
    return [("", "—")] + [(str(v), str(v)) for v in values]


class DepartmentChoiceMixin:
    def _tree_labels(self):
        for name in ("department",):
            if name in self.fields:
                self.fields[name].label_from_instance = department_label


class ReportForm(DepartmentChoiceMixin, forms.Form):
    description = forms.CharField(label=_("What is wrong"), widget=forms.Textarea(attrs={"rows": 3}))
    location = forms.CharField(label=_("Place"), max_length=200)
    department = forms.ModelChoiceField(label=_("Department where it was found"), queryset=_departments())
    category = forms.ChoiceField(label=_("Category"), choices=HazardCause.choices)
    photos = MultipleFileField(label=_("Photos"), required=False)
    found_on = forms.DateField(label=_("Found on"), initial=timezone.localdate, widget=date_input())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._tree_labels()
        # On a phone the file input opens the camera.
        self.fields["photos"].widget.attrs.update({"accept": "image/*", "capture": "environment"})


class AssignForm(DepartmentChoiceMixin, forms.Form):
    department = forms.ModelChoiceField(label=_("Responsible department"), queryset=_departments())
    assignee = forms.ModelChoiceField(
        label=_("Person responsible"),
        required=False,
        queryset=get_user_model().objects.filter(is_active=True).select_related("employee").order_by("username"),
        help_text=_("Optional: otherwise the department's head organises the work."),
    )
    grade = forms.ChoiceField(label=_("Grade"), choices=HazardGrade.choices)
    deadline = forms.DateField(label=_("Deadline"), widget=date_input())
    risk_l = forms.ChoiceField(label=_("L (likelihood)"), choices=_scale(risk.L_VALUES), required=False)
    risk_e = forms.ChoiceField(label=_("E (exposure)"), choices=_scale(risk.E_VALUES), required=False)
    risk_c = forms.ChoiceField(label=_("C (consequence)"), choices=_scale(risk.C_VALUES), required=False)
    plan_goals = forms.CharField(label=_("goals and tasks"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    plan_methods = forms.CharField(
        label=_("methods and measures"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    plan_resources = forms.CharField(
        label=_("funds and materials"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    plan_organisation = forms.CharField(
        label=_("organisation and people"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    plan_requirements = forms.CharField(
        label=_("deadline and requirements"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    plan_safety_measures = forms.CharField(
        label=_("safety measures during rectification"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=_("Required for a major hazard."),
    )
    plan_emergency = forms.CharField(
        label=_("emergency plan"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=_("Required for a major hazard."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._tree_labels()
        self.fields["assignee"].label_from_instance = _user_label


class RectifyForm(forms.Form):
    measure_kinds = forms.MultipleChoiceField(
        label=_("Kinds of measure"), choices=RectificationMeasureKind.choices, widget=forms.CheckboxSelectMultiple
    )
    measures = forms.CharField(label=_("Measures taken"), widget=forms.Textarea(attrs={"rows": 3}))
    cost = forms.DecimalField(label=_("Cost (yuan)"), min_value=0, decimal_places=2, initial=0)
    rectified_on = forms.DateField(label=_("Rectified on"), initial=timezone.localdate, widget=date_input())
    photos = MultipleFileField(label=_("After-rectification photos"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["photos"].widget.attrs.update({"accept": "image/*", "capture": "environment"})


class VerifyForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        widget=forms.RadioSelect,
        choices=[("close", _("Accept and close")), ("reject", _("Send back"))],
    )
    reason = forms.CharField(label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class ChecklistForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=100)
    kind = forms.ChoiceField(label=_("Kind"), choices=InspectionKind.choices)
    items_text = forms.CharField(
        label=_("Check items"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("One per line: area｜check item｜basis (basis optional)."),
    )


class PlanForm(DepartmentChoiceMixin, forms.ModelForm):
    class Meta:
        model = InspectionPlan
        fields = ["name", "kind", "department", "checklist", "recurrence", "next_due", "is_active"]
        widgets = {"next_due": date_input()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = _departments()
        self._tree_labels()


class InspectionForm(DepartmentChoiceMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=InspectionKind.choices)
    department = forms.ModelChoiceField(label=_("Department"), queryset=_departments())
    location = forms.CharField(label=_("Place"), max_length=200)
    inspected_on = forms.DateField(label=_("Inspected on"), initial=timezone.localdate, widget=date_input())
    notes = forms.CharField(label=_("notes"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    photos = MultipleFileField(label=_("Photos"), required=False)

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if user is not None:  # the departments this person inspects (heads: their own)
            self.fields["department"].queryset = department_choices(user)
        self._tree_labels()
        self.fields["photos"].widget.attrs.update({"accept": "image/*", "capture": "environment"})
