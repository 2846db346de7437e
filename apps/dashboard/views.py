from django.core.paginator import Paginator
from django.http import FileResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.core.selectors import as_int
from apps.dashboard import charts, policies, selectors
from apps.dashboard.exporters import MonthlyReportExporter
from apps.org.permissions import policy_required
from apps.scoring import live


@policy_required(policies.can_read_dashboard)
def index(request):
    today = timezone.localdate()
    board = selectors.dashboard(user=request.user, department_id=as_int(request.GET.get("department")), as_of=today)
    return render(
        request,
        "dashboard/index.html",
        {
            "board": board,
            "charts": charts.echarts_options(board),
            "cache_minutes": max(1, live.timeout() // 60),
            "last_month": MonthlyReportExporter.default_month(today),
            "report": policies.can_export_report(request.user),
        },
    )


@policy_required(policies.can_read_reports)
def report_list(request):
    page = Paginator(selectors.monthly_reports(), 25).get_page(request.GET.get("page"))
    return render(
        request,
        "dashboard/report_list.html",
        {
            "page": page,
            "last_month": MonthlyReportExporter.default_month(timezone.localdate()),
            "title": _("Monthly safety reports"),
        },
    )


@policy_required(policies.can_read_reports)
def report_download(request, pk: int):
    generated = get_object_or_404(selectors.monthly_reports(ready=True), pk=pk)
    return FileResponse(generated.file.open("rb"), as_attachment=True, filename=generated.file.name.rsplit("/", 1)[-1])
