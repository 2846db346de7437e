from __future__ import annotations

from collections.abc import Iterator

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.core import exports
from apps.core.pdf import render_pdf
from apps.org import policies, selectors
from apps.org.models import EmploymentType, SafetyOfficer
from apps.org.sheets import DEPARTMENT_COLUMNS, EMPLOYEE_COLUMNS, yes_no


class OrgExporter(exports.Exporter):
    @classmethod
    def allowed(cls, user) -> bool:
        return bool(policies.can_export_org(user))


@exports.register
class DepartmentExporter(OrgExporter):
    kind = "org.departments"
    title = _("Departments")

    def queryset(self):
        return selectors.department_list(user=self.user)

    def count(self) -> int:
        return self.queryset().count()

    def header(self):
        return [c.label for c in DEPARTMENT_COLUMNS]

    def rows(self) -> Iterator[list]:
        for d in self.queryset().iterator(chunk_size=2000):
            yield [
                d.code,
                d.name,
                d.get_kind_display(),
                d.parent.code if d.parent else "",
                d.sort_order,
                yes_no(d.is_active),
            ]


@exports.register
class EmployeeExporter(OrgExporter):
    kind = "org.employees"
    title = _("Employees")

    def queryset(self):
        return selectors.employee_list(user=self.user, filters=self.params)

    def count(self) -> int:
        return self.queryset().count()

    def header(self):
        return [c.label for c in EMPLOYEE_COLUMNS]

    def rows(self) -> Iterator[list]:
        officer = dict(SafetyOfficer.choices)
        employment = dict(EmploymentType.choices)
        for e in self.queryset().iterator(chunk_size=2000):
            yield [
                e.employee_no,
                e.name,
                e.department.code,
                e.position.name if e.position else "",
                e.hire_date,
                e.phone,
                e.email,
                yes_no(e.is_principal_head),
                yes_no(e.is_safety_manager),
                officer.get(e.safety_officer, "") if e.safety_officer else "",
                yes_no(e.is_special_operation_worker),
                employment.get(e.employment_type, ""),
                yes_no(e.is_high_risk_post),
                yes_no(e.is_active),
            ]


@exports.register
class SafetyRosterExporter(OrgExporter):
    """组织机构及安全管理人员名册: the tree with its heads, safety staff and officers, as PDF."""

    kind = "org.safety_roster"
    title = _("Organisation and safety staff roster")
    extension = "pdf"
    content_type = "application/pdf"

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
