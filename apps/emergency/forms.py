from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from apps.core.forms import date_input
from apps.emergency.models import (
    Drill,
    DrillKind,
    DrillPlan,
    DrillPlanItem,
    EvaluationResult,
    Plan,
    Supply,
    Team,
    TeamMember,
)
from apps.emergency.services.drills import DRILL_FIELDS
from apps.emergency.services.plans import PLAN_FIELDS
from apps.emergency.services.supplies import SUPPLY_FIELDS
from apps.emergency.services.teams import TEAM_FIELDS
from apps.org.forms import DepartmentScopedForm, offer_departments
from apps.org.models import Department
from apps.org.policy import department_choices
from apps.workflow.forms import MultipleFileField


def _text(rows: int = 3):
    return forms.Textarea(attrs={"rows": rows})


class PlanForm(DepartmentScopedForm):
    files = MultipleFileField(label=_("Attachments"), required=False)

    class Meta:
        model = Plan
        fields = [*PLAN_FIELDS]
        widgets = {"published_on": date_input(), "last_evaluated_on": date_input(), "scope": _text()}


class FilingForm(forms.Form):
    filed_on = forms.DateField(label=_("Filed on"), widget=date_input())
    filing_number = forms.CharField(label=_("Filing number"), max_length=100)


class EvaluationForm(forms.Form):
    evaluated_on = forms.DateField(label=_("Evaluated on"), widget=date_input())
    result = forms.ChoiceField(label=_("Result"), choices=EvaluationResult.choices, widget=forms.RadioSelect)
    findings = forms.CharField(label=_("Findings"), required=False, widget=_text())
    revision = forms.CharField(label=_("Revision made"), required=False, widget=_text())
    new_version = forms.CharField(label=_("New version"), required=False, max_length=20)


class TeamForm(DepartmentScopedForm):
    class Meta:
        model = Team
        fields = [*TEAM_FIELDS]
        widgets = {"agreement_until": date_input(), "duties": _text()}


class MemberForm(forms.ModelForm):
    class Meta:
        model = TeamMember
        fields = ["name", "role", "phone"]


class SupplyForm(DepartmentScopedForm):
    class Meta:
        model = Supply
        fields = [*SUPPLY_FIELDS]
        widgets = {"expires_on": date_input(), "last_checked_on": date_input(), "next_check_due": date_input()}
        help_texts = {"next_check_due": _("Blank: computed from the last check and the interval.")}


class SupplyCheckForm(forms.Form):
    checked_on = forms.DateField(label=_("Checked on"), widget=date_input())
    quantity_found = forms.IntegerField(label=_("Quantity found"), min_value=0)
    in_good_order = forms.BooleanField(label=_("In good order"), required=False, initial=True)
    expires_on = forms.DateField(label=_("New expiry date"), required=False, widget=date_input())
    note = forms.CharField(label=_("Note"), required=False)


class DrillPlanForm(DepartmentScopedForm):
    class Meta:
        model = DrillPlan
        fields = ["department", "year", "title", "note"]
        widgets = {"note": _text()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].required = False
        self.fields["title"].help_text = _("Blank: “<year> drill plan of <department>”.")


class DrillPlanItemForm(forms.ModelForm):
    class Meta:
        model = DrillPlanItem
        fields = ["plan", "month", "kind", "scenario"]

    def __init__(self, *args, plans, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plan"].queryset = plans
        self.fields["month"].widget = forms.Select(choices=[(m, m) for m in range(1, 13)])


class DrillForm(DepartmentScopedForm):
    files = MultipleFileField(label=_("Photos and records"), required=False)

    class Meta:
        model = Drill
        fields = [*DRILL_FIELDS]
        widgets = {"held_on": date_input(), "participants": _text(2)}

    def __init__(self, *args, plans, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plan"].queryset = plans
        self.fields["kind"].choices = DrillKind.choices


class DrillReportForm(forms.Form):
    reported_on = forms.DateField(label=_("Reported to the authority on"), widget=date_input())


class DrillEvaluationForm(forms.Form):
    evaluated_on = forms.DateField(label=_("Evaluated on"), widget=date_input())
    worked_well = forms.CharField(label=_("What worked"), widget=_text())
    problems_found = forms.CharField(label=_("Problems found"), required=False, widget=_text())
    conclusion = forms.CharField(label=_("Conclusion"), required=False, widget=_text(2))


class ImprovementForm(forms.Form):
    description = forms.CharField(label=_("Problem to fix"), widget=_text(2))
    department = forms.ModelChoiceField(label=_("Department"), queryset=Department.objects.none())
    due_date = forms.DateField(label=_("Due date"), widget=date_input())

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        offer_departments(self.fields["department"], department_choices(user))
