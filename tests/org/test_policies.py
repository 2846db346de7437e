"""The organisation policies, persona by persona, and the reasons the employee page gives."""

import pytest

from apps.org import policies
from apps.org.models import Employee

PERSONAS = ["safety_manager", "head_a", "outsider", "leader", "employee_a"]

# persona: safety manager, head of the record's department (A), head of another department
# (B), leadership, a plain employee of A.
TABLE = {
    "can_read_company": [True, True, True, True, True],
    "can_edit_company": [True, False, False, False, False],
    "can_read_departments": [True, True, True, True, True],
    "can_edit_department": [True, False, False, False, False],
    "can_import_departments": [True, False, False, False, False],
    "can_read_positions": [True, True, True, True, False],
    "can_edit_position": [True, False, False, False, False],
    "can_read_employees": [True, True, True, True, False],
    "can_edit_employee": [True, False, False, False, False],
    "can_import_employees": [True, False, False, False, False],
    "can_set_account": [True, False, False, False, False],
    "can_assign_heads": [True, False, False, False, False],
    "can_record_leaver": [True, False, False, False, False],
    "can_export_org": [True, True, True, True, False],
}


@pytest.mark.parametrize("policy", sorted(TABLE))
@pytest.mark.parametrize("index, persona", list(enumerate(PERSONAS)))
def test_org_policies(world, policy, index, persona):
    employee = Employee.objects.get(user=world.employee_a)
    decision = getattr(policies, policy)(world.persona(persona), employee)
    assert bool(decision) is TABLE[policy][index]
    if not decision:
        assert decision.reason


def test_a_left_employee_offers_no_leaving_form(world):
    employee = Employee.objects.get(user=world.employee_a)
    employee.is_active = False
    actions = policies.employee_actions(world.safety_manager, employee)
    assert actions["edit"] and actions["account"]
    assert not actions["leave"] and not actions["leave"].reason


def test_the_employee_page_says_why_a_head_may_not_edit(world, client_for, english):
    employee = Employee.objects.get(user=world.employee_a)
    html = client_for("head_a").get(f"/org/employees/{employee.pk}/").content.decode()
    assert "Only a safety manager may do this." in html
    assert f"/org/employees/{employee.pk}/edit/" not in html
    manager = client_for("safety_manager").get(f"/org/employees/{employee.pk}/").content.decode()
    assert f"/org/employees/{employee.pk}/edit/" in manager
    assert "Only a safety manager may do this." not in manager


def test_another_departments_employee_is_not_found(world, client_for):
    employee = Employee.objects.get(user=world.employee_a)
    assert client_for("outsider").get(f"/org/employees/{employee.pk}/").status_code == 404


# only_while: a policy of one record applies in the states it names, and alone when asked of the kind.
@pytest.mark.parametrize(
    ("record", "expected", "reason", "asked"),
    [
        (None, True, "", True),  # asked of the kind: the policy alone
        ({"open": True}, False, "only a manager", True),  # in the state: the policy alone, its reason kept
        ({"open": False}, False, "", False),  # out of the state: not applicable, the policy not asked
    ],
)
def test_only_while_applies_the_policy_in_the_state_it_names(record, expected, reason, asked):
    from apps.org.policy import ALLOWED, Decision, only_while

    calls = []

    @only_while(lambda record: record["open"])
    def can_touch(user, record=None) -> Decision:
        """Touch the record."""
        calls.append(record)
        return ALLOWED if record is None else Decision(False, "only a manager")

    decision = can_touch("someone", record)
    assert bool(decision) is expected
    assert decision.reason == reason
    assert calls == ([record] if asked else [])
    assert can_touch.__doc__ == "Touch the record."
