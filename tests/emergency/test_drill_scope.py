"""A head records drills only against plans of the departments they head or above them."""

import datetime as dt

import pytest

from apps.core.exceptions import ApplicationError
from apps.emergency import services
from apps.emergency.models import Drill, DrillPlanItem, Plan
from tests.emergency import factories

D = dt.date

pytestmark = pytest.mark.usefixtures("frozen_today", "english")


@pytest.fixture
def plans(world):
    return {
        "a": factories.plan(world, code="YA-A", published_on=D(2025, 1, 10)),
        "b": factories.plan(world, code="YA-B", department=world.dept_b, published_on=D(2025, 1, 10)),
        "root": factories.plan(
            world, code="YA-R", department=world.root, kind="comprehensive", published_on=D(2025, 1, 10)
        ),
    }


def test_a_head_cannot_move_another_departments_drill_due_date(world, plans):
    due = plans["a"].next_drill_due
    with pytest.raises(ApplicationError, match="Plan drilled: .* belongs to 机加工车间"):
        factories.drill(world, plans["a"], held_on=D(2026, 2, 1), user=world.outsider, department=world.dept_b)
    plans["a"].refresh_from_db()
    assert plans["a"].next_drill_due == due and not Drill.objects.exists()


@pytest.mark.parametrize(
    ("persona", "plan", "department", "allowed"),
    [
        ("head_a", "a", "dept_a", True),
        ("head_a", "a", "team_a", True),  # the drill's department lies under the plan's
        ("head_a", "root", "dept_a", True),  # a company plan drilled in the workshop
        ("head_a", "b", "dept_a", False),
        ("outsider", "b", "dept_b", True),
        ("outsider", "a", "dept_b", False),
        ("safety_manager", "b", "dept_a", True),
    ],
)
def test_who_may_record_a_drill_of_a_plan(world, plans, persona, plan, department, allowed):
    def record():
        factories.drill(
            world,
            plans[plan],
            held_on=D(2026, 2, 1),
            user=world.persona(persona),
            department=getattr(world, department),
        )

    if allowed:
        record()
        assert Drill.objects.count() == 1
    else:
        with pytest.raises(ApplicationError, match="Plan drilled: .* belongs to"):
            record()


def test_a_head_cannot_plan_a_drill_of_another_departments_plan(world, plans):
    drill_plan = services.drill_plan_create(data={"department": world.dept_b, "year": 2026}, user=world.outsider)
    with pytest.raises(ApplicationError, match="Emergency plan: .* belongs to 机加工车间"):
        services.drill_plan_item_add(
            drill_plan=drill_plan, user=world.outsider, data={"plan": plans["a"], "month": 9, "kind": "tabletop"}
        )
    assert not DrillPlanItem.objects.exists()


def test_the_drill_forms_offer_only_the_plans_the_head_may_drill(world, plans, client_for):
    page = client_for("outsider").get("/emergency/drills/new/").content.decode()
    assert "YA-B" in page and "YA-R" in page and "YA-A" not in page
    drill_plan = services.drill_plan_create(data={"department": world.dept_b, "year": 2026}, user=world.outsider)
    page = client_for("outsider").get(drill_plan.get_absolute_url()).content.decode()
    assert "YA-B" in page and "YA-A" not in page
    response = client_for("outsider").post(
        f"/emergency/drill-plans/{drill_plan.pk}/items/", {"plan": plans["a"].pk, "month": 9, "kind": "tabletop"}
    )
    assert response.status_code == 400 and not DrillPlanItem.objects.exists()


def test_the_api_refuses_a_drill_of_another_departments_plan(world, plans, api_for):
    response = api_for("outsider").post(
        "/api/v1/emergency/drills/",
        {
            "plan": plans["a"].pk,
            "department": world.dept_b.pk,
            "scenario": "x",
            "kind": "tabletop",
            "held_on": "2026-02-01",
            "duration_minutes": 30,
            "participant_count": 5,
        },
        format="json",
    )
    assert response.status_code == 400, response.content
    assert not Drill.objects.exists()
    assert Plan.objects.get(code="YA-A").last_drill_on is None
