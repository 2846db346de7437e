"""The company setting of 国务院令第708号 第八条: which kind of unit the company is, if any; stored
once on the company profile, edited on its page and through the API."""

import pytest

from apps.org import services
from apps.org.models import Company

pytestmark = pytest.mark.usefixtures("english")


@pytest.mark.parametrize(
    ("kind", "half_yearly"),
    [
        ("", False),
        ("dangerous_goods", True),
        ("mine", True),
        ("metal_smelting", True),
        ("urban_rail", True),
        ("construction", True),
        ("crowded_place", True),
    ],
)
def test_the_kinds_of_article_8_drill_every_half_year(world, kind, half_yearly):
    company = services.company_update(data={"name": "测试公司", "emergency_unit_kind": kind}, user=world.safety_manager)
    assert Company.objects.get(pk=company.pk).drills_half_yearly is half_yearly


def test_the_setting_through_the_api(world, api_for):
    api = api_for("safety_manager")
    response = api.patch(
        "/api/v1/company/update/", {"name": "测试公司", "emergency_unit_kind": "crowded_place"}, format="json"
    )
    assert response.status_code == 200 and response.json()["emergency_unit_kind"] == "crowded_place"
    assert api_for("employee_a").get("/api/v1/company/").json()["emergency_unit_kind"] == "crowded_place"
    response = api.patch("/api/v1/company/update/", {"emergency_unit_kind": "fishing"}, format="json")
    assert response.status_code == 400 and "emergency_unit_kind" in response.json()
    assert (
        api_for("leader").patch("/api/v1/company/update/", {"emergency_unit_kind": ""}, format="json").status_code
        == 403
    )
    assert Company.objects.get().emergency_unit_kind == "crowded_place"


def test_the_setting_on_the_company_pages(world, client_for):
    client = client_for("safety_manager")
    form = client.get("/org/company/edit/").content.decode()
    assert 'name="emergency_unit_kind"' in form
    response = client.post(
        "/org/company/edit/",
        {"name": "测试公司", "emergency_unit_kind": "construction", "head_count": 10, "task_escalation_days": 3},
    )
    assert response.status_code == 302
    page = client_for("employee_a").get("/org/company/").content.decode()
    assert "Construction" in page and "drills every half-year, each reported to the authority" in page
