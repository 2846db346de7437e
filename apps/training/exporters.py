"""Training ledger and compliance report (xlsx), and each person's training record (PDF)."""

from __future__ import annotations

from collections.abc import Iterator

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from apps.core import exports
from apps.core.exceptions import ApplicationError
from apps.core.numbers import excel_number
from apps.core.pdf import render_pdf
from apps.core.selectors import as_int
from apps.core.xlsx import render_xlsx_sheets
from apps.org.models import Employee
from apps.org.selectors import company_get
from apps.training import policies, selectors
from apps.training.models import INDUCTION_LEVELS, SessionLevel


def _yes_no(value) -> str:
    if value is None:
        return ""
    return _("Yes") if value else _("No")


class TrainingExporter(exports.Exporter):
    @classmethod
    def allowed(cls, user) -> bool:
        return bool(policies.can_read_training(user))


@exports.register
class LedgerExporter(TrainingExporter):
    """培训台账: one row per person per session, in the user's scope."""

    kind = "training.ledger"
    title = gettext_lazy("Training ledger")

    def queryset(self):
        return selectors.attendance_list(user=self.user, filters=self.params)

    def count(self) -> int:
        return self.queryset().count()

    def header(self):
        return [
            _("Date"),
            _("Course"),
            _("Level"),
            _("Session hours"),
            _("Trainer"),
            _("Place"),
            _("Organising department"),
            _("Employee number"),
            _("Full name"),
            _("Department"),
            _("Present"),
            _("Hours credited"),
            _("Exam score"),
            _("Passed"),
            _("Expired certificate"),
        ]

    def rows(self) -> Iterator[list]:
        levels = dict(SessionLevel.choices)
        for a in self.queryset().iterator(chunk_size=2000):
            session = a.session
            yield [
                a.date,
                session.course.name,
                str(levels.get(a.level, a.level)),
                excel_number(session.hours),
                session.trainer,
                session.place,
                session.department.name,
                a.employee.employee_no,
                a.employee.name,
                a.employee.department.name,
                _yes_no(a.present),
                excel_number(a.hours_credited),
                excel_number(a.exam_score),
                _yes_no(a.passed),
                _("Yes") if a.holder_expired else "",
            ]


def _people_header() -> list:
    return [
        _("Employee number"),
        _("Full name"),
        _("Department"),
        _("Training role"),
        _("Initial hours"),
        _("Initial required"),
        _("Initial short"),
        _("Hours this year"),
        _("Yearly required"),
        _("Yearly short"),
        _("Induction complete"),
        _("Induction missing"),
        _("Expired certificate"),
        _("Compliant"),
    ]


def _person_row(r: selectors.PersonCompliance, levels: dict) -> list:
    return [
        r.employee_no,
        r.name,
        r.department_name,
        r.role_label,
        excel_number(r.initial_hours),
        r.initial_required,
        excel_number(r.initial_short),
        excel_number(r.annual_hours),
        r.annual_required,
        excel_number(r.annual_short),
        _("Yes") if r.induction_complete else _("No"),
        "、".join(str(levels[level]) for level in r.induction_missing),
        _("Yes") if r.has_expired_certificate else "",
        _("Yes") if r.is_compliant else _("No"),
    ]


def _department_header() -> list:
    return [
        _("Department"),
        _("People"),
        _("Meeting hours"),
        _("Meeting hours (%)"),
        _("Induction complete"),
        _("Induction complete (%)"),
        _("Hours short"),
    ]


def _department_row(d: selectors.DepartmentCompliance) -> list:
    return [
        d.name,
        d.people,
        d.hours_ok,
        excel_number(d.hours_rate),
        d.induction_ok,
        excel_number(d.induction_rate),
        excel_number(d.short_hours),
    ]


@exports.register
class ComplianceExporter(TrainingExporter):
    """The compliance report: every person's hours and induction, then per department."""

    kind = "training.compliance"
    title = gettext_lazy("Training compliance report")

    def render(self, progress=None) -> bytes:
        rows = selectors.compliance_rows(user=self.user, filters=self.params)
        levels = dict(SessionLevel.choices)
        people = [_person_row(r, levels) for r in rows]
        departments = [_department_row(d) for d in selectors.by_department(rows)]
        return render_xlsx_sheets(
            [(_("People"), _people_header(), people), (_("Departments"), _department_header(), departments)],
            total=len(people) + len(departments),
            progress=progress,
        )


def record_context(*, employee: Employee, user) -> dict:
    """Everything the personal training record shows; a fixed number of queries."""
    as_of = timezone.localdate()
    people = selectors.visible_employees(user=user, filters={"active": ""}).filter(pk=employee.pk)
    rows = selectors.compliance(people, as_of=as_of)
    attendances = list(selectors.attendance_list(user=user, filters={"employee": employee.pk}, as_of=as_of))
    certificates = list(selectors.certificate_list(user=user, filters={"holder": employee.pk}, as_of=as_of))
    return {
        "title": _("Personal safety training record"),
        "company": company_get(),
        "employee": employee,
        "compliance": rows[0] if rows else None,
        "requirements": selectors.requirements(),
        "induction": [a for a in attendances if a.level in INDUCTION_LEVELS],
        "other": [a for a in attendances if a.level not in INDUCTION_LEVELS],
        "certificates": certificates,
        "generated_at": timezone.localtime(),
        "today": as_of,
    }


@exports.register
class RecordExporter(exports.Exporter):
    """个人安全培训档案 of one person: heads for their people, everyone for themselves."""

    kind = "training.record"
    title = gettext_lazy("Personal safety training record")
    extension = "pdf"
    content_type = "application/pdf"

    def render(self, progress=None) -> bytes:
        employee = (
            selectors.visible_employees(user=self.user, filters={"active": ""})
            .select_related("department", "position")
            .filter(pk=as_int(self.params.get("employee")) or 0)
            .first()
        )
        if employee is None:
            raise ApplicationError(_("You may not see this person's training record."))
        context = record_context(employee=employee, user=self.user)
        if progress:
            progress(1, 2)
        return render_pdf("pdf/training/record.html", context)
