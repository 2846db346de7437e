from __future__ import annotations

from collections.abc import Iterator

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.core import exports
from apps.core.pdf import render_pdf
from apps.core.xlsx import render_xlsx
from apps.hazards import policies, rules, selectors
from apps.hazards.models import HazardGrade, HazardStatus
from apps.org.selectors import company_get


class HazardExporter(exports.Exporter):
    @classmethod
    def allowed(cls, user) -> bool:
        return bool(policies.can_export_hazards(user))


@exports.register
class LedgerExporter(HazardExporter):
    """隐患排查治理台账."""

    kind = "hazards.ledger"
    title = _("Hazard investigation and rectification ledger")

    def queryset(self):
        return selectors.hazard_list(user=self.user, filters=self.params)

    def count(self) -> int:
        return self.queryset().count()

    def header(self):
        return [
            _("Number"),
            _("Found on"),
            _("Place"),
            _("Description"),
            _("Grade"),
            _("Department"),
            _("Measures taken"),
            _("Funds (yuan)"),
            _("Deadline"),
            _("Rectified on"),
            _("Verified by"),
            _("Status"),
        ]

    def rows(self) -> Iterator[list]:
        grades = {k: str(v) for k, v in HazardGrade.choices}
        statuses = {k: str(v) for k, v in HazardStatus.choices}
        rows = self.queryset().values_list(
            "code",
            "found_on",
            "location",
            "description",
            "grade",
            "department__name",
            "measures",
            "cost",
            "deadline",
            "rectified_on",
            "verified_by__first_name",
            "verified_by__username",
            "status",
        )
        for code, found, place, text, grade, dept, measures, cost, deadline, done, vf, vu, status in rows.iterator(
            chunk_size=5000
        ):
            yield [
                code,
                found,
                place,
                text,
                grades[grade],
                dept,
                measures,
                cost,
                deadline,
                done,
                vf or vu or "",
                statuses[status],
            ]


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
class StatisticsExporter(HazardExporter):
    kind = "hazards.statistics"
    title = _("Hazard statistics")

    def render(self, progress=None) -> bytes:
        period = _period(self.params)
        stats = selectors.statistics(user=self.user, start=period.start, end=period.end)
        return render_xlsx(
            [str(h) for h in statistics_header()],
            statistics_rows(stats),
            sheet_title=str(self.title),
            progress=progress,
        )


@exports.register
class StatisticsPdfExporter(HazardExporter):
    kind = "hazards.statistics_pdf"
    title = _("Hazard statistics report")
    extension = "pdf"
    content_type = "application/pdf"

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
