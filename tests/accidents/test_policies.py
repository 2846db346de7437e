"""Who may report, investigate and close accidents (apps/accidents/policies.py), and the
detail page saying why an action is not offered."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import translation

from apps.accidents import policies
from apps.accidents.models import AccidentStatus
from tests.accidents.factories import accident, at

pytestmark = pytest.mark.usefixtures("frozen")

# safety manager, head of the accident's department, head of another department, leadership,
# plain employee of the department.
PERSONAS = ["safety_manager", "head_a", "outsider", "leader", "employee_a"]


@pytest.fixture
def item(world):
    return accident(world, when=at(dt.date(2026, 11, 1)), minor_injuries=1)


@pytest.mark.parametrize(
    "name, expected",
    [
        ("can_read_accidents", [True, True, True, True, False]),
        ("can_report_accident", [True, True, False, False, False]),
        ("can_investigate", [True, False, False, False, False]),
        ("can_add_measure", [True, False, False, False, False]),
        ("can_close_accident", [True, False, False, False, False]),
        ("can_edit_lesson", [True, False, False, False, False]),
        ("can_record_man_hours", [True, False, False, False, False]),
    ],
)
def test_policy_table(world, item, name, expected):
    check = getattr(policies, name)
    assert [bool(check(world.persona(p), item)) for p in PERSONAS] == expected


def test_without_a_record_a_head_of_any_department_may_report(world):
    answers = [bool(policies.can_report_accident(world.persona(p))) for p in PERSONAS]
    assert answers == [True, True, True, False, False]


@pytest.mark.parametrize("with_record", [True, False])
def test_those_who_may_not_report_are_told_who_may(world, item, with_record):
    """The refusal is accidents' own, with a record (head of another department) or without
    (a plain employee heads nothing)."""
    persona = "outsider" if with_record else "employee_a"
    refused = policies.can_report_accident(world.persona(persona), item if with_record else None)
    assert not refused and refused.reason == policies.REPORTERS_ONLY


def test_a_closed_accident_offers_nothing_and_says_nothing(world, item):
    item.status = AccidentStatus.CLOSED
    actions = policies.accident_actions(world.safety_manager, item)
    assert not actions["report"] and not actions["investigate"]
    assert actions["report"].reason == "" and actions["investigate"].reason == ""
    assert actions["lesson"]  # its lessons are shared after it is closed


def test_the_lessons_of_a_closed_accident_are_shared_from_its_page(world, client_for, item):
    item.status = AccidentStatus.CLOSED
    item.save(update_fields=["status"])
    page = client_for("safety_manager").get(item.get_absolute_url()).content.decode()
    assert f"/accidents/lessons/new/?accident={item.pk}" in page


def test_the_detail_page_tells_a_head_why_not_investigate(world, client_for, item):
    with translation.override("en"):
        html = client_for("head_a").get(f"/accidents/{item.pk}/").content.decode()
    assert "Only a safety manager may investigate and close accidents." in html
    assert f"/accidents/{item.pk}/investigation/" not in html
    assert f"/accidents/{item.pk}/edit/" in html


def test_the_detail_page_tells_leadership_why_not_report(world, client_for, item):
    with translation.override("en"):
        html = client_for("leader").get(f"/accidents/{item.pk}/").content.decode()
    assert "Only a safety manager or the department&#x27;s head may report its accidents." in html
    assert f"/accidents/{item.pk}/edit/" not in html


def test_the_manager_sees_every_button_and_no_reason(world, client_for, item):
    html = client_for("safety_manager").get(f"/accidents/{item.pk}/").content.decode()
    assert "why-not" not in html
    assert f"/accidents/{item.pk}/investigation/" in html and f"/accidents/{item.pk}/edit/" in html
