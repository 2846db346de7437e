from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.utils import timezone, translation

from apps.major_hazards import services
from apps.major_hazards.exporters import (
    LEVEL_NAMES,
    IdentificationReportExporter,
    RegisterExporter,
    figure,
    report_context,
    report_html,
    result_figure,
)
from apps.major_hazards.identification import Entry, identify
from apps.major_hazards.models import Identification, InventoryItem
from tests.helpers import count_queries, pdf_text, xlsx_rows
from tests.major_hazards.factories import item, major_unit, substance, unit


@pytest.fixture
def source(world):
    return major_unit(world, exposed_people=60)


def _figures(html: str, name: str) -> list[str]:
    return re.findall(rf'data-figure="{name}">([^<]*)<', html)


def test_the_report_shows_every_line_with_the_figures_of_identify(world):
    u = unit(world, exposed_people=120)
    item(world, u, tonnes="7")
    item(world, u, name="甲醇", tonnes="300", categories="W5.1")
    item(world, u, name=None, chemical_name="稀释剂", categories="W5.3,W5.1", tonnes="2.5")
    item(world, u, name="氯", tonnes="0.75")
    expected = identify(
        [
            ("液氨", 7),
            Entry(substance="甲醇", categories=("W5.1",), tonnes=300),
            (("W5.3", "W5.1"), "2.5"),
            ("氯", "0.75"),
        ],
        exposed_people=120,
    )
    record = Identification.objects.filter(unit=u).first()
    html = report_html(record)
    assert _figures(html, "q") == [figure(line.q, 3) for line in expected.lines]
    assert _figures(html, "Q") == [figure(line.critical_quantity, 3) for line in expected.lines]
    assert _figures(html, "beta") == [figure(line.beta, 1) for line in expected.lines]
    assert _figures(html, "ratio") == [figure(line.ratio) for line in expected.lines]
    assert _figures(html, "weighted") == [figure(line.weighted) for line in expected.lines]
    assert _figures(html, "S") == [result_figure(expected.s)]
    assert _figures(html, "weighted_sum") == [result_figure(expected.weighted_sum)]
    assert _figures(html, "alpha") == [figure(expected.alpha, 1)]
    assert _figures(html, "R") == [result_figure(expected.r)]
    assert expected.level == 4 and _figures(html, "level") == [str(LEVEL_NAMES[4])]
    assert "稀释剂" in html and "W5.1" in html


@pytest.mark.parametrize(("tonnes", "s"), [("4995", "0.999"), ("4999.999", "0.9999"), ("5000", "1")])
def test_the_report_never_rounds_s_up_to_the_boundary(world, tonnes, s):
    u = unit(world)
    item(world, u, name=None, chemical_name="柴油", categories="W5.4", tonnes=tonnes)  # Q 5000 t
    record = Identification.objects.get(unit=u)
    context = report_context(record)
    assert context["s"] == s and (context["r"] == "—") is (not record.is_major)
    with translation.override("en"):
        assert ("the unit is a major hazard source" in report_html(record)) is record.is_major


def test_the_report_never_rounds_r_up_to_the_next_level(world):
    u = unit(world, exposed_people=10)  # α = 1, β = 1, Q = 5000: R = q/5000
    item(world, u, name=None, chemical_name="柴油", categories="W5.4", tonnes="499999.999")
    record = Identification.objects.get(unit=u)
    assert record.level == 2 and report_context(record)["r"] == "99.9999"


def test_the_report_pdf_prints_the_figures(world, source):
    text = pdf_text(IdentificationReportExporter(user=world.head_a, params={"unit": source.pk}).render())
    expected = identify({"氨": 12}, exposed_people=60)
    assert f"S = Σ qᵢ/Qᵢ = {result_figure(expected.s)}" in text.replace("  ", " ")
    assert result_figure(expected.r) in text and source.name in text


def test_the_register_sheet(world, source):
    services.register_entry_save(
        unit=source,
        data={"number": "备[2026]1号", "level": 4, "filing_authority": "应急管理局", "filed_on": timezone.localdate()},
        user=world.safety_manager,
    )
    unit(world, code="U-2", name="空单元")
    rows = xlsx_rows(RegisterExporter(user=world.leader, params={}).render())
    assert rows[1][0] == source.code and rows[1][6] == 1.2 and rows[1][7] == 3.6
    assert rows[1][8] == str(LEVEL_NAMES[4]) and rows[1][11] == "备[2026]1号"
    assert rows[2][0] == "U-2" and rows[2][6] is None and len(rows) == 3


