"""Who may do what in the responsibility app (apps/responsibility/policies.py), and published
duties being everyone's to read."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone, translation
from rest_framework.test import APIClient

from apps.responsibility import policies, services
from apps.responsibility.models import DutyDocument, Meeting, MeetingLevel
from tests.org.factories import EmployeeFactory, UserFactory

PERSONAS = ["safety_manager", "head_a", "outsider", "leader", "employee_a"]


@pytest.fixture
def meeting_a(world):
    return services.meeting_save(
        data={
            "level": MeetingLevel.DEPARTMENT,
            "department": world.dept_a,
            "title": "机加车间安全例会",
            "scheduled_on": timezone.localdate(),
        },
        user=world.safety_manager,
    )


# persona → allowed, for each policy asked about a record of department A.
TABLE = [
    ("can_write_duties", [True, False, False, False, False]),
    ("can_edit_objective", [True, False, False, False, False]),
    ("can_issue_letters", [True, False, False, False, False]),
    ("can_edit_organisation", [True, False, False, False, False]),
    ("can_read_objectives", [True, True, True, True, False]),
    ("can_read_duties", [True, True, True, True, True]),
    ("can_edit_meeting", [True, True, False, False, False]),
    ("can_add_decision", [True, True, False, False, False]),
]


@pytest.mark.parametrize("name, expected", TABLE)
def test_policy_table(world, meeting_a, name, expected):
    check = getattr(policies, name)
    answers = [bool(check(world.persona(p), meeting_a)) for p in PERSONAS]
    assert answers == expected


def test_a_target_result_is_recorded_by_the_head_of_its_department(world):
    answers = [bool(policies.can_record_target_result(world.persona(p), world.dept_a.pk)) for p in PERSONAS]
    assert answers == [True, True, False, False, False]


def test_a_refusal_says_why(world, meeting_a, english):
    decision = policies.can_edit_meeting(world.outsider, meeting_a)
    assert not decision and str(decision.reason) == "You may not edit this meeting."
    assert str(policies.can_write_duties(world.employee_a).reason) == ("Only a safety manager may do this.")


@pytest.fixture
def other_employee(world):
    """A plain employee of department B (no head rights anywhere)."""
    user = UserFactory(username="worker_b")
    EmployeeFactory(name="孙工", department=world.dept_b, user=user)
    return user


def _duty(world, **extra):
    data = {
        "scope": "department",
        "department": world.dept_a,
        "title": "机加车间安全职责",
        "content": "一、遵守安全操作规程。",
        **extra,
    }
    return services.duty_save(data=data, user=world.safety_manager)


def test_published_duties_are_read_by_every_employee(world, other_employee):
    published = _duty(world, effective_on=timezone.localdate() - dt.timedelta(days=10))
    client = Client()
    client.force_login(other_employee)
    listing = client.get("/responsibility/duties/")
    assert listing.status_code == 200 and "机加车间安全职责" in listing.content.decode()
    detail = client.get(f"/responsibility/duties/{published.pk}/")
    assert detail.status_code == 200 and "遵守安全操作规程" in detail.content.decode()
    api = APIClient()
    api.force_authenticate(other_employee)
    assert api.get(f"/api/v1/responsibility/duties/{published.pk}/").status_code == 200
    assert [d["id"] for d in api.get("/api/v1/responsibility/duties/").json()["results"]] == [published.pk]


def test_drafts_and_old_versions_stay_with_their_department_and_the_office(world, other_employee, client_for):
    draft = _duty(world, department=world.team_a, effective_on=timezone.localdate() + dt.timedelta(days=30))
    client = Client()
    client.force_login(other_employee)
    assert client.get(f"/responsibility/duties/{draft.pk}/").status_code == 404
    assert "机加车间安全职责" not in client.get("/responsibility/duties/").content.decode()
    api = APIClient()
    api.force_authenticate(other_employee)
    assert api.get(f"/api/v1/responsibility/duties/{draft.pk}/").status_code == 404
    # Its own team (and the head of the department above it), leadership and the safety office
    # read it.
    for persona in ("employee_a", "head_a", "leader", "safety_manager"):
        assert client_for(persona).get(f"/responsibility/duties/{draft.pk}/").status_code == 200
    assert client_for("outsider").get(f"/responsibility/duties/{draft.pk}/").status_code == 404


def test_a_superseded_version_is_not_published(world, other_employee):
    first = _duty(world, effective_on=timezone.localdate() - dt.timedelta(days=400))
    services.duty_save(
        data={
            "scope": "department",
            "department": world.dept_a,
            "title": "机加车间安全职责",
            "content": "二、……",
            "effective_on": timezone.localdate() - dt.timedelta(days=1),
        },
        user=world.safety_manager,
        previous=first,
    )
    client = Client()
    client.force_login(other_employee)
    assert client.get(f"/responsibility/duties/{first.pk}/").status_code == 404
    current = DutyDocument.objects.get(is_current=True)
    assert client.get(f"/responsibility/duties/{current.pk}/").status_code == 200


def test_the_duty_page_says_why_an_employee_may_not_revise(world, client_for):
    published = _duty(world, effective_on=timezone.localdate() - dt.timedelta(days=1))
    with translation.override("en"):
        page = client_for("employee_a").get(f"/responsibility/duties/{published.pk}/")
        html = page.content.decode()
        assert "Only a safety manager may do this." in html
        assert f"/responsibility/duties/{published.pk}/revise/" not in html
        manager = client_for("safety_manager").get(f"/responsibility/duties/{published.pk}/")
        html = manager.content.decode()
    assert "why-not" not in html and f"/responsibility/duties/{published.pk}/revise/" in html


def test_the_meeting_page_says_why_an_attendee_may_not_edit(world, client_for, meeting_a):
    meeting_a.attendees.set([world.employee_a.employee])
    with translation.override("en"):
        html = client_for("employee_a").get(f"/responsibility/meetings/{meeting_a.pk}/")
        assert html.status_code == 200
        assert "You may not edit this meeting." in html.content.decode()
    assert Meeting.objects.count() == 1
