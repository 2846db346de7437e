"""The scoring policies, persona by persona, and the reason the standards page gives."""

import pytest

from apps.scoring import policies
from tests.scoring.factories import make_standard

PERSONAS = ["safety_manager", "head_a", "outsider", "leader", "employee_a"]

# persona: safety manager, head of department A, head of department B, leadership, employee.
TABLE = {
    "can_read_standards": [True, False, False, True, False],
    "can_export_standard": [True, False, False, True, False],
    "can_import_standard": [True, False, False, False, False],
    "can_activate_standard": [True, False, False, False, False],
}


@pytest.mark.parametrize("policy", sorted(TABLE))
@pytest.mark.parametrize("index, persona", list(enumerate(PERSONAS)))
def test_scoring_policies(world, policy, index, persona):
    standard = make_standard(8)
    decision = getattr(policies, policy)(world.persona(persona), standard)
    assert bool(decision) is TABLE[policy][index]
    if not decision:
        assert decision.reason


def test_the_standards_page_says_why_leadership_may_not_import(world, client_for, english):
    make_standard(8)
    html = client_for("leader").get("/standards/").content.decode()
    assert "Only a safety manager may do this." in html
    assert "/standards/import/" not in html
    manager = client_for("safety_manager").get("/standards/").content.decode()
    assert "/standards/import/" in manager
    assert "Only a safety manager may do this." not in manager


def test_activation_by_a_reader_is_refused(world, client_for):
    standard = make_standard(8)
    was_active = standard.is_active
    response = client_for("leader").post(f"/standards/{standard.pk}/active/", {"active": "0" if was_active else "1"})
    assert response.status_code == 403
    standard.refresh_from_db()
    assert standard.is_active is was_active
