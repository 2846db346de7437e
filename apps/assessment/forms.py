from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.assessment.models import Assessment, AssessmentKind
from apps.core.forms import date_input
from apps.org.models import Department, Employee
from apps.scoring.models import Standard


class AssessmentForm(forms.ModelForm):
    class Meta:
        model = Assessment
        fields = ["standard", "year", "kind", "leader", "team", "fatality_limit", "method"]
        widgets = {"team": forms.SelectMultiple(attrs={"size": 8}), "method": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["standard"].queryset = Standard.objects.filter(is_active=True)
        people = Employee.objects.filter(is_active=True).select_related("department")
        self.fields["leader"].queryset = people
        self.fields["team"].queryset = people
        self.fields["year"].initial = timezone.localdate().year
        self.fields["kind"].initial = AssessmentKind.SELF
        principal = people.filter(is_principal_head=True).first()
        if principal and not self.instance.pk:
            self.fields["leader"].initial = principal.pk
        if self.instance.pk:
            del self.fields["standard"]


class GateForm(forms.ModelForm):
    class Meta:
        model = Assessment
        fields = ["fatalities", "fatality_limit", "larger_or_worse_accident", "conclusion"]
        widgets = {"conclusion": forms.Textarea(attrs={"rows": 4})}


class FindingForm(forms.Form):
    applicable = forms.BooleanField(label=_("Applies"), required=False, initial=True)
    deduction = forms.DecimalField(label=_("Deduction"), min_value=0, max_digits=7, decimal_places=1, required=False)
    veto_failed = forms.BooleanField(label=_("Veto failed"), required=False)
    reason = forms.CharField(label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    department = forms.ModelChoiceField(
        label=_("Responsible department"), required=False, queryset=Department.objects.filter(is_active=True)
    )


class AwardForm(forms.Form):
    awarded_level = forms.TypedChoiceField(
        label=_("Grade awarded"), coerce=int, choices=[(1, _("Level 1")), (2, _("Level 2")), (3, _("Level 3"))]
    )
    awarded_on = forms.DateField(label=_("Awarded on"), widget=date_input())