def test_the_register_export_is_scoped(world, source):
    major_unit(world, code="B-1", department=world.dept_b)
    rows = xlsx_rows(RegisterExporter(user=world.head_a, params={}).render())
    assert [r[0] for r in rows[1:]] == [source.code]
    assert not RegisterExporter.allowed(world.employee_a)


@pytest.mark.parametrize(
    "persona, page, api",
    [
        ("safety_manager", 200, 200),
        ("leader", 200, 200),
        ("head_a", 200, 200),
        # The pages are closed to employees; through the API the unit is outside their scope.
        ("employee_a", 403, 404),
        ("outsider", 404, 404),
    ],
)
def test_who_opens_a_unit_of_department_a(world, client_for, api_for, source, persona, page, api):
    assert client_for(persona).get(f"/major-hazards/{source.pk}/").status_code == page
    assert api_for(persona).get(f"/api/v1/major-hazards/units/{source.pk}/").status_code == api


@pytest.mark.parametrize(
    "persona, edit, item_status",
    [
        ("safety_manager", 200, 302),
        ("head_a", 403, 403),
        ("leader", 403, 403),
        ("employee_a", 403, 403),
        ("outsider", 403, 403),
    ],
)
def test_html_permission_matrix(world, client_for, source, persona, edit, item_status):
    client = client_for(persona)
    assert client.get(f"/major-hazards/{source.pk}/edit/").status_code == edit
    response = client.post(
        f"/major-hazards/{source.pk}/inventory/new/", {"substance": substance("氯").pk, "max_quantity": "1"}
    )
    assert response.status_code == item_status
    assert InventoryItem.objects.filter(unit=source).count() == (2 if item_status == 302 else 1)


@pytest.mark.parametrize(
    "method, url, persona, expected",
    [
        ("get", "/api/v1/major-hazards/units/", "employee_a", 403),
        ("get", "/api/v1/major-hazards/units/", "head_a", 200),
        ("post", "/api/v1/major-hazards/units/", "head_a", 403),
        ("post", "/api/v1/major-hazards/units/", "leader", 403),
        ("post", "/api/v1/major-hazards/inventory/", "head_a", 403),
        ("post", "/api/v1/major-hazards/register/", "leader", 403),
        ("get", "/api/v1/major-hazards/substances/", "employee_a", 200),
    ],
)
def test_api_permission_matrix(world, api_for, source, method, url, persona, expected):
    body = {
        "code": "X",
        "name": "x",
        "unit_kind": "storage",
        "department": world.dept_a.pk,
        "unit": source.pk,
        "max_quantity": "1",
        "substance": substance("氯").pk,
    }
    response = getattr(api_for(persona), method)(url, body, format="json")
    assert response.status_code == expected, response.content


def test_heads_see_only_their_departments_units(world, client_for, api_for, source):
    other = major_unit(world, code="B-1", department=world.dept_b)
    page = client_for("head_a").get("/major-hazards/").content.decode()
    assert source.code in page and other.code not in page
    codes = [u["code"] for u in api_for("head_a").get("/api/v1/major-hazards/units/").json()["results"]]
    assert codes == [source.code]
    assert client_for("head_a").get(f"/major-hazards/{other.pk}/").status_code == 404


