from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.core import exports
from apps.core.pdf import render_pdf
from apps.hazards import policies, rules, selectors
from apps.hazards.models import HazardGrade, HazardStatus
from apps.org.selectors import company_get


def _person(first_name, username) -> str:
    return first_name or username or ""


@exports.register
class LedgerExporter(exports.TableExporter):
    """隐患排查治理台账."""

    kind = "hazards.ledger"
    title = _("Hazard investigation and rectification ledger")
    policy = policies.can_export_hazards
    read_values = True
    chunk_size = 5000
    columns = [
        exports.Column(_("Number"), "code"),
        exports.Column(_("Found on"), "found_on"),
        exports.Column(_("Place"), "location"),
        exports.Column(_("Hazard description"), "description"),
        exports.Column(_("Grade"), "grade", choices=HazardGrade),
        exports.Column(_("Department"), "department__name"),
        exports.Column(_("Measures taken"), "measures"),
        exports.Column(_("Funds (yuan)"), "cost"),
        exports.Column(_("Deadline"), "deadline"),
        exports.Column(_("Rectified on"), "rectified_on"),
        exports.Column(_("Verified by"), "verified_by__first_name", "verified_by__username", show=_person),
        exports.Column(_("Status"), "status", choices=HazardStatus),
    ]
    selector = selectors.hazard_list


def _period(params: dict) -> rules.Period:
    year = int(params.get("year") or timezone.localdate().year)
    quarter = int(params["quarter"]) if params.get("quarter") else None
    return rules.Period(year, quarter)


def statistics_header():
    return [
        _("Department"),
        _("Found"),
        _("Rectified"),
        _("Rectification rate (%)"),
        _("Rectified on time"),
        _("On-time rate (%)"),
        _("Major hazards found"),
        _("Major hazards rectified"),
        _("Funds (yuan)"),
    ]


def statistics_rows(stats) -> list[list]:
    def row(item, name):
        return [
            name,
            item.found,
            item.rectified,
            item.rectification_rate,
            item.on_time,
            item.on_time_rate,
            item.major_found,
            item.major_rectified,
            item.funds,
        ]

    return [row(r, r.department) for r in stats.rows] + [row(stats.total, str(_("Total")))]


@exports.register
class StatisticsExporter(exports.Exporter):
    kind = "hazards.statistics"
    title = _("Hazard statistics")
    policy = policies.can_export_hazards

    def header(self):
        return statistics_header()

    def rows(self):
        period = _period(self.params)
        return statistics_rows(selectors.statistics(user=self.user, start=period.start, end=period.end))


@exports.register
class StatisticsPdfExporter(exports.PdfExporter):
    kind = "hazards.statistics_pdf"
    title = _("Hazard statistics report")
    policy = policies.can_export_hazards

    def render(self, progress=None) -> bytes:
        period = _period(self.params)
        stats = selectors.statistics(user=self.user, start=period.start, end=period.end)
        return render_pdf(
            "pdf/hazards/statistics.html",
            {
                "title": self.title,
                "company": company_get(),
                "period": period,
                "stats": stats,
                "header": statistics_header(),
                "rows": statistics_rows(stats),
                "generated_at": timezone.localtime(),
                "today": timezone.localdate(),
            },
        )
