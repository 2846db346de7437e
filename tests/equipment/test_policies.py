"""Who may do what with equipment: the policy table, and the reason a person who sees an item
but may not change it reads on its page."""

from types import SimpleNamespace

import pytest
from django.utils.html import escape

from apps.equipment import policies
from apps.equipment.models import EquipmentStatus
from tests.equipment.factories import equipment

pytestmark = pytest.mark.usefixtures("english")

PERSONAS = ["safety_manager", "head_a", "outsider", "leader", "employee_a"]


@pytest.fixture
def item(world):
    return equipment(world, code="A-1")


@pytest.mark.parametrize(
    ("check", "with_item", "expected"),
    [
        # persona order: safety_manager, head_a, outsider (head of B), leader, employee_a
        ("can_read_ledger", False, [True, True, True, True, True]),
        ("can_read_registers", False, [True, True, True, True, False]),
        ("can_export_ledger", False, [True, True, True, True, False]),
        ("can_change_equipment", False, [True, True, True, False, False]),
        ("can_import_equipment", False, [True, True, True, False, False]),
        ("can_edit_equipment", True, [True, True, False, False, False]),
        ("can_scrap_equipment", True, [True, True, False, False, False]),
        ("may_record", True, [True, True, False, False, False]),
        ("can_record_inspection", True, [True, True, False, False, False]),
    ],
)
def test_policy_table(world, item, check, with_item, expected):
    obj = item if with_item else None
    decisions = [getattr(policies, check)(world.persona(p), obj) for p in PERSONAS]
    assert [bool(d) for d in decisions] == expected
    assert all(d.reason for d in decisions if not d)


def test_a_plan_belongs_to_its_items_department(world, item):
    plan = SimpleNamespace(equipment=item)
    allowed = [bool(policies.can_edit_maintenance_plan(world.persona(p), plan)) for p in PERSONAS]
    assert allowed == [True, True, False, False, False]


def test_the_person_responsible_records_their_item(world):
    owned = equipment(world, code="A-2", owner=world.employee_a)
    assert policies.may_record(world.employee_a, owned)
    assert not policies.can_edit_equipment(world.employee_a, owned)


def test_a_scrapped_item_offers_nothing_and_says_nothing(world, item):
    item.status = EquipmentStatus.SCRAPPED
    for decision in (
        policies.can_scrap_equipment(world.head_a, item),
        policies.can_record_inspection(world.head_a, item),
    ):
        assert not decision and decision.reason == ""


def test_the_item_page_says_why_an_action_is_not_offered(world, client_for, item):
    page = client_for("leader").get(f"/equipment/{item.pk}/")
    assert page.status_code == 200
    html = page.content.decode()
    assert escape(str(policies.EQUIPMENT_MESSAGE)) in html
    assert escape(str(policies.RECORD_MESSAGE)) in html

    own = client_for("head_a").get(f"/equipment/{item.pk}/").content.decode()
    assert "why-not" not in own
