import datetime as dt
import re
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from apps.hazards import services
from apps.hazards.exporters import LedgerExporter, StatisticsExporter, StatisticsPdfExporter
from apps.hazards.models import Hazard, HazardStatus, InspectionResult
from tests.hazards.factories import PLAN, assign, photo, report
from tests.helpers import count_queries, pdf_embedded_cjk_fonts, pdf_text, xlsx_rows


@pytest.fixture
def hazard(world):
    return report(world)


@pytest.mark.parametrize(
    "persona, expected",
    [("employee_a", 200), ("safety_manager", 200), ("leader", 200), ("head_a", 200), ("outsider", 404)],
)
def test_who_opens_a_hazard(world, client_for, hazard, persona, expected):
    assert client_for(persona).get(f"/hazards/{hazard.pk}/").status_code == expected
    assert client_for(persona).get(f"/api/v1/hazards/{hazard.pk}/").status_code == expected


@pytest.mark.parametrize(
    "persona, ledger, statistics, plans",
    [
        ("safety_manager", 200, 200, 200),
        ("leader", 200, 200, 200),
        ("head_a", 200, 200, 200),
        ("employee_a", 200, 403, 403),
        ("outsider", 200, 200, 200),
    ],
)
def test_pages_by_persona(world, client_for, hazard, persona, ledger, statistics, plans):
    client = client_for(persona)
    assert client.get("/hazards/").status_code == ledger
    assert client.get("/hazards/statistics/").status_code == statistics
    assert client.get("/hazards/plans/").status_code == plans
    assert client.get("/hazards/report/").status_code == 200


def test_the_ledger_lists_only_what_one_may_see(world, client_for, hazard):
    report(world, user=world.outsider, department=world.dept_b)
    html = client_for("outsider").get("/hazards/").content.decode()
    assert hazard.code not in html
    assert client_for("head_a").get("/api/v1/hazards/").json()["count"] == 1


def test_assign_and_verify_need_the_safety_manager(world, client_for, hazard):
    data = {"department": world.dept_a.pk, "grade": "general", "deadline": "2099-01-01", **PLAN}
    assert client_for("head_a").post(f"/hazards/{hazard.pk}/assign/", data).status_code == 403
    assert client_for("safety_manager").post(f"/hazards/{hazard.pk}/assign/", data).status_code == 302
    assert client_for("leader").post(f"/hazards/{hazard.pk}/verify/", {"decision": "close"}).status_code == 403


