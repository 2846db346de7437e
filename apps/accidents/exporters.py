"""The accident register (xlsx) and one accident's report (PDF)."""

from __future__ import annotations

from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from apps.accidents import grading, policies, selectors
from apps.accidents.models import AccidentStatus, Grade, Severity
from apps.core import exports
from apps.core.exceptions import ApplicationError
from apps.core.numbers import excel_number
from apps.core.pdf import render_pdf
from apps.core.selectors import as_int
from apps.org.selectors import company_get

BASIS_LABELS = {
    grading.DEATHS: _("deaths"),
    grading.SERIOUS_INJURIES: _("serious injuries"),
    grading.DIRECT_LOSS: _("direct economic loss"),
}


def basis_text(basis) -> str:
    if not basis:
        return gettext("below every band of a larger accident")
    return ", ".join(str(BASIS_LABELS[b]) for b in basis)


def _reported_on_time(is_near_miss, reported_on_time) -> str:
    return "" if is_near_miss else exports.yes_no(reported_on_time)


@exports.register
class RegisterExporter(exports.TableExporter):
    """事故台账: one row per accident or near miss in the user's scope. Two queries."""

    kind = "accidents.register"
    title = _("Accident register")
    policy = policies.can_export_accidents
    columns = [
        exports.Column(_("Accident number"), "code"),
        exports.Column(_("Time"), "occurred_at", show=exports.local_time),
        exports.Column(_("Place"), "place"),
        exports.Column(_("Department"), "department__name"),
        exports.Column(_("Accident type"), "accident_type", show=lambda kind: f"{kind.code} {kind.name}"),
        exports.Column(_("Near miss"), "is_near_miss", show=exports.yes_or_blank),
        exports.Column(_("Title"), "title"),
        exports.Column(_("Deaths"), "deaths"),
        exports.Column(_("Serious injuries"), "serious_injuries"),
        exports.Column(_("Minor injuries"), "minor_injuries"),
        exports.Column(_("Direct economic loss (yuan)"), "direct_loss", show=excel_number),
        exports.Column(_("Grade"), "grade", choices=Grade),
        exports.Column(_("Decided by"), "grade_basis", show=basis_text),
        exports.Column(_("Authority told at"), "authority_told_at", show=exports.local_time),
        exports.Column(_("Reported within 1 hour"), "is_near_miss", "reported_on_time", show=_reported_on_time),
        exports.Column(_("Status"), "status", choices=AccidentStatus),
        exports.Column(_("Investigation report due"), "investigation_due"),
        exports.Column(_("Closed on"), "closed_on"),
        exports.Column(_("People involved"), "people_count"),
    ]

    def queryset(self):
        return selectors.accident_list(user=self.user, filters=self.params).annotate(people_count=Count("people"))

    def count(self) -> int:
        return selectors.accident_list(user=self.user, filters=self.params).count()


def report_context(*, accident) -> dict:
    return {
        "title": gettext("Accident report"),
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
class ReportExporter(exports.PdfExporter):
    """事故报告 of one accident: report, casualties, investigation, measures, 四不放过."""

    kind = "accidents.report"
    title = _("Accident report")
    policy = policies.can_export_accidents

    def render(self, progress=None) -> bytes:
        accident = selectors.accident_list(user=self.user).filter(pk=as_int(self.params.get("accident")) or 0).first()
        if accident is None:
            raise ApplicationError(gettext("You may not see this accident."))
        context = report_context(accident=accident)
        if progress:
            progress(1, 2)
        return render_pdf("pdf/accidents/report.html", context)
