import datetime as dt
from decimal import Decimal

import pytest
import time_machine
from django.core import mail

from apps.core.exceptions import ApplicationError
from apps.core.models import GeneratedFile, GeneratedFileStatus
from apps.dashboard import selectors, services
from apps.dashboard.exporters import MonthlyReportExporter
from apps.scoring.services import standard_create
from tests.assessment.factories import make_assessment, score_all
from tests.hazards.factories import assign, report
from tests.helpers import pdf_embedded_cjk_fonts, pdf_text
from tests.scoring.factories import standard_data

pytestmark = pytest.mark.usefixtures("english")


@pytest.mark.parametrize(
    "today, month, start, end",
    [
        (dt.date(2026, 3, 1), "", dt.date(2026, 2, 1), dt.date(2026, 2, 28)),
        (dt.date(2024, 3, 1), "", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        (dt.date(2026, 1, 1), "", dt.date(2025, 12, 1), dt.date(2025, 12, 31)),
        (dt.date(2026, 11, 24), "2026-11", dt.date(2026, 11, 1), dt.date(2026, 11, 24)),
    ],
)
def test_the_report_covers_the_month_asked_for(world, today, month, start, end):
    with time_machine.travel(dt.datetime(today.year, today.month, today.day, 9), tick=False):
        exporter = MonthlyReportExporter(user=world.leader, params={"month": month} if month else {})
        assert exporter.period() == (start, end)


@pytest.mark.parametrize("month", ["2026-13", "next", "2099-01"])
def test_a_bad_month_is_named(world, month):
    with pytest.raises(ApplicationError, match="Month"):
        MonthlyReportExporter(user=world.leader, params={"month": month}).period()


def test_only_company_readers_may_generate_it(world):
    assert MonthlyReportExporter.allowed(world.leader)
    assert MonthlyReportExporter.allowed(world.safety_manager)
    assert not MonthlyReportExporter.allowed(world.head_a)


def test_the_pdf_shows_the_dashboard_figures(world, tmp_path):
    standard = standard_create(data=standard_data(8, name="月报标准"))
    assessment = make_assessment(world, standard)
    score_all(world, assessment, {"1.1.1": Decimal(5)})
    assign(world, report(world), days=5)
    exporter = MonthlyReportExporter(user=world.leader, params={})
    start, end = exporter.period()
    board = selectors.dashboard(user=world.leader, as_of=end)
    path = tmp_path / "monthly.pdf"
    path.write_bytes(exporter.render())
    text = pdf_text(path)
    assert "Monthly safety report" in text
    assert f"{start:%Y-%m-%d}" in text and f"{end:%Y-%m-%d}" in text
    assert str(board.projection.result.score) in text  # 75 of 80 → 93.8
    assert world.dept_a.name in text
    assert pdf_embedded_cjk_fonts(path)


def test_the_scheduled_report_is_made_and_mailed_once_a_month(world):
    world.leader.email = "leader@example.com"
    world.leader.save()
    world.safety_manager.email = "safety@example.com"
    world.safety_manager.save()
    world.head_a.email = "head@example.com"
    world.head_a.save()
    with time_machine.travel(dt.datetime(2026, 11, 1, 6), tick=False):
        generated = services.monthly_report_send()
        assert services.monthly_report_send() is None
    assert generated.status == GeneratedFileStatus.DONE
    assert generated.params["month"] == "2026-10"
    assert GeneratedFile.objects.filter(kind=MonthlyReportExporter.kind).count() == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert sorted(message.bcc) == ["leader@example.com", "safety@example.com"]
    name, content, mimetype = message.attachments[0]
    assert name.endswith("2026-10.pdf") and content.startswith(b"%PDF") and mimetype == "application/pdf"


def test_leadership_lists_and_downloads_reports(world, client_for):
    with time_machine.travel(dt.datetime(2026, 11, 1, 6), tick=False):
        generated = services.monthly_report_send()
    client = client_for("leader")
    page = client.get("/dashboard/reports/")
    assert generated in page.context["page"].object_list
    download = client.get(f"/dashboard/reports/{generated.pk}/download/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    assert client_for("head_a").get(f"/dashboard/reports/{generated.pk}/download/").status_code == 403
