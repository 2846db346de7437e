"""The training policies by persona, and the reason a page gives a person who may see a record
but not act on it."""

import datetime as dt

import pytest

from apps.org.models import Employee
from apps.training import policies, services
from apps.training.models import PlanStatus, TrainingPlan, TrainingSession
from tests.training.factories import attend, make_session

# Personas, for a record of department A: the safety manager, the head of A, the head of
# another department (B), leadership, a plain employee of A.
PERSONAS = ["safety_manager", "head_a", "outsider", "leader", "employee_a"]

TABLE = [
    # policy, record, allowed personas
    ("can_read_training", None, {"safety_manager", "head_a", "outsider", "leader"}),
    ("can_keep_catalogue", None, {"safety_manager"}),
    ("can_edit_course", None, {"safety_manager"}),
    ("can_edit_rules", None, {"safety_manager"}),
    ("can_edit_certificate", None, {"safety_manager"}),
    ("can_review_certificate", None, {"safety_manager"}),
    ("can_edit_session", None, {"safety_manager", "head_a", "outsider"}),
    ("can_edit_session", "session", {"safety_manager", "head_a"}),
    ("can_record_attendance", "session", {"safety_manager", "head_a"}),
    ("can_credit_hours", "employee", {"safety_manager", "head_a"}),
    ("can_create_reinduction", "employee", {"safety_manager", "head_a"}),
    ("can_draft_plan", None, {"safety_manager", "head_a", "outsider"}),
    ("can_draft_plan", "plan", {"safety_manager", "head_a"}),
    ("can_edit_plan", "plan", {"safety_manager", "head_a"}),
    ("can_edit_plan", "approved_plan", set()),
    ("can_hold_plan_item", "plan", set()),
    ("can_hold_plan_item", "approved_plan", {"safety_manager", "head_a"}),
]


def _record(world, kind):
    if kind is None:
        return None
    if kind == "session":
        return TrainingSession(department=world.dept_a)
    if kind == "employee":
        return Employee.objects.get(user=world.employee_a)  # in a team of department A
    status = PlanStatus.APPROVED if kind == "approved_plan" else PlanStatus.DRAFT
    return TrainingPlan(department=world.dept_a, year=2026, status=status)


@pytest.mark.parametrize("policy, record, allowed", TABLE)
def test_training_policies_by_persona(world, policy, record, allowed):
    obj = _record(world, record)
    answers = {p: bool(getattr(policies, policy)(getattr(world, p), obj)) for p in PERSONAS}
    assert answers == {p: p in allowed for p in PERSONAS}


def test_a_refusal_says_why_and_a_state_that_does_not_apply_says_nothing(world):
    plan = TrainingPlan(department=world.dept_a, year=2026, status=PlanStatus.DRAFT)
    refused = policies.can_edit_plan(world.outsider, plan)
    assert not refused and refused.reason == policies.HEAD_ONLY
    plan.status = PlanStatus.SUBMITTED
    assert policies.can_edit_plan(world.outsider, plan).reason == ""
    assert policies.can_edit_course(world.head_a).reason == policies.CATALOGUE


def test_the_session_page_tells_a_head_who_sees_it_why_they_may_not_edit_it(world, client_for):
    # A session of B attended by a person of A: the head of A sees it, only B's head edits it.
    session = make_session(user=world.safety_manager, department=world.dept_b, on=dt.date(2026, 3, 3))
    attend(session, [Employee.objects.get(user=world.employee_a)], user=world.safety_manager)
    html = client_for("head_a").get(f"/training/sessions/{session.pk}/").content.decode()
    assert "why-not" in html and "只有该部门负责人或安全管理员可以修改。" in html
    assert f"/training/sessions/{session.pk}/edit/" not in html
    own = client_for("outsider").get(f"/training/sessions/{session.pk}/").content.decode()
    assert "why-not" not in own and f"/training/sessions/{session.pk}/edit/" in own
    # Seen but not theirs: the edit page refuses with the reason (403), not 404.
    assert client_for("head_a").get(f"/training/sessions/{session.pk}/edit/").status_code == 403


def test_the_plan_page_tells_leadership_why_they_may_not_change_a_draft(world, client_for):
    plan = services.plan_create(data={"department": world.dept_a, "year": 2026}, user=world.head_a)
    html = client_for("leader").get(f"/training/plans/{plan.pk}/").content.decode()
    assert "只有该部门负责人或安全管理员可以修改。" in html
    assert f"/training/plans/{plan.pk}/submit/" not in html
    mine = client_for("head_a").get(f"/training/plans/{plan.pk}/").content.decode()
    assert "why-not" not in mine and f"/training/plans/{plan.pk}/submit/" in mine


def test_create_buttons_show_only_to_those_the_policy_allows(world, client_for):
    for url, link in (
        ("/training/sessions/", "/training/sessions/new/"),
        ("/training/plans/", "/training/plans/new/"),
        ("/training/compliance/", "/training/reinductions/new/"),
    ):
        assert link in client_for("head_a").get(url).content.decode(), url
        assert link not in client_for("leader").get(url).content.decode(), url
