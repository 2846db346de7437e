import datetime as dt
import shutil
import subprocess

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from rest_framework.test import APIClient

from apps.core.exceptions import ApplicationError
from apps.equipment import services
from apps.equipment.exporters import LedgerExporter
from apps.equipment.importers import equipment_import
from apps.equipment.models import Equipment, Record, SpecialEquipmentType
from apps.equipment.sheets import EQUIPMENT_COLUMNS
from apps.hazards.models import Hazard
from apps.workflow.models import Task
from tests.equipment.factories import crane, equipment
from tests.helpers import count_queries, xlsx_rows, xlsx_upload

D = dt.date


@pytest.fixture
def item(world):
    return crane(world)


@pytest.fixture
def other(world):
    return equipment(world, code="B-1", department=world.dept_b)


@pytest.mark.parametrize(
    "persona, expected",
    # Employees see the equipment of the department they work in (employee_a is in team A-1).
    [("safety_manager", 200), ("leader", 200), ("head_a", 200), ("employee_a", 404), ("outsider", 404)],
)
def test_who_opens_equipment_of_department_a(world, client_for, api_for, item, persona, expected):
    assert client_for(persona).get(f"/equipment/{item.pk}/").status_code == expected
    assert api_for(persona).get(f"/api/v1/equipment/{item.pk}/").status_code == expected


@pytest.mark.parametrize(
    "persona, page, edit, record",
    [
        ("safety_manager", 200, 200, 302),
        ("head_a", 200, 200, 302),
        ("leader", 200, 403, 403),
        ("employee_a", 200, 403, 404),
        ("outsider", 200, 404, 404),
    ],
)
def test_html_permission_matrix(world, client_for, item, persona, page, edit, record):
    client = client_for(persona)
    assert client.get("/equipment/").status_code == page
    assert client.get(f"/equipment/{item.pk}/edit/").status_code == edit
    response = client.post(
        f"/equipment/{item.pk}/records/", {"kind": "daily_check", "result": "pass", "performed_on": "2024-03-01"}
    )
    assert response.status_code == record


@pytest.mark.parametrize(
    "method, url, persona, expected",
    [
        ("get", "/api/v1/equipment/devices/", "employee_a", 403),
        ("get", "/api/v1/equipment/devices/", "head_a", 200),
        ("get", "/api/v1/equipment/plans/", "leader", 200),
        ("post", "/api/v1/equipment/{a}/record/", "head_a", 201),
        ("post", "/api/v1/equipment/{a}/record/", "safety_manager", 201),
        ("post", "/api/v1/equipment/{a}/record/", "leader", 403),
        ("post", "/api/v1/equipment/{a}/record/", "employee_a", 404),
        ("post", "/api/v1/equipment/{a}/record/", "outsider", 404),
        ("post", "/api/v1/equipment/{b}/record/", "head_a", 404),
        ("post", "/api/v1/equipment/{b}/record/", "outsider", 201),
        ("patch", "/api/v1/equipment/{a}/", "head_a", 200),
        ("patch", "/api/v1/equipment/{a}/", "outsider", 404),
        ("patch", "/api/v1/equipment/{a}/", "leader", 403),
    ],
)
def test_api_permission_matrix(world, api_for, item, other, method, url, persona, expected):
    url = url.format(a=item.pk, b=other.pk)
    body = {"location": "二号厂房"} if method == "patch" else {"kind": "daily_check", "result": "pass"}
    client = api_for(persona)
    response = client.get(url) if method == "get" else getattr(client, method)(url, body, format="json")
    assert response.status_code == expected, response.content


def test_employees_see_their_own_departments_equipment(world, client_for, api_for):
    mine = equipment(world, code="T-1", department=world.team_a)
    assert client_for("employee_a").get(f"/equipment/{mine.pk}/").status_code == 200
    assert api_for("employee_a").get("/api/v1/equipment/").json()["count"] == 1


def test_heads_list_only_their_departments(world, client_for, api_for, item, other):
    assert api_for("head_a").get("/api/v1/equipment/").json()["count"] == 1
    assert api_for("safety_manager").get("/api/v1/equipment/").json()["count"] == 2
    html = client_for("outsider").get("/equipment/").content.decode()
    assert "B-1" in html and item.code not in html


def test_a_head_cannot_create_equipment_elsewhere(world, api_for):
    body = {"code": "X-1", "name": "叉车", "department": world.dept_b.pk}
    assert api_for("head_a").post("/api/v1/equipment/", body, format="json").status_code == 403
    body["department"] = world.dept_a.pk
    assert api_for("head_a").post("/api/v1/equipment/", body, format="json").status_code == 201


