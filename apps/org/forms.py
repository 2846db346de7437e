from __future__ import annotations

from django import forms
from django.contrib.auth.password_validation import validate_password
from django.utils.translation import gettext_lazy as _

from apps.core.forms import date_input
from apps.org.models import Company, Department, Employee, Position, Role
from apps.org.policy import department_choices
from apps.org.services import COMPANY_FIELDS, DEPARTMENT_FIELDS, POSITION_FIELDS


def department_label(department) -> str:
    """A department in a choice list, indented under its parent."""
    return "— " * department.depth + department.name


def offer_departments(field, departments) -> None:
    """Offer these departments in a choice field, as a tree."""
    field.queryset = departments
    field.label_from_instance = department_label


class DepartmentScopedForm(forms.ModelForm):
    """A record's form offering, in its `department` field, the departments this person acts
    on (`org.policy.department_choices`)."""

    takes_user = True  # `core.views.RecordPage.edit` hands it the person

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        if "department" in self.fields:
            offer_departments(self.fields["department"], department_choices(user))


class CompanyForm(forms.ModelForm):
    class Meta:
        model = Company
        fields = [*COMPANY_FIELDS]


class DepartmentForm(forms.ModelForm):
    class Meta:
        model = Department
        fields = [*DEPARTMENT_FIELDS]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        offer_departments(self.fields["parent"], Department.objects.filter(is_active=True).order_by("path"))


class PositionForm(forms.ModelForm):
    class Meta:
        model = Position
        fields = [*POSITION_FIELDS]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}


class EmployeeForm(forms.ModelForm):
    class Meta:
        model = Employee
        fields = [
            "employee_no",
            "name",
            "department",
            "position",
            "hire_date",
            "phone",
            "email",
            "employment_type",
            "is_principal_head",
            "is_safety_manager",
            "safety_officer",
            "is_special_operation_worker",
            "is_high_risk_post",
            "is_active",
        ]
        widgets = {"hire_date": date_input()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        offer_departments(self.fields["department"], Department.objects.filter(is_active=True))


class AccountForm(forms.Form):
    username = forms.CharField(label=_("User name"), max_length=150)
    password = forms.CharField(
        label=_("New password"),
        required=False,
        widget=forms.PasswordInput(render_value=False),
        help_text=_("Required for a new account; leave empty to keep the current password."),
    )
    roles = forms.MultipleChoiceField(
        label=_("Roles"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=[(r.value, r.label) for r in Role if r not in (Role.EMPLOYEE, Role.DEPARTMENT_HEAD)],
        help_text=_("Every account is an employee; heads are set by the departments below."),
    )
    headed_departments = forms.ModelMultipleChoiceField(
        label=_("Heads these departments"),
        required=False,
        queryset=Department.objects.filter(is_active=True).order_by("path"),
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("Sub-departments are included automatically."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["headed_departments"].label_from_instance = department_label

    def clean_password(self):
        password = self.cleaned_data.get("password")
        if password:
            validate_password(password)
        return password


class LeaveForm(forms.Form):
    left_on = forms.DateField(label=_("Left on"), widget=date_input())
    handover_to = forms.ModelChoiceField(
        label=_("Hand open work over to"),
        required=False,
        queryset=Employee.objects.none(),
        help_text=_("Left empty, open tasks go to the heads of their departments."),
    )

    def __init__(self, *args, employee: Employee, **kwargs):
        super().__init__(*args, **kwargs)
        # Those in service who can sign in to take the work up (a company has thousands of staff).
        self.fields["handover_to"].queryset = (
            Employee.objects.filter(is_active=True, user__is_active=True)
            .exclude(pk=employee.pk)
            .order_by("employee_no")
        )
