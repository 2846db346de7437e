"""The accident register (xlsx) and one accident's report (PDF)."""

from __future__ import annotations

from collections.abc import Iterator

from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from apps.accidents import grading, policies, selectors
from apps.accidents.models import AccidentStatus, Grade, Severity
from apps.core import exports
from apps.core.exceptions import ApplicationError
from apps.core.numbers import excel_number
from apps.core.pdf import render_pdf
from apps.core.selectors import as_int
from apps.org.selectors import company_get

BASIS_LABELS = {
    grading.DEATHS: gettext_lazy("deaths"),
    grading.SERIOUS_INJURIES: gettext_lazy("serious injuries"),
    grading.DIRECT_LOSS: gettext_lazy("direct economic loss"),
}


def basis_text(basis) -> str:
    if not basis:
        return _("below every band of a larger accident")
    return ", ".join(str(BASIS_LABELS[b]) for b in basis)


class AccidentExporter(exports.Exporter):
    @classmethod
    def allowed(cls, user) -> bool:
        return bool(policies.can_export_accidents(user))


@exports.register
class RegisterExporter(AccidentExporter):
    """事故台账: one row per accident or near miss in the user's scope. Two queries."""

    kind = "accidents.register"
    title = gettext_lazy("Accident register")

    def queryset(self):
        return selectors.accident_list(user=self.user, filters=self.params).annotate(people_count=Count("people"))

    def count(self) -> int:
        return selectors.accident_list(user=self.user, filters=self.params).count()

    def header(self):
        return [
            _("Accident number"),
            _("Time"),
            _("Place"),
            _("Department"),
            _("Accident type"),
            _("Near miss"),
            _("Title"),
            _("Deaths"),
            _("Serious injuries"),
            _("Minor injuries"),
            _("Direct economic loss (yuan)"),
            _("Grade"),
            _("Decided by"),
            _("Authority told at"),
            _("Reported within 1 hour"),
            _("Status"),
            _("Investigation report due"),
            _("Closed on"),
            _("People involved"),
        ]

    def rows(self) -> Iterator[list]:
        grades = dict(Grade.choices)
        statuses = dict(AccidentStatus.choices)
        for a in self.queryset().iterator(chunk_size=2000):
            yield [
                a.code,
                timezone.localtime(a.occurred_at).replace(tzinfo=None),
                a.place,
                a.department.name,
                f"{a.accident_type.code} {a.accident_type.name}",
                _("Yes") if a.is_near_miss else "",
                a.title,
                a.deaths,
                a.serious_injuries,
                a.minor_injuries,
                excel_number(a.direct_loss),
                str(grades[a.grade]),
                basis_text(a.grade_basis),
                timezone.localtime(a.authority_told_at).replace(tzinfo=None) if a.authority_told_at else None,
                "" if a.is_near_miss else (_("Yes") if a.reported_on_time else _("No")),
                str(statuses[a.status]),
                a.investigation_due,
                a.closed_on,
                a.people_count,
            ]


def report_context(*, accident) -> dict:
    return {
        "title": _("Accident report"),
        "company": company_get(),
        "accident": accident,
        "basis": basis_text(accident.grade_basis),
        "people": list(accident.people.select_related("employee")),
        "updates": list(accident.updates.all()),
        "measures": selectors.measure_tasks(accident),
        "lessons": list(accident.lessons.prefetch_related("departments")),
        "severities": dict(Severity.choices),
        "generated_at": timezone.localtime(),
    }


@exports.register
class ReportExporter(AccidentExporter):
    """事故报告 of one accident: report, casualties, investigation, measures, 四不放过."""

    kind = "accidents.report"
    title = gettext_lazy("Accident report")
    extension = "pdf"
    content_type = "application/pdf"

    def render(self, progress=None) -> bytes:
        accident = selectors.accident_list(user=self.user).filter(pk=as_int(self.params.get("accident")) or 0).first()
        if accident is None:
            raise ApplicationError(_("You may not see this accident."))
        context = report_context(accident=accident)
        if progress:
            progress(1, 2)
        return render_pdf("pdf/accidents/report.html", context)
