import io

import pytest
from openpyxl import load_workbook

from apps.core.pdf import render_pdf
from apps.core.xlsx import render_xlsx
from tests.helpers import pdf_embedded_cjk_fonts, pdf_text


def test_render_xlsx_writes_a_bold_chinese_header_and_every_row():
    calls = []
    content = render_xlsx(
        ["工号", "姓名"],
        ([f"E{i}", f"员工{i}"] for i in range(1200)),
        sheet_title="员工名册",
        total=1200,
        progress=lambda done, total: calls.append((done, total)),
    )
    sheet = load_workbook(io.BytesIO(content)).active
    assert sheet.title == "员工名册"
    assert [c.value for c in sheet[1]] == ["工号", "姓名"]
    assert sheet["A1"].font.bold
    assert sheet.max_row == 1201
    assert sheet["B1201"].value == "员工1199"
    assert calls[0] == (500, 1200) and calls[-1] == (1200, 1200)


@pytest.fixture(scope="module")
def roster_pdf(tmp_path_factory):
    from django.utils import timezone

    from apps.org.models import Department

    path = tmp_path_factory.mktemp("pdf") / "roster.pdf"
    department = Department(name="安全环保部", kind="department", path="/0000001/0000002/")
    path.write_bytes(
        render_pdf(
            "pdf/org/safety_roster.html",
            {
                "title": "组织机构及安全管理人员名册",
                "company": None,
                "rows": [(department, [])],
                "generated_at": timezone.now(),
            },
        )
    )
    return path


def test_a_pdf_gives_its_chinese_text_back(roster_pdf):
    text = pdf_text(roster_pdf, layout=False)
    assert "组织机构及安全管理人员名册" in text
    assert "安全环保部" in text


def test_a_pdf_embeds_noto_sans_cjk(roster_pdf):
    assert pdf_embedded_cjk_fonts(roster_pdf)
