import datetime as dt

import pytest
from django.contrib.messages import get_messages
from rest_framework.test import APIClient

from apps.core.models import GeneratedFile, GeneratedFileStatus
from apps.core.services import attachment_add
from apps.emergency import services
from apps.emergency.exporters import DrillRegisterExporter, DrillReportExporter, SupplyRegisterExporter
from apps.emergency.models import Drill, Plan, Supply
from apps.workflow.models import Task
from tests.emergency import factories
from tests.hazards.factories import photo
from tests.helpers import count_queries, pdf_text, xlsx_rows

D = dt.date

pytestmark = pytest.mark.usefixtures("frozen_today")


@pytest.fixture
def records(world):
    plan = factories.plan(world, code="YA-A", published_on=D(2024, 1, 10))
    drill = factories.drill(world, plan, held_on=D(2024, 12, 1))
    supply = factories.supply(world, expires_on=D(2025, 1, 1))
    other = factories.plan(world, code="YA-B", department=world.dept_b, published_on=D(2024, 1, 10))
    return {"plan": plan, "drill": drill, "supply": supply, "other": other}


URLS = {
    "plans": "/emergency/",
    "plan": "/emergency/plans/{plan}/",
    "drills": "/emergency/drills/",
    "drill": "/emergency/drills/{drill}/",
    "overdue": "/emergency/drills/overdue/",
    "supplies": "/emergency/supplies/",
    "supply": "/emergency/supplies/{supply}/",
    "teams": "/emergency/teams/",
    "drill_plans": "/emergency/drill-plans/",
    "new_plan": "/emergency/plans/new/",
    "new_drill": "/emergency/drills/new/",
}


@pytest.mark.parametrize(
    ("page", "persona", "status"),
    [
        ("plans", "safety_manager", 200),
        ("plans", "leader", 200),
        ("plans", "head_a", 200),
        ("plans", "employee_a", 403),
        ("plan", "head_a", 200),
        ("plan", "leader", 200),
        ("plan", "outsider", 404),
        ("drill", "head_a", 200),
        ("drill", "outsider", 404),
        ("drills", "employee_a", 403),
        ("overdue", "leader", 200),
        ("supplies", "head_a", 200),
        ("teams", "outsider", 200),
        ("drill_plans", "head_a", 200),
        ("new_plan", "safety_manager", 200),
        ("new_plan", "head_a", 403),
        ("new_plan", "leader", 403),
        ("new_drill", "head_a", 200),
        ("new_drill", "leader", 403),
        ("supply", "head_a", 200),
        ("supply", "leader", 200),
        ("supply", "outsider", 404),
    ],
)
def test_page_permissions(client_for, records, page, persona, status):
    url = URLS[page].format(plan=records["plan"].pk, drill=records["drill"].pk, supply=records["supply"].pk)
    assert client_for(persona).get(url).status_code == status


def test_lists_show_only_the_departments_in_scope_and_flag_overdue_and_expired(client_for, records):
    page = client_for("outsider").get("/emergency/?drill_overdue=1").content.decode()
    assert "YA-B" in page and "YA-A" not in page
    page = client_for("head_a").get("/emergency/supplies/?flag=expired").content.decode()
    assert "干粉灭火器" in page and "badge text-bg-danger" in page
    assert "干粉灭火器" not in client_for("outsider").get("/emergency/supplies/").content.decode()
    page = client_for("head_a").get("/emergency/?q=YA-A").content.decode()
    assert "YA-A" in page and "YA-B" not in page


def test_a_head_records_a_drill_and_raises_an_improvement_through_the_pages(world, client_for, records):
    client = client_for("head_a")
    response = client.post(
        "/emergency/drills/new/",
        {
            "plan": records["plan"].pk,
            "department": world.dept_a.pk,
            "scenario": "桌面推演",
            "kind": "tabletop",
            "held_on": "2026-03-01",
            "duration_minutes": 60,
            "participant_count": 9,
        },
    )
    drill = Drill.objects.get(scenario="桌面推演")
    assert response.status_code == 302 and response["Location"] == drill.get_absolute_url()
    assert Plan.objects.get(pk=records["plan"].pk).next_drill_due == D(2027, 3, 1)
    response = client.post(
        f"/emergency/drills/{drill.pk}/evaluation/",
        {"evaluated_on": "2026-03-02", "worked_well": "分工明确", "problems_found": "缺担架"},
    )
    assert response.status_code == 302
    response = client.post(
        f"/emergency/drills/{drill.pk}/improvements/",
        {"description": "配置担架两副", "department": world.team_a.pk, "due_date": "2026-04-01"},
    )
    assert response.status_code == 302
    assert Task.objects.get(department=world.team_a).title.endswith("配置担架两副")
    # The outsider's department is not offered: the form refuses it.
    response = client.post(
        f"/emergency/drills/{drill.pk}/improvements/",
        {"description": "x", "department": world.dept_b.pk, "due_date": "2026-04-01"},
    )
    assert response.status_code == 400
    assert client_for("outsider").post(f"/emergency/drills/{drill.pk}/evaluation/", {}).status_code == 404


