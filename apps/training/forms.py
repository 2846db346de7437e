from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.core.forms import date_input
from apps.org.models import Employee
from apps.org.policy import department_choices
from apps.training.models import (
    Certificate,
    CertificateType,
    Course,
    Reinduction,
    RuleSetRow,
    TrainingPlan,
    TrainingPlanItem,
    TrainingSession,
    TrainingSettings,
)
from apps.training.services.certificates import CERTIFICATE_FIELDS
from apps.training.services.sessions import COURSE_FIELDS, SESSION_FIELDS

DATE = date_input()


def _tree_label(department) -> str:
    return "— " * department.depth + department.name


class CourseForm(forms.ModelForm):
    class Meta:
        model = Course
        fields = [*COURSE_FIELDS]
        widgets = {"content": forms.Textarea(attrs={"rows": 4})}


class SessionForm(forms.ModelForm):
    class Meta:
        model = TrainingSession
        fields = [*SESSION_FIELDS]
        widgets = {"start_date": DATE, "end_date": DATE}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = Course.objects.filter(is_active=True)
        self.fields["department"].queryset = department_choices(user)
        self.fields["department"].label_from_instance = _tree_label
        self.fields["end_date"].required = False
        self.fields["level"].required = False
        self.fields["plan_item"].queryset = TrainingPlanItem.objects.filter(
            plan__department__in=department_choices(user), plan__year__gte=timezone.localdate().year - 1
        ).select_related("plan", "course")
        self.fields["plan_item"].label_from_instance = lambda i: f"{i.plan.title} · {i}"


class AttendanceForm(forms.Form):
    employee = forms.ModelChoiceField(label=_("Employee"), queryset=Employee.objects.none())
    present = forms.BooleanField(label=_("Present"), required=False, initial=True)
    hours_credited = forms.DecimalField(
        label=_("Hours credited"), required=False, min_value=0, max_digits=5, decimal_places=1
    )
    exam_score = forms.DecimalField(
        label=_("Exam score"), required=False, min_value=0, max_value=100, max_digits=5, decimal_places=1
    )
    passed = forms.NullBooleanField(label=_("Passed"), required=False)

    def __init__(self, *args, employees, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["employee"].queryset = employees


class ReinductionForm(forms.ModelForm):
    class Meta:
        model = Reinduction
        fields = ["employee", "reason", "since", "note"]
        widgets = {"since": DATE}

    def __init__(self, *args, employees, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["employee"].queryset = employees


class CertificateForm(forms.ModelForm):
    class Meta:
        model = Certificate
        fields = [*CERTIFICATE_FIELDS]
        widgets = {"issued_on": DATE, "valid_until": DATE, "next_review_on": DATE}
        help_texts = {
            "valid_until": _("Leave empty: 6 years after issue, 4 years for a special-equipment operator permit."),
            "next_review_on": _(
                "Leave empty: 3 years after issue. Special-equipment operator permits have no review: leave it empty."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["type"].queryset = CertificateType.objects.order_by("kind", "code")
        self.fields["holder"].queryset = Employee.objects.filter(is_active=True).select_related("department")
        self.fields["valid_until"].required = False


class ReviewForm(forms.Form):
    reviewed_on = forms.DateField(label=_("Reviewed on"), widget=DATE)


class PlanForm(forms.ModelForm):
    class Meta:
        model = TrainingPlan
        fields = ["department", "year", "title", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = department_choices(user)
        self.fields["department"].label_from_instance = _tree_label
        self.fields["year"].initial = timezone.localdate().year
        self.fields["title"].required = False
        if self.instance.pk:
            del self.fields["department"]
            del self.fields["year"]


class PlanItemForm(forms.ModelForm):
    class Meta:
        model = TrainingPlanItem
        fields = ["course", "month", "hours", "participants"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = Course.objects.filter(is_active=True)
        self.fields["hours"].required = False


class RuleSetRowForm(forms.ModelForm):
    class Meta:
        model = RuleSetRow
        fields = ["initial_hours", "annual_hours"]


class SettingsForm(forms.ModelForm):
    class Meta:
        model = TrainingSettings
        fields = ["ruleset", "plan_approver_role", "year_start_month", "year_start_day"]
