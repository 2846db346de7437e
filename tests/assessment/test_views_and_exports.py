import re
from decimal import Decimal

import pytest

from apps.assessment import selectors
from apps.assessment.exporters import ReportExporter, ScoringSheetExporter
from apps.assessment.models import Finding
from tests.assessment.factories import make_assessment, score_all
from tests.helpers import count_queries, pdf_embedded_cjk_fonts, pdf_text, xlsx_rows
from tests.scoring.factories import make_standard


@pytest.fixture
def assessment(world):
    assessment = make_assessment(world, make_standard(12))
    score_all(world, assessment, {"1.1.1": Decimal("2.5"), "2.1.2": Decimal(4), "4.1.3": Decimal(10)})
    return assessment


@pytest.mark.parametrize(
    "persona, read, write",
    [("safety_manager", 200, 200), ("leader", 200, 403), ("head_a", 403, 403), ("employee_a", 403, 403)],
)
def test_assessment_pages_by_persona(world, client_for, assessment, persona, read, write):
    client = client_for(persona)
    for url in (
        "/assessments/",
        f"/assessments/{assessment.pk}/",
        f"/assessments/{assessment.pk}/summary/",
        f"/assessments/{assessment.pk}/elements/A1/",
    ):
        assert client.get(url).status_code == read, url
    finding = assessment.findings.select_related("item").get(item__code="1.1.2")
    response = client.post(
        f"/assessments/{assessment.pk}/findings/{finding.pk}/",
        {"applicable": "on", "deduction": "1", "reason": "缺记录", "department": world.dept_a.pk},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == write
    finding.refresh_from_db()
    assert (finding.deduction == 1) is (write == 200)


def test_quick_scoring_swaps_the_row_and_the_running_score(world, client_for, assessment):
    finding = Finding.objects.select_related("item").get(assessment=assessment, item__code="3.1.1")
    response = client_for("safety_manager").post(
        f"/assessments/{assessment.pk}/findings/{finding.pk}/",
        {"applicable": "on", "deduction": "5", "reason": "记录不全", "department": world.dept_b.pk},
        HTTP_HX_REQUEST="true",
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert f'id="item-{finding.pk}"' in html and 'hx-swap-oob="true"' in html
    finding.refresh_from_db()
    assert finding.deduction == 5 and finding.department == world.dept_b


def test_a_refused_score_keeps_what_was_typed(world, client_for, assessment):
    finding = Finding.objects.select_related("item").get(assessment=assessment, item__code="3.1.2")
    response = client_for("safety_manager").post(
        f"/assessments/{assessment.pk}/findings/{finding.pk}/",
        {"applicable": "on", "deduction": "7", "reason": ""},
        HTTP_HX_REQUEST="true",
    )
    html = response.content.decode()
    assert 'value="7"' in html and "alert-danger" in html
    finding.refresh_from_db()
    assert finding.deduction == 0


def test_screen_pdf_and_xlsx_agree_to_the_decimal(world, client_for, assessment):
    summary = selectors.summary(assessment)
    expected = [(e.code, e.points, e.earned, e.percent) for e in summary.elements]
    assert summary.result.score == Decimal("86.3")  # 103.5 of 120 = 86.25, half up

    html = client_for("safety_manager").get(f"/assessments/{assessment.pk}/summary/").content.decode()
    table = html[html.index('data-testid="summary-table"') :]
    for code, _points, earned, percent in expected:
        row = re.search(rf"<td>{code} [^<]*</td>(.*?)</tr>", table, re.S).group(1)
        cells = re.findall(r">([^<>]*)</td>", row)
        assert cells[3].strip() == f"{earned:f}".rstrip("0").rstrip(".")
        assert cells[4].strip() == str(percent)

    pdf = ReportExporter(user=world.safety_manager, params={"assessment": assessment.pk}).render()
    text = pdf_text(pdf)
    assert "安全生产标准化自评报告" in text and "要素得分" in text
    assert pdf_embedded_cjk_fonts(pdf)
    for code, _points, earned, percent in expected:
        line = next(line for line in text.splitlines() if line.strip().startswith(f"{code} "))
        assert str(percent) in line and f"{earned:f}".rstrip("0").rstrip(".") in line
    assert "86.3" in text

    content = ScoringSheetExporter(user=world.safety_manager, params={"assessment": assessment.pk}).render()
    elements = {row[0]: row for row in xlsx_rows(content, sheet="要素得分")[1:]}
    for code, points, earned, percent in expected:
        assert Decimal(str(elements[code][2])) == points
        assert Decimal(str(elements[code][5])) == earned
        assert Decimal(str(elements[code][6])) == percent
    # The blank row before the totals reads back as an empty tuple.
    sheet = xlsx_rows(content, sheet="评分表")
    scores = [row for row in sheet if row and row[1] == "得分（百分制）"]
    assert Decimal(str(scores[0][8])) == Decimal("86.3")


def test_summary_pdf_and_xlsx_run_the_same_queries_for_20_and_400_items(world, client_for):
    from apps.assessment import services
    from apps.workflow import services as workflow

    counts = {}
    for size in (20, 400):
        standard = make_standard(size, name=f"标准{size}")
        for year in (2025, 2026):  # an approved earlier assessment to compare with
            assessment = make_assessment(world, standard, year=year)
            score_all(world, assessment, {f"{e}.1.{i}": Decimal(1) for e in (1, 2) for i in (1, 2, 3)})
            services.assessment_submit(assessment=assessment, user=world.safety_manager)
            assessment.refresh_from_db()
            workflow.task_sign_off(task=assessment.approval_task, user=world.leader, decision="approve")
        client = client_for("safety_manager")
        counts[size] = (
            count_queries(lambda a=assessment, c=client: c.get(f"/assessments/{a.pk}/summary/")),
            count_queries(lambda a=assessment, c=client: c.get(f"/assessments/{a.pk}/")),
            count_queries(lambda a=assessment, c=client: c.get(f"/assessments/{a.pk}/elements/A1/")),
            count_queries(
                lambda a=assessment: ReportExporter(user=world.safety_manager, params={"assessment": a.pk}).render()
            ),
            count_queries(
                lambda a=assessment: ScoringSheetExporter(
                    user=world.safety_manager, params={"assessment": a.pk}
                ).render()
            ),
        )
    assert counts[20] == counts[400], counts
    assert max(counts[400]) <= 25


def test_evidence_is_attached_to_a_finding_and_read_back(world, client_for):
    from django.core.files.uploadedfile import SimpleUploadedFile

    assessment = make_assessment(world, make_standard(4))
    finding = Finding.objects.select_related("item").get(assessment=assessment, item__code="1.1.1")
    url = f"/assessments/{assessment.pk}/findings/{finding.pk}/evidence/"
    upload = SimpleUploadedFile("台账照片.pdf", b"%PDF-1.4 ledger", content_type="application/pdf")
    assert client_for("leader").post(url, {"file": upload}).status_code == 403
    upload.seek(0)
    assert client_for("safety_manager").post(url, {"file": upload}).status_code == 302
    page = client_for("leader").get(f"/assessments/{assessment.pk}/elements/A1/").content.decode()
    link = re.search(rf'href="(/assessments/{assessment.pk}/findings/{finding.pk}/evidence/\d+/)"', page)
    assert link and "台账照片.pdf" in page
    assert client_for("leader").get(link.group(1)).status_code == 200
    assert client_for("head_a").get(link.group(1)).status_code == 403
