"""Who may do what with emergency records: the policy table, and the reason a person who sees a
record but may not change it reads on its page."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.utils.html import escape

from apps.emergency import policies, services
from tests.emergency import factories

pytestmark = pytest.mark.usefixtures("frozen_today", "english")

PERSONAS = ["safety_manager", "head_a", "outsider", "leader", "employee_a"]


@pytest.fixture
def records(world):
    team = services.team_save(
        data={"name": "义务消防队", "kind": "part_time", "department": world.dept_a}, user=world.safety_manager
    )
    drill_plan = services.drill_plan_create(data={"department": world.dept_a, "year": 2026}, user=world.safety_manager)
    return {"plan": factories.plan(world), "supply": factories.supply(world), "team": team, "drill_plan": drill_plan}


@pytest.mark.parametrize(
    ("check", "record", "expected"),
    [
        # persona order: safety_manager, head_a, outsider (head of B), leader, employee_a
        ("can_read_emergency", None, [True, True, True, True, False]),
        ("can_edit_plan", "plan", [True, False, False, False, False]),
        ("can_file_plan", "plan", [True, False, False, False, False]),
        ("can_change_record", None, [True, True, True, False, False]),
        ("can_edit_team", "team", [True, True, False, False, False]),
        ("can_edit_supply", "supply", [True, True, False, False, False]),
        ("can_check_supply", "supply", [True, True, False, False, False]),
        ("can_edit_drill_plan", "drill_plan", [True, True, False, False, False]),
    ],
)
def test_policy_table(world, records, check, record, expected):
    obj = records[record] if record else None
    decisions = [getattr(policies, check)(world.persona(p), obj) for p in PERSONAS]
    assert [bool(d) for d in decisions] == expected
    assert all(d.reason for d in decisions if not d)


def test_a_drill_plan_no_longer_editable_offers_nothing_and_says_nothing(world, records):
    drill_plan = records["drill_plan"]
    drill_plan.status = "approved"
    decision = policies.can_edit_drill_plan(world.head_a, drill_plan)
    assert not decision
    assert decision.reason == ""


def test_a_company_plan_may_be_drilled_in_a_workshop_below_it(world):
    company_plan = factories.plan(world, code="YA-0", department=world.root)
    assert not policies.may_drill_plan(world.head_a, company_plan)
    assert policies.may_drill_plan(world.head_a, company_plan, world.dept_a)
    assert policies.may_drill_plan(world.safety_manager, company_plan)


def test_the_detail_pages_say_why_an_action_is_not_offered(world, client_for, records):
    team_page = client_for("leader").get(records["team"].get_absolute_url())
    assert team_page.status_code == 200
    assert escape(str(policies.RECORD_MESSAGE)) in team_page.content.decode()
    assert "why-not" in team_page.content.decode()

    own_team = client_for("head_a").get(records["team"].get_absolute_url()).content.decode()
    assert "why-not" not in own_team

    plan_page = client_for("head_a").get(records["plan"].get_absolute_url()).content.decode()
    assert escape(str(policies.PLAN_MESSAGE)) in plan_page
    manager_page = client_for("safety_manager").get(records["plan"].get_absolute_url())
    assert "why-not" not in manager_page.content.decode()


def test_records_outside_the_scope_are_not_found(world, client_for, records):
    client = client_for("outsider")
    assert client.get(records["team"].get_absolute_url()).status_code == 404
    assert client.get(f"/emergency/supplies/{records['supply'].pk}/edit/").status_code == 404


def test_the_services_refuse_with_the_policy_reason(world, records):
    with pytest.raises(PermissionDenied, match="Only a safety manager may change emergency plans"):
        services.plan_file(plan=records["plan"], user=world.head_a, filed_on=dt.date(2026, 3, 1), filing_number="x")