def test_the_api_runs_the_whole_record(world, api_for):
    api = api_for("safety_manager")
    created = api.post(
        "/api/v1/major-hazards/units/",
        {
            "code": "U-9",
            "name": "液化气站",
            "unit_kind": "storage",
            "department": world.dept_a.pk,
            "exposed_people": 100,
        },
        format="json",
    )
    assert created.status_code == 201, created.content
    unit_id = created.json()["id"]
    assert created.json()["current_identification"] is None
    line = api.post(
        "/api/v1/major-hazards/inventory/",
        {
            "unit": unit_id,
            "substance": substance("液化石油气(含丙烷、丁烷及其混合物)").pk,
            "categories": "W2",
            "max_quantity": "60",
        },
        format="json",
    )
    assert line.status_code == 201, line.content
    unit_data = api.get(f"/api/v1/major-hazards/units/{unit_id}/").json()
    current = unit_data["current_identification"]
    assert current["is_major"] and Decimal(current["s"]) == Decimal("1.2")
    assert Decimal(current["r"]) == Decimal("3.6") and current["level"] == 4  # 2 × 1.5 × 1.2
    changed = api.patch(f"/api/v1/major-hazards/inventory/{line.json()['id']}/", {"max_quantity": "30"}, format="json")
    assert changed.status_code == 200
    history = api.get(f"/api/v1/major-hazards/identifications/?unit={unit_id}").json()["results"]
    assert [h["is_major"] for h in history] == [False, True]
    bad = api.post(
        "/api/v1/major-hazards/inventory/",
        {"unit": unit_id, "chemical_name": "x", "categories": "Z9", "max_quantity": "1"},
        format="json",
    )
    assert bad.status_code == 400
    entry = api.post(
        "/api/v1/major-hazards/register/",
        {
            "unit": unit_id,
            "number": "备-9",
            "level": 4,
            "filing_authority": "应急管理局",
            "filed_on": timezone.localdate().isoformat(),
        },
        format="json",
    )
    assert entry.status_code == 201, entry.content
    assessment = api.post(
        "/api/v1/major-hazards/assessments/",
        {"unit": unit_id, "assessed_on": "2025-01-10", "assessor": "评价公司"},
        format="json",
    )
    assert assessment.status_code == 201 and assessment.json()["next_due"] == "2028-01-10"
    measure = api.post(
        "/api/v1/major-hazards/measures/",
        {"unit": unit_id, "measure_kind": "interlock", "name": "紧急切断"},
        format="json",
    )
    assert measure.status_code == 201, measure.content
    check = api_for("head_a").post(
        f"/api/v1/major-hazards/measures/{measure.json()['id']}/check/", {"check_result": "working"}, format="json"
    )
    assert check.status_code == 201, check.content
    outsider = api_for("outsider").post(
        f"/api/v1/major-hazards/measures/{measure.json()['id']}/check/", {}, format="json"
    )
    assert outsider.status_code == 404
    again = api.post(f"/api/v1/major-hazards/units/{unit_id}/identify/")
    assert again.status_code == 201 and not again.json()["is_major"]


def test_pages_render_with_history_and_forms(world, client_for, source):
    client = client_for("safety_manager")
    services.measure_save(unit=source, data={"measure_kind": "video", "name": "视频监控"}, user=world.safety_manager)
    detail = client.get(f"/major-hazards/{source.pk}/").content.decode()
    assert 'data-testid="level"' in detail and "history-list" in detail
    for url in (
        "/major-hazards/",
        "/major-hazards/?q=液氨&major=1&level=4",
        "/major-hazards/register/",
        "/major-hazards/measures/?measure_kind=video",
        "/major-hazards/new/",
        f"/major-hazards/{source.pk}/inventory/new/",
        f"/major-hazards/{source.pk}/register/new/",
        f"/major-hazards/{source.pk}/assessments/new/",
        f"/major-hazards/{source.pk}/measures/new/",
    ):
        assert client.get(url).status_code == 200, url
    report = client.get(f"/major-hazards/identifications/{Identification.objects.first().pk}/report/")
    assert report.status_code == 200 and report["Content-Type"] == "application/pdf"


def test_the_html_forms_change_the_inventory_and_record_checks(world, client_for, source):
    client = client_for("safety_manager")
    line = source.inventory.get()
    response = client.post(
        f"/major-hazards/{source.pk}/inventory/{line.pk}/edit/", {"substance": line.substance_id, "max_quantity": "20"}
    )
    assert response.status_code == 302
    assert Identification.objects.filter(unit=source).count() == 2
    measure = services.measure_save(
        unit=source, data={"measure_kind": "alarm", "name": "报警"}, user=world.safety_manager
    )
    response = client_for("head_a").post(
        f"/major-hazards/{source.pk}/measures/{measure.pk}/check/",
        {"checked_on": timezone.localdate().isoformat(), "check_result": "working"},
    )
    assert response.status_code == 302
    measure.refresh_from_db()
    assert measure.last_checked_on == timezone.localdate()
    response = client.post(f"/major-hazards/{source.pk}/inventory/{line.pk}/delete/")
    assert response.status_code == 302 and not source.inventory.exists()
    assert Identification.objects.filter(unit=source).count() == 3


