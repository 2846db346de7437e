"""The major hazards policies by persona, and the unit page saying why an action is not
offered."""

import pytest

from apps.major_hazards import policies, services
from tests.major_hazards.factories import major_unit

pytestmark = pytest.mark.usefixtures("english")

PERSONAS = ["safety_manager", "head_a", "outsider", "leader", "employee_a"]


@pytest.fixture
def source(world):
    return major_unit(world)


@pytest.fixture
def measure(world, source):
    return services.measure_save(
        unit=source,
        data={"measure_kind": "alarm", "name": "可燃气体报警", "check_cycle_days": 30},
        user=world.safety_manager,
    )


def _row(world, check, obj=None) -> list[bool]:
    return [bool(check(world.persona(p), obj)) for p in PERSONAS]


@pytest.mark.parametrize(
    "name, expected",
    [
        # safety manager, head of A (the unit's), head of B, leadership, employee of A
        ("can_manage_major_hazards", [True, False, False, False, False]),
        ("can_read_major_hazards", [True, True, True, True, False]),
        ("can_export_major_hazards", [True, True, True, True, False]),
        ("can_check_measure", [True, True, False, False, False]),
    ],
)
def test_major_hazard_policies_by_persona(world, measure, name, expected):
    assert _row(world, getattr(policies, name), measure) == expected


def test_checks_before_a_measure_is_named_are_for_any_head(world):
    assert _row(world, policies.can_check_measure) == [True, True, True, False, False]


def test_refusals_say_why(world, source):
    assert "manages major hazard sources" in policies.can_manage_major_hazards(world.head_a).reason
    assert "records checks" in policies.can_check_measure(world.leader, source).reason


def test_the_unit_page_says_why_an_action_is_not_offered(world, client_for, source, measure):
    html = client_for("leader").get(f"/major-hazards/{source.pk}/").content.decode()
    assert "Only a safety manager manages major hazard sources." in html
    assert "Only a safety manager or the department&#x27;s head records checks." in html
    assert "Record check" not in html and "Add a measure" not in html
    html = client_for("head_a").get(f"/major-hazards/{source.pk}/").content.decode()
    assert "Record check" in html
    assert "Only a safety manager manages major hazard sources." in html
    html = client_for("safety_manager").get(f"/major-hazards/{source.pk}/").content.decode()
    assert "why-not" not in html and "Add a measure" in html
