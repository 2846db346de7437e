"""The self-evaluation report (PDF) and the scoring sheet (xlsx) of one assessment.

Both read the same selectors.summary() as the summary page, so the three agree to the decimal.
"""

from __future__ import annotations

from collections import defaultdict

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.assessment import charts, policies, selectors
from apps.assessment.models import Assessment
from apps.core import exports
from apps.core.numbers import excel_number
from apps.core.pdf import render_pdf
from apps.core.xlsx import render_xlsx_sheets
from apps.org.selectors import company_get
from apps.scoring.models import ReviewGroup


class AssessmentExporter(exports.Exporter):
    policy = policies.can_read_assessment

    def assessment(self) -> Assessment:
        return Assessment.objects.select_related("standard", "leader").get(pk=self.params["assessment"])


def report_context(assessment: Assessment) -> dict:
    """Everything the PDF shows; a fixed number of queries whatever the number of items."""
    summary = selectors.summary(assessment)
    rows = selectors.findings(assessment)
    nonconformities = {nc.finding_id: nc for group in summary.nonconformities.values() for nc in group}
    groups = dict(ReviewGroup.choices)
    deductions: dict = defaultdict(list)
    for finding in rows:
        if finding.applicable and (finding.deduction > 0 or finding.veto_failed):
            deductions[str(groups[finding.item.group])].append((finding, nonconformities.get(finding.pk)))
    approval = None
    if assessment.approval_task_id:
        approval = assessment.approval_task.signoffs.select_related("signer").filter(decision="approve").last()
    return {
        "title": _("Work-safety standardization self-evaluation report"),
        "assessment": assessment,
        "company": company_get(),
        "team": list(assessment.team.select_related("department")),
        "summary": summary,
        "radar": charts.radar_svg(
            [e.name for e in summary.elements],
            [e.percent for e in summary.elements],
            previous=[summary.previous_elements.get(e.code) for e in summary.elements] if summary.previous else None,
            title=str(_("Score rate of each element (earned over applicable points)")),
        ),
        "deductions": dict(deductions),
        "not_applicable": [f for f in rows if f.scored and not f.applicable],
        "approval": approval,
        "generated_at": timezone.localtime(),
    }


@exports.register
class ReportExporter(AssessmentExporter, exports.PdfExporter):
    kind = "assessment.report"
    title = _("Self-evaluation report")

    def render(self, progress=None) -> bytes:
        context = report_context(self.assessment())
        if progress:
            progress(1, 2)
        return render_pdf("pdf/assessment/report.html", context)


ITEM_HEADER = [
    _("Element code"),
    _("Element name"),
    _("B-item code"),
    _("Item code"),
    _("Requirement"),
    _("Points"),
    _("Applies"),
    _("Deduction"),
    _("Score"),
    _("Veto failed"),
    _("Reason"),
    _("Responsible department"),
]
ELEMENT_HEADER = [
    _("Element code"),
    _("Element name"),
    _("Points"),
    _("Not applicable"),
    _("Deducted"),
    _("Earned"),
    _("Score rate"),
]


@exports.register
class ScoringSheetExporter(AssessmentExporter):
    kind = "assessment.scoring_sheet"
    title = _("Scoring sheet")

    def render(self, progress=None) -> bytes:
        assessment = self.assessment()
        summary = selectors.summary(assessment, with_previous=False)
        item_rows = _item_rows(summary, selectors.findings(assessment))
        item_rows += _total_rows(summary.result)
        element_rows = [_element_row(e) for e in summary.elements]
        return render_xlsx_sheets(
            [
                (_("Scoring sheet"), [str(h) for h in ITEM_HEADER], item_rows),
                (_("Element scores"), [str(h) for h in ELEMENT_HEADER], element_rows),
            ],
            total=len(item_rows),
            progress=progress,
        )


def _item_rows(summary, findings) -> list[list]:
    """One row per item in the standard's order, each element closed by its subtotal."""
    rows = []
    current = None
    subtotal = {e.code: e for e in summary.elements}
    for finding in findings:
        element = finding.item.b_item.element
        if current is not None and element.code != current:
            rows.append(_subtotal_row(subtotal[current]))
        current = element.code
        rows.append(_item_row(finding))
    if current is not None:
        rows.append(_subtotal_row(subtotal[current]))
    return rows


def _item_row(finding) -> list:
    element = finding.item.b_item.element
    return [
        element.code,
        element.name,
        finding.item.b_item.code,
        finding.item.code,
        finding.item.requirement,
        excel_number(finding.item.points),
        str(_("Yes")) if finding.applicable else str(_("No")),
        excel_number(finding.deduction) if finding.applicable else None,
        excel_number(finding.earned) if finding.applicable else None,
        str(_("Yes")) if finding.veto_failed else "",
        finding.reason,
        finding.department.name if finding.department else "",
    ]


def _total_rows(result) -> list[list]:
    """A blank row, the totals and the score on 100 under the Score column."""
    total = [
        "",
        str(_("Total")),
        "",
        "",
        "",
        excel_number(result.full),
        "",
        excel_number(result.applicable_full - result.earned),
        excel_number(result.earned),
        "",
        "",
        "",
    ]
    score = [
        "",
        str(_("Score (of 100)")),
        "",
        "",
        "",
        None,
        "",
        None,
        excel_number(result.score) if result.score is not None else None,
        "",
        "",
        "",
    ]
    return [[], total, score]


def _element_row(e) -> list:
    return [
        e.code,
        e.name,
        excel_number(e.points),
        excel_number(e.not_applicable),
        excel_number(e.deducted),
        excel_number(e.earned),
        excel_number(e.percent) if e.percent is not None else None,
    ]


def _subtotal_row(element) -> list:
    return [
        element.code,
        f"{element.name} {_('Subtotal')}",
        "",
        "",
        "",
        excel_number(element.points),
        "",
        excel_number(element.deducted),
        excel_number(element.earned),
        "",
        "",
        "",
    ]