def test_list_api_and_export_queries_stay_flat(world, client_for, api_for):
    major_unit(world, code="U-0")
    small = (
        count_queries(lambda: client_for("safety_manager").get("/major-hazards/")),
        count_queries(lambda: api_for("safety_manager").get("/api/v1/major-hazards/units/")),
        count_queries(lambda: RegisterExporter(user=world.safety_manager, params={}).render()),
    )
    for n in range(1, 8):
        major_unit(world, code=f"U-{n}")
    large = (
        count_queries(lambda: client_for("safety_manager").get("/major-hazards/")),
        count_queries(lambda: api_for("safety_manager").get("/api/v1/major-hazards/units/")),
        count_queries(lambda: RegisterExporter(user=world.safety_manager, params={}).render()),
    )
    assert small == large


def test_the_reference_tables_are_searchable(world, client_for):
    page = client_for("leader").get("/major-hazards/reference/?q=光气").content.decode()
    assert "碳酰氯" in page and "75-44-5" in page and "甲醇" not in page.split("data-testid")[-1]
    assert "W5.1" in page  # the categories are always shown
    assert client_for("employee_a").get("/major-hazards/reference/").status_code == 403


def test_a_level_changed_since_filing_asks_for_filing_again(world, client_for, source):
    services.register_entry_save(
        unit=source,
        data={"number": "备-1", "level": 4, "filing_authority": "应急管理局", "filed_on": timezone.localdate()},
        user=world.safety_manager,
    )
    client = client_for("safety_manager")
    assert 'data-testid="refile"' not in client.get(f"/major-hazards/{source.pk}/").content.decode()
    line = source.inventory.get()
    services.inventory_item_save(
        unit=source, item=line, data={"max_quantity": Decimal("300")}, user=world.safety_manager
    )  # R = 1.5 × 2 × 30 = 90: level 2
    assert 'data-testid="refile"' in client.get(f"/major-hazards/{source.pk}/").content.decode()


def test_the_report_export_is_kept_as_a_generated_file(world, source, django_capture_on_commit_callbacks):
    from apps.core import services as core_services
    from apps.core.models import GeneratedFileStatus

    with django_capture_on_commit_callbacks(execute=True):
        generated = core_services.export_start(
            user=world.head_a, kind="major_hazards.identification_pdf", params={"unit": str(source.pk)}
        )
    generated.refresh_from_db()
    assert generated.status == GeneratedFileStatus.DONE
    assert generated.file.open("rb").read(4) == b"%PDF"


def test_the_unit_page_queries_stay_flat(world, client_for, source):
    from django.core.files.uploadedfile import SimpleUploadedFile

    def add(n: int) -> None:
        line = source.inventory.get()
        for i in range(n):
            services.inventory_item_save(
                unit=source, item=line, data={"max_quantity": Decimal(13 + i)}, user=world.safety_manager
            )
            services.register_entry_save(
                unit=source,
                user=world.safety_manager,
                data={"number": f"备-{n}-{i}", "level": 4, "filing_authority": "局", "filed_on": timezone.localdate()},
                files=[SimpleUploadedFile(f"c{i}.pdf", b"%PDF-1.4", content_type="application/pdf")],
            )
            measure = services.measure_save(
                unit=source, data={"measure_kind": "alarm", "name": f"报警{i}"}, user=world.safety_manager
            )
            services.measure_check(measure=measure, user=world.safety_manager)

    client = client_for("safety_manager")
    add(1)
    small = count_queries(lambda: client.get(f"/major-hazards/{source.pk}/"))
    add(5)
    assert count_queries(lambda: client.get(f"/major-hazards/{source.pk}/")) == small


def test_the_list_filters_find_sources_not_filed_or_not_assessed(world, client_for, source):
    filed = major_unit(world, code="U-2")
    services.register_entry_save(
        unit=filed,
        data={"number": "备-2", "level": 4, "filing_authority": "局", "filed_on": timezone.localdate()},
        user=world.safety_manager,
    )
    services.assessment_save(
        unit=filed, data={"assessed_on": timezone.localdate(), "assessor": "x"}, user=world.safety_manager
    )
    client = client_for("leader")

    def codes(query: str) -> list[str]:
        page = client.get(f"/major-hazards/?{query}").context["page"]
        return [u.code for u in page.object_list]

    assert codes("major=1&filed=0") == [source.code]
    assert codes("filed=1") == [filed.code]
    assert codes("major=1&assessment=not_current") == [source.code]
    assert codes("q=液氨") == [source.code, filed.code]