def test_a_failed_inspection_from_the_phone_page_raises_a_hazard(world, client_for, item):
    response = client_for("head_a").post(
        f"/equipment/{item.pk}/records/",
        {
            "kind": "daily_check",
            "result": "fail",
            "performed_on": timezone.localdate().isoformat(),
            "findings": "限位开关失效",
            "raise_hazard": "on",
        },
    )
    assert response.status_code == 302
    hazard = Hazard.objects.get()
    assert Record.objects.get().hazard_code == hazard.code


def test_maintenance_without_a_plan_is_refused_in_the_page(world, client_for, item):
    response = client_for("head_a").post(
        f"/equipment/{item.pk}/records/",
        {"kind": "maintenance", "result": "pass", "performed_on": timezone.localdate().isoformat()},
    )
    assert response.status_code == 400
    assert not Record.objects.exists()


def _many(world, count: int) -> None:
    types = list(SpecialEquipmentType.objects.all())
    Equipment.objects.bulk_create(
        [
            Equipment(
                code=f"Q{count}-{i:05d}",
                name="设备",
                department=world.dept_a,
                special_type=types[i % len(types)] if i % 3 else None,
                owner=world.head_a,
                next_inspection_due=D(2025, 1, 1) + dt.timedelta(days=i % 900),
            )
            for i in range(count)
        ]
    )


def test_ledger_page_api_and_export_run_the_same_queries_for_10_and_1000_items(world, client_for, api_for):
    counts = {}
    for size in (10, 1000):
        Equipment.objects.all().delete()
        _many(world, size)
        client = client_for("head_a")
        api = APIClient()
        api.force_authenticate(type(world.head_a).objects.get(pk=world.head_a.pk))
        user = type(world.head_a).objects.get(pk=world.head_a.pk)
        client.get("/equipment/")  # warm the session
        counts[size] = (
            count_queries(lambda c=client: c.get("/equipment/")),
            count_queries(lambda c=client: c.get("/equipment/?overdue=1&special=1")),
            count_queries(lambda a=api: a.get("/api/v1/equipment/")),
            count_queries(lambda u=user: LedgerExporter(user=u, params={}).render()),
        )
    assert counts[10] == counts[1000], counts
    assert max(counts[1000]) <= 15, counts


def _sheet(rows) -> SimpleUploadedFile:
    """The ledger sheet with its header in the language in force."""
    return xlsx_upload(rows, "ledger.xlsx", header=[str(c.label) for c in EQUIPMENT_COLUMNS])


def _row(code, dept="A", type_code="4100", last="2024-02-29", status="in_use"):
    return [
        code,
        "桥式起重机",
        "起重机械",
        type_code,
        "QD10t",
        "太原重工",
        f"SN-{code}",
        "一号厂房",
        dept,
        "",
        "2020-01-01",
        "",
        status,
        None,
        last,
        None,
    ]


def test_one_bad_row_imports_nothing_and_names_row_column_and_reason(world, english):
    upload = _sheet([_row("E-1"), _row("E-2", type_code="9999"), _row("E-3")])
    with pytest.raises(ApplicationError, match="Nothing was imported: 1 problem") as exc:
        equipment_import(upload=upload, user=world.safety_manager)
    assert not Equipment.objects.exists()
    [error] = exc.value.errors
    assert error.row == 3
    assert error.column == str(EQUIPMENT_COLUMNS[3].label)
    assert error.message == "No special equipment type has this code."


def test_a_head_imports_only_into_their_departments(world, english):
    with pytest.raises(ApplicationError, match="Nothing was imported: 1 problem") as exc:
        equipment_import(upload=_sheet([_row("E-1", dept="B")]), user=world.head_a)
    [error] = exc.value.errors
    assert (error.row, error.message) == (2, "You do not head this department.")


def test_the_import_page_lists_the_bad_rows(world, client_for, english):
    response = client_for("safety_manager").post("/equipment/import/", {"file": _sheet([_row("E-1", dept="ZZ")])})
    assert response.status_code == 200
    assert "No department has this code." in response.content.decode()
    assert not Equipment.objects.exists()


def test_5000_good_rows_import_and_the_export_reads_back(world):
    result = equipment_import(upload=_sheet([_row(f"E-{i:05d}") for i in range(5000)]), user=world.safety_manager)
    assert result.created == 5000
    item = Equipment.objects.get(code="E-00042")
    assert item.inspection_interval_months == 24 and item.next_inspection_due == D(2026, 2, 28)
    content = LedgerExporter(user=world.safety_manager, params={}).render()
    rows = xlsx_rows(content)
    assert len(rows) == 5001
    # What goes out comes back in: a re-import updates every row and creates none.
    again = equipment_import(upload=SimpleUploadedFile("x.xlsx", content), user=world.safety_manager)
    assert (again.created, again.updated) == (0, 5000)


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="needs poppler's pdftoppm")
def test_the_label_sheet_holds_one_scannable_code_per_item(world, client_for, item, tmp_path):
    zxingcpp = pytest.importorskip("zxingcpp")
    from PIL import Image

    second = equipment(world, code="EQ-2")
    response = client_for("head_a").get("/equipment/labels/")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    pdf = tmp_path / "labels.pdf"
    pdf.write_bytes(response.content)
    subprocess.run(["pdftoppm", "-r", "200", "-png", str(pdf), str(tmp_path / "page")], check=True)
    found = []
    for png in sorted(tmp_path.glob("page*.png")):
        found += [r.text for r in zxingcpp.read_barcodes(Image.open(png))]
    assert sorted(found) == sorted(
        [f"http://testserver/equipment/{item.pk}/", f"http://testserver/equipment/{second.pk}/"]
    )


