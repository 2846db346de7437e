from __future__ import annotations

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.core import exports
from apps.core.pdf import render_pdf
from apps.org import policies, selectors
from apps.org.models import DepartmentKind, EmploymentType, SafetyOfficer
from apps.org.sheets import DEPARTMENT_COLUMNS, EMPLOYEE_COLUMNS


def _or_blank(value):
    return value or ""


def _officer(kind: str) -> str:
    """Blank for someone who is not a safety officer: the sheet reads a blank cell as that."""
    return exports.choice_label(SafetyOfficer, kind) if kind else ""


@exports.register
class DepartmentExporter(exports.TableExporter):
    kind = "org.departments"
    title = _("Departments")
    policy = policies.can_export_org
    columns = exports.sheet_columns(
        DEPARTMENT_COLUMNS,
        kind=exports.cell("kind", choices=DepartmentKind),
        parent_code=exports.cell("parent__code", show=_or_blank),
        is_active=exports.cell("is_active", show=exports.yes_no),
    )

    def queryset(self):
        return selectors.department_list(user=self.user)


@exports.register
class EmployeeExporter(exports.TableExporter):
    kind = "org.employees"
    title = _("Employees")
    policy = policies.can_export_org
    columns = exports.sheet_columns(
        EMPLOYEE_COLUMNS,
        department_code="department__code",
        position=exports.cell("position__name", show=_or_blank),
        is_principal_head=exports.cell("is_principal_head", show=exports.yes_no),
        is_safety_manager=exports.cell("is_safety_manager", show=exports.yes_no),
        safety_officer=exports.cell("safety_officer", show=_officer),
        is_special_operation_worker=exports.cell("is_special_operation_worker", show=exports.yes_no),
        employment_type=exports.cell("employment_type", choices=EmploymentType),
        is_high_risk_post=exports.cell("is_high_risk_post", show=exports.yes_no),
        is_active=exports.cell("is_active", show=exports.yes_no),
    )
    selector = selectors.employee_list


@exports.register
class SafetyRosterExporter(exports.PdfExporter):
    """组织机构及安全管理人员名册: the tree with its heads, safety staff and officers, as PDF."""

    kind = "org.safety_roster"
    title = _("Organisation and safety staff roster")
    policy = policies.can_export_org

    def render(self, progress=None) -> bytes:
        departments = list(selectors.department_list(user=self.user, filters={"active": "1"}))
        staff = selectors.employee_list(user=self.user).filter(
            Q(is_principal_head=True) | Q(is_safety_manager=True) | ~Q(safety_officer="")
        )
        by_department: dict[int, list] = {}
        for employee in staff:
            by_department.setdefault(employee.department_id, []).append(employee)
        context = {
            "company": selectors.company_get(),
            "rows": [(d, by_department.get(d.pk, [])) for d in departments],
            "generated_at": timezone.localtime(),
            "title": self.title,
        }
        if progress:
            progress(1, 1)
        return render_pdf("pdf/org/safety_roster.html", context)
