"""Training ledger and compliance report (xlsx), and each person's training record (PDF)."""

from __future__ import annotations

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


@exports.register
class LedgerExporter(exports.TableExporter):
    """培训台账: one row per person per session, in the user's scope."""

    kind = "training.ledger"
    title = gettext_lazy("Training ledger")
    policy = policies.can_read_training
    columns = [
        exports.Column(gettext_lazy("Date"), "date"),
        exports.Column(gettext_lazy("Course"), "session__course__name"),
        exports.Column(gettext_lazy("Level"), "level", choices=SessionLevel),
        exports.Column(gettext_lazy("Session hours"), "session__hours", show=excel_number),
        exports.Column(gettext_lazy("Trainer"), "session__trainer"),
        exports.Column(gettext_lazy("Place"), "session__place"),
        exports.Column(gettext_lazy("Organising department"), "session__department__name"),
        exports.Column(gettext_lazy("Employee number"), "employee__employee_no"),
        exports.Column(gettext_lazy("Full name"), "employee__name"),
        exports.Column(gettext_lazy("Department"), "employee__department__name"),
        exports.Column(gettext_lazy("Present"), "present", show=exports.yes_no),
        exports.Column(gettext_lazy("Hours credited"), "hours_credited", show=excel_number),
        exports.Column(gettext_lazy("Exam score"), "exam_score", show=excel_number),
        exports.Column(gettext_lazy("Passed"), "passed", show=exports.yes_no),
        exports.Column(gettext_lazy("Expired certificate"), "holder_expired", show=exports.yes_or_blank),
    ]
    selector = selectors.attendance_list


def _missing_levels(levels) -> str:
    return "、".join(exports.choice_label(SessionLevel, level) for level in levels)


PEOPLE_COLUMNS = [
    exports.Column(gettext_lazy("Employee number"), "employee_no"),
    exports.Column(gettext_lazy("Full name"), "name"),
    exports.Column(gettext_lazy("Department"), "department_name"),
    exports.Column(gettext_lazy("Training role"), "role_label"),
    exports.Column(gettext_lazy("Initial hours"), "initial_hours", show=excel_number),
    exports.Column(gettext_lazy("Initial required"), "initial_required"),
    exports.Column(gettext_lazy("Initial short"), "initial_short", show=excel_number),
    exports.Column(gettext_lazy("Hours this year"), "annual_hours", show=excel_number),
    exports.Column(gettext_lazy("Yearly required"), "annual_required"),
    exports.Column(gettext_lazy("Yearly short"), "annual_short", show=excel_number),
    exports.Column(gettext_lazy("Induction complete"), "induction_complete", show=exports.yes_no),
    exports.Column(gettext_lazy("Induction missing"), "induction_missing", show=_missing_levels),
    exports.Column(gettext_lazy("Expired certificate"), "has_expired_certificate", show=exports.yes_or_blank),
    exports.Column(gettext_lazy("Compliant"), "is_compliant", show=exports.yes_no),
]

DEPARTMENT_COLUMNS = [
    exports.Column(gettext_lazy("Department"), "name"),
    exports.Column(gettext_lazy("People"), "people"),
    exports.Column(gettext_lazy("Meeting hours"), "hours_ok"),
    exports.Column(gettext_lazy("Meeting hours (%)"), "hours_rate", show=excel_number),
    exports.Column(gettext_lazy("Induction complete"), "induction_ok"),
    exports.Column(gettext_lazy("Induction complete (%)"), "induction_rate", show=excel_number),
    exports.Column(gettext_lazy("Hours short"), "short_hours", show=excel_number),
]


@exports.register
class ComplianceExporter(exports.Exporter):
    """The compliance report: every person's hours and induction, then per department."""

    kind = "training.compliance"
    title = gettext_lazy("Training compliance report")
    policy = policies.can_read_training

    def render(self, progress=None) -> bytes:
        rows = selectors.compliance_rows(user=self.user, filters=self.params)
        people = [exports.row(PEOPLE_COLUMNS, r) for r in rows]
        departments = [exports.row(DEPARTMENT_COLUMNS, d) for d in selectors.by_department(rows)]
        return render_xlsx_sheets(
            [
                (_("People"), exports.header(PEOPLE_COLUMNS), people),
                (_("Departments"), exports.header(DEPARTMENT_COLUMNS), departments),
            ],
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
class RecordExporter(exports.PdfExporter):
    """个人安全培训档案 of one person: heads for their people, everyone for themselves."""

    kind = "training.record"
    title = gettext_lazy("Personal safety training record")

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
