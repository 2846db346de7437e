"""The monthly safety report for leadership: the dashboard's figures as a PDF with SVG charts."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.core import exports, recurrence
from apps.core.exceptions import ApplicationError
from apps.core.pdf import render_pdf
from apps.dashboard import charts, policies, selectors
from apps.org.selectors import company_get


@exports.register
class MonthlyReportExporter(exports.PdfExporter):
    kind = "dashboard.monthly_report"
    title = _("Monthly safety report")
    policy = policies.can_export_report

    @staticmethod
    def default_month(today: dt.date) -> str:
        """The month a report is usually for: the one just ended."""
        return recurrence.add_months(today.replace(day=1), -1).strftime("%Y-%m")

    def period(self) -> tuple[dt.date, dt.date]:
        """First and last day of the month asked for (`month` = "YYYY-MM"), last month by
        default; a month not yet ended is reported up to today."""
        today = timezone.localdate()
        text = self.params.get("month") or self.default_month(today)
        try:
            start = dt.datetime.strptime(text, "%Y-%m").date()
        except ValueError:
            raise ApplicationError(_("Month: “%(value)s” is not a month like 2026-10.") % {"value": text}) from None
        if start > today:
            raise ApplicationError(_("Month: %(value)s has not begun yet.") % {"value": text})
        end = recurrence.month_end(start.year, start.month)
        return start, min(end, today)

    def filename(self) -> str:
        start, _end = self.period()
        return f"{self.title}-{start:%Y-%m}.pdf"

    def render(self, progress=None) -> bytes:
        start, end = self.period()
        board = selectors.dashboard(user=self.user, as_of=end)
        return render_pdf(
            "pdf/dashboard/monthly.html",
            {
                "title": self.title,
                "company": company_get(),
                "start": start,
                "end": end,
                "board": board,
                "charts": charts.report_charts(board),
                "generated_at": timezone.localtime(),
            },
        )
