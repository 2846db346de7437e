import datetime as dt

import pytest

from apps.emergency import services
from apps.emergency.models import Drill, Improvement, Plan
from tests.emergency import factories

D = dt.date

pytestmark = pytest.mark.usefixtures("frozen_today")


@pytest.fixture
def plan(world):
    return factories.plan(world, code="YA-A", published_on=D(2024, 1, 10))


@pytest.mark.parametrize(
    ("persona", "status"), [("safety_manager", 201), ("head_a", 403), ("leader", 403), ("employee_a", 403)]
)
def test_only_safety_managers_create_plans(world, api_for, persona, status):
    response = api_for(persona).post(
        "/api/v1/emergency/plans/",
        {
            "code": "YA-N",
            "title": "综合应急预案",
            "kind": "comprehensive",
            "published_on": "2026-01-05",
            "department": world.dept_a.pk,
        },
        format="json",
    )
    assert response.status_code == status, response.content
    if status == 201:
        assert response.json()["next_drill_due"] == "2027-01-05"
        assert response.json()["filing_due"] == "2026-02-02"


def test_overdue_plans_through_the_api_are_scoped(world, api_for, plan):
    factories.plan(world, code="YA-B", department=world.dept_b, published_on=D(2024, 1, 10))
    codes = [p["code"] for p in api_for("head_a").get("/api/v1/emergency/plans/overdue/").json()["results"]]
    assert codes == ["YA-A"]
    assert api_for("outsider").get(f"/api/v1/emergency/plans/{plan.pk}/").status_code == 404
    assert api_for("employee_a").get("/api/v1/emergency/plans/").status_code == 403


def test_a_head_records_and_evaluates_a_drill_with_improvements_through_the_api(world, api_for, plan):
    api = api_for("head_a")
    response = api.post(
        "/api/v1/emergency/drills/",
        {
            "plan": plan.pk,
            "department": world.dept_a.pk,
            "scenario": "火灾疏散",
            "kind": "full_scale",
            "held_on": "2026-03-01",
            "duration_minutes": 40,
            "participant_count": 50,
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    drill_id = response.json()["id"]
    assert response.json()["on_time"] is False  # due 2025-01-10
    assert Plan.objects.get(pk=plan.pk).next_drill_due == D(2027, 3, 1)
    response = api.post(
        f"/api/v1/emergency/drills/{drill_id}/evaluate/",
        {
            "evaluated_on": "2026-03-02",
            "worked_well": "疏散有序",
            "problems_found": "广播听不清",
            "improvements": [{"description": "更换广播喇叭", "department": world.dept_a.pk, "due_date": "2026-04-01"}],
        },
        format="json",
    )
    assert response.status_code == 200, response.content
    assert response.json()["improvements"][0]["task_status"] == "open"
    assert Improvement.objects.get().task.department == world.dept_a
    assert (
        api_for("outsider").post(f"/api/v1/emergency/drills/{drill_id}/evaluate/", {}, format="json").status_code == 404
    )


def test_supplies_teams_and_drill_plans_through_the_api(world, api_for, plan):
    api = api_for("head_a")
    response = api.post(
        "/api/v1/emergency/supplies/",
        {
            "name": "急救箱",
            "kind": "medical",
            "department": world.dept_a.pk,
            "location": "办公室",
            "quantity": 1,
            "required_quantity": 2,
            "expires_on": "2026-01-01",
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["is_expired"] and response.json()["is_missing"]
    supply_id = response.json()["id"]
    flagged = api.get("/api/v1/emergency/supplies/?flag=expired").json()["results"]
    assert [s["id"] for s in flagged] == [supply_id]
    response = api.post(
        f"/api/v1/emergency/supplies/{supply_id}/check/",
        {"checked_on": "2026-03-01", "quantity_found": 2, "expires_on": "2028-01-01"},
        format="json",
    )
    assert response.status_code == 200 and not response.json()["is_expired"]
    checks = api.get(f"/api/v1/emergency/supplies/{supply_id}/checks/").json()
    assert [c["quantity_found"] for c in checks] == [2]
    response = api.post(
        "/api/v1/emergency/teams/",
        {"name": "兼职救援队", "kind": "part_time", "department": world.dept_a.pk},
        format="json",
    )
    assert response.status_code == 201
    team_id = response.json()["id"]
    response = api.post(f"/api/v1/emergency/teams/{team_id}/members/", {"name": "李强", "phone": "138"}, format="json")
    assert response.status_code == 201
    member_url = f"/api/v1/emergency/teams/{team_id}/members/{response.json()['id']}/"
    assert api_for("outsider").delete(member_url).status_code == 404  # not their team
    assert api.delete(member_url).status_code == 204
    assert api.get(f"/api/v1/emergency/teams/{team_id}/").json()["members"] == []
    assert (
        api_for("outsider")
        .post(
            "/api/v1/emergency/teams/", {"name": "x", "kind": "part_time", "department": world.dept_a.pk}, format="json"
        )
        .status_code
        == 403
    )
    response = api.post("/api/v1/emergency/drill-plans/", {"department": world.dept_a.pk, "year": 2026}, format="json")
    assert response.status_code == 201, response.content
    drill_plan_id = response.json()["id"]
    assert (
        api.post(
            f"/api/v1/emergency/drill-plans/{drill_plan_id}/items/",
            {"plan": plan.pk, "month": 5, "kind": "tabletop"},
            format="json",
        ).status_code
        == 201
    )
    response = api.post(f"/api/v1/emergency/drill-plans/{drill_plan_id}/submit/")
    assert response.status_code == 200 and response.json()["status"] == "submitted"
    assert not Drill.objects.exists()


def test_the_filing_cannot_be_written_through_the_plan(world, api_for, plan):
    response = api_for("safety_manager").patch(
        f"/api/v1/emergency/plans/{plan.pk}/",
        {"filed_on": "2023-01-01", "filing_number": "x", "title": "新标题"},
        format="json",
    )
    assert response.status_code == 200, response.content
    plan.refresh_from_db()
    assert plan.title == "新标题" and plan.filed_on is None and plan.filing_number == ""


def test_the_department_owning_an_improvement_sees_it(world, api_for):
    company = factories.plan(
        world, code="YA-R", department=world.root, kind="comprehensive", published_on=D(2025, 1, 10)
    )
    drill = factories.drill(world, company, held_on=D(2026, 2, 1), department=world.root)
    services.drill_evaluate(
        drill=drill,
        user=world.safety_manager,
        evaluated_on=D(2026, 2, 2),
        worked_well="报警及时",
        improvements=[{"description": "标出装配车间集合点", "department": world.dept_b, "due_date": D(2026, 4, 1)}],
    )
    rows = api_for("outsider").get("/api/v1/emergency/improvements/").json()["results"]
    assert [r["description"] for r in rows] == ["标出装配车间集合点"]
    assert api_for("head_a").get("/api/v1/emergency/improvements/").json()["results"] == []
