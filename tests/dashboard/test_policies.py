"""The dashboard policies, persona by persona, and the reason the dashboard gives."""

import pytest

from apps.dashboard import policies

PERSONAS = ["safety_manager", "head_a", "outsider", "leader", "employee_a"]

# persona: safety manager, head of department A, head of department B, leadership, employee.
TABLE = {
    "can_read_dashboard": [True, True, True, True, False],
    "can_read_company_figures": [True, False, False, True, False],
    "can_read_reports": [True, False, False, True, False],
    "can_export_report": [True, False, False, True, False],
}


@pytest.mark.parametrize("policy", sorted(TABLE))
@pytest.mark.parametrize("index, persona", list(enumerate(PERSONAS)))
def test_dashboard_policies(world, policy, index, persona):
    decision = getattr(policies, policy)(world.persona(persona))
    assert bool(decision) is TABLE[policy][index]
    if not decision:
        assert decision.reason


def test_a_head_is_told_why_there_is_no_monthly_report(world, client_for, english):
    html = client_for("head_a").get("/dashboard/").content.decode()
    assert "Only safety managers and leadership export the monthly report." in html
    assert "dashboard.monthly_report" not in html
    leader = client_for("leader").get("/dashboard/").content.decode()
    assert "dashboard.monthly_report" in leader
    assert "export the monthly report." not in leader


@pytest.mark.parametrize("persona, expected", [("employee_a", 403), ("head_a", 403)])
def test_reports_are_for_the_whole_company_readers(client_for, persona, expected):
    assert client_for(persona).get("/dashboard/reports/").status_code == expected