def test_a_refused_report_keeps_what_was_typed(world, client_for):
    response = client_for("employee_a").post(
        "/hazards/report/",
        {
            "description": "地面油污未清理",
            "location": "装配车间",
            "department": world.dept_a.pk,
            "category": "environment",
            "found_on": timezone.localdate().isoformat(),
            "photos": [SimpleUploadedFile("notes.txt.jpg", b"not an image")],
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "地面油污未清理" in html and 'value="装配车间"' in html and "notes.txt.jpg" in html
    assert not Hazard.objects.exists()


def test_closing_in_the_page_says_what_is_missing(world, client_for, hazard, english):
    assign(world, hazard)
    response = client_for("safety_manager").post(f"/hazards/{hazard.pk}/verify/", {"decision": "close"})
    assert response.status_code == 400
    assert (
        "The hazard cannot be closed yet: missing the rectification record、"
        "the department head&#x27;s sign-off、after-rectification photos."
    ) in response.content.decode()


def test_photos_are_served_only_to_those_who_see_the_hazard(world, client_for, hazard):
    page = client_for("employee_a").get(f"/hazards/{hazard.pk}/").content.decode()
    url = re.search(rf'src="(/hazards/{hazard.pk}/photos/\d+/)"', page).group(1)
    assert client_for("employee_a").get(url).status_code == 200
    assert client_for("outsider").get(url).status_code == 404


def _many(world, count: int) -> None:
    """Hazards in every state, in bulk (the state machine itself is tested in test_services)."""
    today = timezone.localdate()
    statuses = list(HazardStatus.values)
    Hazard.objects.bulk_create(
        [
            Hazard(
                code=f"B{count}-{i}",
                description=f"隐患{i}",
                location="车间",
                department=world.dept_a,
                category="condition",
                grade="major" if i % 7 == 0 else "general",
                status=statuses[i % len(statuses)],
                found_on=today - dt.timedelta(days=i % 300),
                deadline=today - dt.timedelta(days=(i % 20) - 5),
                reporter=world.employee_a,
                rectified_on=today if i % 5 == 4 else None,
                cost=Decimal(i % 100),
                verified_by=world.safety_manager if i % 5 == 4 else None,
            )
            for i in range(count)
        ]
    )


def fresh(user):
    """The same user without the per-request cache of their access."""
    return type(user).objects.get(pk=user.pk)


def test_ledger_xlsx_and_statistics_run_the_same_queries_for_10_and_1000_hazards(world, client_for):
    counts = {}
    for size in (10, 1000):
        Hazard.objects.all().delete()
        _many(world, size)
        client = client_for("head_a")
        ledger_user, stats_user = fresh(world.head_a), fresh(world.head_a)
        counts[size] = (
            count_queries(lambda c=client: c.get("/hazards/?status=open&overdue=1")),
            count_queries(lambda c=client: c.get("/hazards/")),
            count_queries(lambda c=client: c.get("/hazards/statistics/")),
            count_queries(lambda c=client: c.get("/api/v1/hazards/")),
            count_queries(lambda u=ledger_user: LedgerExporter(user=u, params={}).render()),
            count_queries(lambda u=stats_user: StatisticsExporter(user=u, params={}).render()),
        )
    assert counts[10] == counts[1000], counts
    assert max(counts[1000]) <= 15


def test_the_ledger_workbook_has_the_ledger_columns(world, hazard):
    assign(world, hazard)
    rows = xlsx_rows(LedgerExporter(user=world.safety_manager, params={}).render())
    assert list(rows[0][:4]) == ["编号", "发现日期", "地点", "隐患描述"]
    assert rows[1][0] == hazard.code and len(rows) == 2


def test_statistics_report_pdf(world):
    h = report(world)
    assign(world, h)
    content = StatisticsPdfExporter(user=world.safety_manager, params={"year": str(timezone.localdate().year)}).render()
    assert world.dept_a.name in pdf_text(content)
    assert pdf_embedded_cjk_fonts(content)


def test_the_api_runs_the_closed_loop(world, api_for):
    created = api_for("employee_a").post(
        "/api/v1/hazards/",
        {
            "description": "护栏松动",
            "location": "二楼平台",
            "department": world.dept_a.pk,
            "category": "condition",
            "photos": [photo()],
        },
        format="multipart",
    )
    assert created.status_code == 201
    pk = created.json()["id"]
    assert api_for("outsider").get(f"/api/v1/hazards/{pk}/").status_code == 404
    body = {"department": world.dept_a.pk, "deadline": "2099-01-01", "grade": "general", **PLAN}
    assert api_for("head_a").post(f"/api/v1/hazards/{pk}/assign/", body, format="json").status_code == 403
    assigned = api_for("safety_manager").post(f"/api/v1/hazards/{pk}/assign/", body, format="json")
    assert assigned.status_code == 200 and assigned.json()["status"] == "rectifying"
    refused = api_for("safety_manager").post(f"/api/v1/hazards/{pk}/verify/", {"close": True}, format="json")
    assert refused.status_code == 400 and "detail" in refused.json()
    stats = api_for("head_a").get("/api/v1/hazards/statistics/")
    assert stats.status_code == 200 and stats.json()["total"]["found"] == 1
    assert api_for("employee_a").get("/api/v1/hazards/statistics/").status_code == 403


def test_the_person_assigned_opens_and_rectifies_the_hazard(world, client_for, api_for):
    hazard = report(world, user=world.safety_manager, department=world.team_a)
    services.hazard_assign(
        hazard=hazard,
        user=world.safety_manager,
        department=world.team_a,
        deadline=timezone.localdate() + dt.timedelta(days=3),
        grade="general",
        plan=PLAN,
        assignee=world.employee_a,
    )
    assert client_for("employee_a").get(f"/hazards/{hazard.pk}/").status_code == 200
    response = api_for("employee_a").post(
        f"/api/v1/hazards/{hazard.pk}/rectify/",
        {
            "measure_kinds": ["engineering"],
            "measures": "已整改",
            "cost": "0",
            "rectified_on": timezone.localdate().isoformat(),
            "photos": [photo()],
        },
        format="multipart",
    )
    assert response.status_code == 200 and response.json()["status"] == "submitted"
    detail = api_for("employee_a").get(f"/api/v1/hazards/{hazard.pk}/").json()
    assert {p["when"] for p in detail["photos"]} == {"before", "after"}


def test_the_task_page_sends_people_to_the_hazard(world, client_for, hazard):
    assign(world, hazard)
    hazard.refresh_from_db()
    html = client_for("head_a").get(f"/tasks/{hazard.task_id}/").content.decode()
    assert f"/hazards/{hazard.pk}/" in html
    assert "/submit/" not in html


API_MATRIX = [
    # method, url, persona, status
    ("get", "/api/v1/hazards/{h}/", "outsider", 404),
    ("get", "/api/v1/hazards/{h}/", "leader", 200),
    ("post", "/api/v1/hazards/{h}/assign/", "leader", 403),
    ("post", "/api/v1/hazards/{h}/assign/", "head_a", 403),
    ("post", "/api/v1/hazards/{h}/verify/", "head_a", 403),
    ("post", "/api/v1/hazards/{h}/rectify/", "outsider", 404),
    ("get", "/api/v1/hazards/statistics/", "employee_a", 403),
    ("get", "/api/v1/hazards/statistics/", "leader", 200),
    ("get", "/api/v1/inspections/", "employee_a", 403),
    ("get", "/api/v1/inspections/", "head_a", 200),
    ("get", "/api/v1/inspection-plans/", "employee_a", 403),
    ("post", "/api/v1/inspection-plans/", "head_a", 403),
    ("get", "/api/v1/checklists/", "head_a", 200),
    ("post", "/api/v1/checklists/", "head_a", 403),
    ("post", "/api/v1/checklists/", "leader", 403),
    ("post", "/api/v1/inspections/", "employee_a", 403),
    ("post", "/api/v1/inspections/", "leader", 403),
]


@pytest.mark.parametrize("method, url, persona, expected", API_MATRIX)
def test_api_permission_matrix(world, api_for, hazard, method, url, persona, expected):
    response = getattr(api_for(persona), method)(url.format(h=hazard.pk), {}, format="json")
    assert response.status_code == expected


def test_inspections_and_checklists_through_the_api(world, api_for):
    created = api_for("safety_manager").post(
        "/api/v1/checklists/",
        {"name": "日常巡检表", "kind": "daily", "items_text": "通道｜畅通\n消防｜灭火器完好"},
        format="json",
    )
    assert created.status_code == 201
    items = created.json()["items"]
    recorded = api_for("head_a").post(
        "/api/v1/inspections/",
        {
            "checklist": created.json()["id"],
            "kind": "daily",
            "department": world.dept_a.pk,
            "location": "车间",
            "inspected_on": timezone.localdate().isoformat(),
            "results": [
                {"item": items[0]["id"], "result": "fail", "note": "通道堵塞"},
                {"item": items[1]["id"], "result": "pass"},
            ],
        },
        format="json",
    )
    assert recorded.status_code == 201 and recorded.json()["failed"] == 1
    failed = InspectionResult.objects.get(result="fail")
    raised = api_for("head_a").post(
        f"/api/v1/inspections/{recorded.json()['id']}/raise-hazard/", {"result": failed.pk}, format="json"
    )
    assert raised.status_code == 201 and raised.json()["source"] == "inspection"
    assert (
        api_for("head_a")
        .post(
            "/api/v1/inspections/",
            {
                "kind": "daily",
                "department": world.dept_b.pk,
                "location": "x",
                "inspected_on": timezone.localdate().isoformat(),
            },
            format="json",
        )
        .status_code
        == 403
    )