def test_the_phone_page_offers_to_record_an_inspection(world, client_for, item):
    html = client_for("head_a").get(f"/equipment/{item.pk}/").content.decode()
    assert f'action="/equipment/{item.pk}/records/"' in html
    html = client_for("leader").get(f"/equipment/{item.pk}/").content.decode()
    assert f'action="/equipment/{item.pk}/records/"' not in html


def test_other_pages_render(world, client_for, item):
    client = client_for("head_a")
    for url in (
        "/equipment/devices/",
        "/equipment/plans/",
        "/equipment/projects/",
        "/equipment/new/",
        "/equipment/devices/new/",
        "/equipment/plans/new/",
        "/equipment/projects/new/",
        "/equipment/import/",
        "/equipment/import/template/",
    ):
        assert client.get(url).status_code == 200, url
    assert client_for("employee_a").get("/equipment/devices/").status_code == 403


def test_the_person_responsible_records_from_the_phone(world, client_for):
    item = equipment(world, code="B-9", department=world.dept_b, owner=world.employee_a)
    client = client_for("employee_a")
    assert 'name="result"' in client.get(f"/equipment/{item.pk}/").content.decode()
    response = client.post(
        f"/equipment/{item.pk}/records/",
        {"kind": "daily_check", "result": "pass", "performed_on": timezone.localdate().isoformat()},
    )
    assert response.status_code == 302 and Record.objects.filter(equipment=item).exists()
    assert client.get(f"/equipment/{item.pk}/edit/").status_code == 403


def test_a_scrapping_request_shows_its_task(world, client_for, item):
    response = client_for("head_a").post(f"/equipment/{item.pk}/scrap/", {"reason": "超过设计使用年限"})
    assert response.status_code == 302
    html = client_for("head_a").get(f"/equipment/{item.pk}/").content.decode()
    item.refresh_from_db()
    assert f'href="/tasks/{item.scrap_task_id}/"' in html


def test_a_partial_api_update_keeps_a_due_date_entered_by_hand(world, api_for):
    item = equipment(world, code="H-1", next_inspection_due=D(2026, 5, 31))
    response = api_for("head_a").patch(f"/api/v1/equipment/{item.pk}/", {"location": "三号厂房"}, format="json")
    assert response.status_code == 200
    assert response.json()["next_inspection_due"] == "2026-05-31"


def test_tasks_raised_by_the_daily_job_link_back_to_their_record(world, client_for, api_for):
    crane(world, code="C-9", last=timezone.localdate() - dt.timedelta(days=720))
    services.device_save(
        data={
            "code": "SV-9",
            "name": "安全阀",
            "kind": "safety_valve",
            "department": world.dept_a,
            "cycle_months": 12,
            "last_checked_on": timezone.localdate() - dt.timedelta(days=360),
        },
        user=world.safety_manager,
    )
    assert services.due_tasks_raise() == 2
    for task in Task.objects.all():
        response = client_for("head_a").get(f"/tasks/{task.pk}/")
        assert response.status_code == 200
        assert f'href="{task.source.get_absolute_url()}"' in response.content.decode()
    device = api_for("head_a").get("/api/v1/equipment/devices/").json()["results"][0]
    response = api_for("head_a").post(
        f"/api/v1/equipment/devices/{device['id']}/check/",
        {"checked_on": timezone.localdate().isoformat()},
        format="json",
    )
    assert response.status_code == 200 and response.json()["next_due"] > timezone.localdate().isoformat()
    assert (
        api_for("outsider")
        .post(f"/api/v1/equipment/devices/{device['id']}/check/", {"checked_on": "2024-01-01"}, format="json")
        .status_code
        == 404
    )


def test_projects_through_the_api(world, api_for):
    body = {
        "name": "危化品库房新建",
        "kind": "new",
        "department": world.dept_a.pk,
        "designed_on": "2025-01-10",
        "built_on": "2025-06-01",
    }
    assert api_for("head_a").post("/api/v1/equipment/projects/", body, format="json").status_code == 201
    body["department"] = world.dept_b.pk
    assert api_for("head_a").post("/api/v1/equipment/projects/", body, format="json").status_code == 403
    assert api_for("employee_a").get("/api/v1/equipment/projects/").status_code == 403
    assert api_for("leader").get("/api/v1/equipment/types/").json()[0]["code"] == "1100"
