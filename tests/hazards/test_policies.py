"""The hazards policies by persona, and the detail page saying why an action is not offered."""

import pytest
from django.utils import timezone

from apps.hazards import policies, services
from apps.hazards.models import HazardStatus
from tests.hazards.factories import assign, rectify, report

pytestmark = pytest.mark.usefixtures("english")

PERSONAS = ["safety_manager", "head_a", "outsider", "leader", "employee_a"]


def _row(world, check, obj=None) -> list[bool]:
    return [bool(check(world.persona(p), obj)) for p in PERSONAS]


def _inspection(world):
    return services.inspection_record(
        user=world.head_a,
        kind="daily",
        department=world.dept_a,
        location="车间",
        inspected_on=timezone.localdate(),
        results={},
    )


@pytest.mark.parametrize(
    "name, expected",
    [
        # safety manager, head of A (the record's), head of B, leadership, employee of A
        ("can_assign_hazard", [True, False, False, False, False]),
        ("can_verify_hazard", [True, False, False, False, False]),
        ("can_rectify_hazard", [True, True, False, False, False]),
        ("can_report_hazard", [True, True, True, True, True]),
        ("can_read_inspections", [True, True, True, True, False]),
        ("can_read_statistics", [True, True, True, True, False]),
        ("can_export_hazards", [True, True, True, True, False]),
        ("can_edit_plan", [True, False, False, False, False]),
        ("can_create_checklist", [True, False, False, False, False]),
    ],
)
def test_hazard_policies_by_persona(world, name, expected):
    hazard = report(world)
    assign(world, hazard)
    hazard.refresh_from_db()
    assert _row(world, getattr(policies, name), hazard) == expected


def test_recording_an_inspection_of_department_a(world):
    inspection = _inspection(world)
    assert _row(world, policies.can_record_inspection, inspection) == [True, True, False, False, False]
    # Before a department is chosen: any head may start one.
    assert _row(world, policies.can_record_inspection) == [True, True, True, False, False]


def test_signing_off_is_for_the_head_who_did_not_submit(world):
    hazard = report(world)
    assign(world, hazard)
    hazard.refresh_from_db()
    rectify(world, hazard, user=world.head_a)
    hazard.refresh_from_db()
    assert _row(world, policies.can_sign_hazard, hazard) == [True, False, False, False, False]
    assert "submitted this task yourself" in policies.can_sign_hazard(world.head_a, hazard).reason
    assert policies.can_sign_hazard(world.outsider, hazard).reason


def test_actions_follow_the_state(world):
    hazard = report(world)
    actions = policies.hazard_actions(world.safety_manager, hazard)
    assert [k for k, d in actions.items() if d] == ["assign"]
    # Not applicable in this state: refused without a reason, so the page shows nothing.
    assert not actions["rectify"] and actions["rectify"].reason == ""
    assign(world, hazard)
    hazard.refresh_from_db()
    assert hazard.status == HazardStatus.RECTIFYING
    actions = policies.hazard_actions(world.head_a, hazard)
    assert bool(actions["rectify"]) and not actions["assign"] and actions["assign"].reason == ""
    assert not actions["verify"] and actions["verify"].reason


def test_the_detail_page_says_why_an_action_is_not_offered(world, client_for):
    hazard = report(world)
    html = client_for("head_a").get(f"/hazards/{hazard.pk}/").content.decode()
    assert "why-not" in html and "Only a safety manager may do this." in html
    assert "Triage and assign" not in html
    html = client_for("safety_manager").get(f"/hazards/{hazard.pk}/").content.decode()
    assert "Triage and assign" in html and "why-not" not in html
    assign(world, hazard)
    html = client_for("leader").get(f"/hazards/{hazard.pk}/").content.decode()
    assert "Only the responsible department records the rectification." in html
    assert "Record the rectification" not in html


def test_the_inspection_form_offers_the_departments_one_inspects(world, client_for):
    html = client_for("head_a").get("/hazards/inspections/new/").content.decode()
    assert f'value="{world.dept_a.pk}"' in html and f'value="{world.team_a.pk}"' in html
    assert f'value="{world.dept_b.pk}"' not in html
    html = client_for("safety_manager").get("/hazards/inspections/new/").content.decode()
    assert f'value="{world.dept_b.pk}"' in html


def test_the_plan_list_says_why_a_head_does_not_edit_plans(world, client_for):
    html = client_for("head_a").get("/hazards/plans/").content.decode()
    assert "Only a safety manager may do this." in html and "New inspection plan" not in html
    html = client_for("safety_manager").get("/hazards/plans/").content.decode()
    assert "why-not" not in html and "New inspection plan" in html