def test_the_safety_manager_records_filing_and_a_supply_check_through_the_pages(world, client_for, records):
    plan = records["plan"]
    client = client_for("safety_manager")
    assert (
        client.post(
            f"/emergency/plans/{plan.pk}/filing/", {"filed_on": "2024-02-01", "filing_number": "备-01"}
        ).status_code
        == 302
    )
    assert Plan.objects.get(pk=plan.pk).filing_number == "备-01"
    assert (
        client_for("head_a")
        .post(f"/emergency/plans/{plan.pk}/filing/", {"filed_on": "2024-02-01", "filing_number": "x"})
        .status_code
        == 403
    )
    supply = records["supply"]
    response = client_for("head_a").post(
        f"/emergency/supplies/{supply.pk}/check/",
        {"checked_on": "2026-03-01", "quantity_found": 7, "in_good_order": "on"},
    )
    assert response.status_code == 302 and Supply.objects.get(pk=supply.pk).quantity == 7
    page = client.get(f"/emergency/supplies/{supply.pk}/").content.decode()
    assert 'data-testid="checks"' in page and "history-list" in page
    detail = client.get(f"/emergency/plans/{plan.pk}/").content.decode()
    assert "备-01" in detail and "history-list" in detail


def _many(world, size: int) -> None:
    plans = Plan.objects.bulk_create(
        [
            Plan(
                code=f"P{size}-{i}",
                title="预案",
                kind=("comprehensive", "specialist", "onsite")[i % 3],
                published_on=D(2024, 1, 1),
                department=world.dept_a,
                next_drill_due=D(2025, 1, 1) + dt.timedelta(days=i),
            )
            for i in range(max(3, size // 10))
        ]
    )
    Drill.objects.bulk_create(
        [
            Drill(
                plan=plans[i % len(plans)],
                department=world.dept_a,
                scenario=f"演练{i}",
                kind="tabletop",
                held_on=D(2025, 1, 1) + dt.timedelta(days=i % 400),
                duration_minutes=30,
                participant_count=5,
                due_on=D(2025, 6, 1),
            )
            for i in range(size)
        ]
    )
    Supply.objects.bulk_create(
        [
            Supply(
                name=f"物资{i}",
                kind="fire",
                department=world.dept_a,
                location="库房",
                quantity=i % 5,
                required_quantity=3,
                expires_on=D(2025, 1, 1) + dt.timedelta(days=i % 900),
                next_check_due=D(2026, 1, 1) + dt.timedelta(days=i % 200),
            )
            for i in range(size)
        ]
    )


def test_pages_and_exports_run_the_same_queries_for_10_and_300_drills_and_supplies(world, client_for):
    counts = {}
    for size in (10, 300):
        Drill.objects.all().delete()
        Plan.objects.all().delete()
        Supply.objects.all().delete()
        _many(world, size)
        client = client_for("head_a")
        user = type(world.head_a).objects.get(pk=world.head_a.pk)
        api = APIClient()
        api.force_authenticate(type(world.head_a).objects.get(pk=world.head_a.pk))
        client.get("/emergency/drills/")  # warm the session
        counts[size] = (
            count_queries(lambda c=client: c.get("/emergency/drills/")),
            count_queries(lambda c=client: c.get("/emergency/drills/?kind=tabletop&year=2025")),
            count_queries(lambda c=client: c.get("/emergency/drills/overdue/")),
            count_queries(lambda c=client: c.get("/emergency/supplies/")),
            count_queries(lambda c=client: c.get("/emergency/supplies/?flag=expired")),
            count_queries(lambda c=client: c.get("/emergency/")),
            count_queries(lambda u=user: DrillRegisterExporter(user=u, params={}).render()),
            count_queries(lambda u=user: SupplyRegisterExporter(user=u, params={}).render()),
            count_queries(lambda a=api: a.get("/api/v1/emergency/drills/")),
            count_queries(lambda a=api: a.get("/api/v1/emergency/supplies/")),
            count_queries(lambda a=api: a.get("/api/v1/emergency/plans/overdue/")),
        )
    assert counts[10] == counts[300], counts
    assert max(counts[300]) <= 20, counts


def test_the_registers_export_their_rows(world, records):
    rows = xlsx_rows(DrillRegisterExporter(user=world.head_a, params={}).render())
    assert len(rows) == 2 and rows[1][1] == "YA-A"
    rows = xlsx_rows(SupplyRegisterExporter(user=world.outsider, params={}).render())
    assert len(rows) == 1  # header only: not their supplies


def test_the_drill_evaluation_report_is_a_pdf(world, records):
    drill = records["drill"]
    services.drill_evaluate(
        drill=drill,
        user=world.safety_manager,
        evaluated_on=D(2024, 12, 2),
        worked_well="响应迅速",
        problems_found="疏散慢",
        improvements=[{"description": "加装疏散指示", "department": world.dept_a, "due_date": D(2025, 1, 31)}],
    )
    content = DrillReportExporter(user=world.head_a, params={"drill": str(drill.pk)}).render()
    assert content.startswith(b"%PDF")
    text = pdf_text(content, layout=False)
    assert "响应迅速" in text and "疏散慢" in text and "加装疏散指示" in text
    with pytest.raises(Drill.DoesNotExist, match="Drill matching query does not exist"):
        DrillReportExporter(user=world.outsider, params={"drill": str(drill.pk)}).render()


def test_a_department_with_an_improvement_sees_the_drill_that_found_it(world, client_for, records):
    drill = records["drill"]
    assert client_for("outsider").get(drill.get_absolute_url()).status_code == 404
    services.improvement_raise(
        drill=drill, user=world.safety_manager, description="补充担架", department=world.dept_b, due_date=D(2026, 4, 1)
    )
    assert client_for("outsider").get(drill.get_absolute_url()).status_code == 200
    task = Task.objects.get(department=world.dept_b)
    page = client_for("outsider").get(f"/tasks/{task.pk}/").content.decode()
    assert drill.get_absolute_url() in page


def test_the_plan_list_filters_plans_overdue_for_evaluation_and_not_filed(world, client_for):
    factories.plan(world, code="YA-OLD", published_on=D(2022, 1, 10))  # evaluation due 2025-01-10
    factories.plan(world, code="YA-NEW", published_on=D(2025, 6, 1), filed_on=D(2025, 6, 10), filing_number="备-02")
    client = client_for("leader")
    page = client.get("/emergency/?evaluation_overdue=1").content.decode()
    assert "YA-OLD" in page and "YA-NEW" not in page
    page = client.get("/emergency/?unfiled=1").content.decode()
    assert "YA-OLD" in page and "YA-NEW" not in page


@pytest.mark.parametrize("kind", ["emergency.drills", "emergency.supplies"])
def test_the_export_buttons_keep_the_registers_as_generated_files(
    client_for, records, kind, django_capture_on_commit_callbacks, english
):
    with django_capture_on_commit_callbacks(execute=True):
        assert client_for("head_a").post(f"/files/start/{kind}/").status_code == 302
    assert GeneratedFile.objects.get().status == GeneratedFileStatus.DONE
    refused = client_for("employee_a").post(f"/files/start/{kind}/")
    assert [str(m) for m in get_messages(refused.wsgi_request)] == ["You are not allowed to run this export."]
    assert GeneratedFile.objects.count() == 1  # an employee may not export the registers


def test_the_report_button_exports_the_pdf_of_a_drill(client_for, records, django_capture_on_commit_callbacks):
    drill = records["drill"]
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for("head_a").post("/files/start/emergency.drill_report/", {"drill": drill.pk})
    assert response.status_code == 302
    generated = GeneratedFile.objects.get()
    assert generated.status == GeneratedFileStatus.DONE and generated.file.name.endswith(".pdf")


def test_a_refused_supply_check_shows_the_item_page_with_what_was_entered(client_for, records, english):
    supply = records["supply"]
    client = client_for("head_a")
    response = client.post(f"/emergency/supplies/{supply.pk}/check/", {"checked_on": "2026-02-27", "note": "缺两具"})
    assert response.status_code == 400
    page = response.content.decode()
    assert 'value="2026-02-27"' in page and "缺两具" in page and "is-invalid" in page
    response = client.post(
        f"/emergency/supplies/{supply.pk}/check/", {"checked_on": "2026-03-05", "quantity_found": 3, "note": "明天"}
    )
    assert response.status_code == 400 and "future" in response.content.decode()
    assert "明天" in response.content.decode()
    assert not supply.checks.exists() and Supply.objects.get(pk=supply.pk).quantity == 10


def test_a_plan_file_is_served_only_to_those_who_see_the_plan(world, client_for, records):
    plan, other = records["plan"], records["other"]
    own = attachment_add(owner=plan, upload=photo("预案签发页.jpg"), user=world.safety_manager)
    theirs = attachment_add(owner=other, upload=photo("B预案.jpg"), user=world.safety_manager)
    head = client_for("head_a")
    assert head.get(f"/emergency/plan/{plan.pk}/files/{own.pk}/").status_code == 200
    assert head.get(f"/emergency/plan/{plan.pk}/files/{theirs.pk}/").status_code == 404  # not this plan's
    assert head.get(f"/emergency/plan/{other.pk}/files/{theirs.pk}/").status_code == 404  # not A's plan
    assert head.get(f"/emergency/team/{plan.pk}/files/{own.pk}/").status_code == 404  # no such kind
