"""The department and employee sheets: one column list shared by import and export."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from apps.core.importing import Column, a_date, boolean, choice, integer, text
from apps.org.models import DepartmentKind, EmploymentType, SafetyOfficer

DEPARTMENT_COLUMNS = [
    Column("code", _("Code"), text, required=True),
    Column("name", _("Name"), text, required=True),
    Column("kind", _("Kind"), choice(DepartmentKind), required=True),
    Column("parent_code", _("Parent code"), text),
    Column("sort_order", _("Sort order"), integer),
    Column("is_active", _("Active"), boolean),
]

EMPLOYEE_COLUMNS = [
    Column("employee_no", _("Employee number"), text, required=True),
    Column("name", _("Full name"), text, required=True),
    Column("department_code", _("Department code"), text, required=True),
    Column("position", _("Position"), text),
    Column("hire_date", _("Hire date"), a_date),
    Column("phone", _("Phone"), text),
    Column("email", _("Email"), text),
    Column("is_principal_head", _("Principal head"), boolean),
    Column("is_safety_manager", _("Safety management staff"), boolean),
    Column("safety_officer", _("Safety officer"), choice(SafetyOfficer)),
    Column("is_special_operation_worker", _("Special-operation worker"), boolean),
    Column("employment_type", _("Employment"), choice(EmploymentType)),
    Column("is_high_risk_post", _("High-risk post"), boolean),
    Column("is_active", _("In service"), boolean),
]