def test_changing_the_people_exposed_in_the_html_form_identifies_again(world, client_for):
    u = major_unit(world, exposed_people=10)  # α 1.0
    data = {
        "code": u.code,
        "name": u.name,
        "unit_kind": u.unit_kind,
        "location": u.location,
        "department": u.department_id,
        "exposed_people": 150,
        "is_active": "on",
        "notes": "",
    }
    response = client_for("safety_manager").post(f"/major-hazards/{u.pk}/edit/", data)
    assert response.status_code == 302
    latest = Identification.objects.filter(unit=u).first()
    assert latest.exposed_people == 150 and latest.alpha == 2
    assert Identification.objects.filter(unit=u).count() == 2


def test_the_level_names_are_translated(world):
    with translation.override("en"):
        assert [str(LEVEL_NAMES[n]) for n in (1, 2, 3, 4)] == ["Level 1", "Level 2", "Level 3", "Level 4"]
    with translation.override("zh-hans"):
        assert str(LEVEL_NAMES[1]) == "一级"


def test_a_table_1_substance_without_categories_is_refused_by_the_form_and_the_api(world, client_for, api_for):
    u = unit(world)
    gas = substance("甲烷,天然气")
    with translation.override("en"):
        page = client_for("safety_manager").post(
            f"/major-hazards/{u.pk}/inventory/new/",
            {"substance": gas.pk, "chemical_name": "", "categories": "", "max_quantity": "60"},
        )
        assert page.status_code == 200
        assert "categories" in page.context["form"].errors
        assert "β" in page.context["form"].errors["categories"][0]
        answer = api_for("safety_manager").post(
            "/api/v1/major-hazards/inventory/", {"unit": u.pk, "substance": gas.pk, "max_quantity": "60"}, format="json"
        )
    assert answer.status_code == 400 and "categories" in answer.json()
    assert not InventoryItem.objects.filter(unit=u).exists()
    assert not Identification.objects.filter(unit=u).exists()


@pytest.mark.parametrize(
    ("people", "tonnes", "s", "r"),
    [
        (10, "4999.95", "0.9999", "—"),  # S = 0.99999: not major, never shown as 1
        (10, "499999.95", "99.9999", "99.9999"),
    ],  # R = 99.99999: level 2, never shown as 100
)
def test_the_pages_cut_s_and_r_like_the_report(world, client_for, people, tonnes, s, r):
    u = unit(world, exposed_people=people)  # α 1, W5.4: β 1, Q 5000 t
    item(world, u, name=None, chemical_name="柴油", categories="W5.4", tonnes=tonnes)
    client = client_for("safety_manager")
    detail = client.get(f"/major-hazards/{u.pk}/").content.decode()
    assert re.search(r'data-testid="s">([^<]*)<', detail).group(1) == s
    if r != "—":
        assert re.search(r'data-testid="r">([^<]*)<', detail).group(1) == r
    listing = client.get("/major-hazards/").content.decode()
    row = listing[listing.index(u.code) :]
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
    assert cells[3].strip() == s and cells[4].strip() == r


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"checked_on": "2026-01-05", "check_result": "fault", "findings": ""}, "findings"),
        ({"checked_on": "", "check_result": "fault", "findings": "探头失灵"}, "checked_on"),
    ],
)
def test_a_refused_check_keeps_what_was_typed(world, client_for, source, data, field):
    measure = services.measure_save(
        unit=source, data={"measure_kind": "alarm", "name": "报警"}, user=world.safety_manager
    )
    with translation.override("en"):
        response = client_for("head_a").post(f"/major-hazards/{source.pk}/measures/{measure.pk}/check/", data)
    assert response.status_code == 400
    assert field in response.context["check_form"].errors
    page = response.content.decode()
    assert 'data-testid="check-errors"' in page
    assert '<option value="fault" selected>' in page
    if data["checked_on"]:
        assert 'value="2026-01-05"' in page
    if data["findings"]:
        assert 'value="探头失灵"' in page
    assert not measure.checks.exists()
