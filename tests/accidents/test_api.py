import datetime as dt
import io

import pytest
from PIL import Image

from apps.accidents import services
from tests.accidents.factories import accident, accident_type, at

pytestmark = pytest.mark.usefixtures("english", "frozen")


def _report(api, world, department=None, **extra):
    return api.post(
        "/api/v1/accidents/",
        {
            "title": "触电",
            "occurred_at": "2026-11-20T10:00:00+08:00",
            "place": "配电室",
            "department": (department or world.dept_a).pk,
            "accident_type": accident_type("WSA10006").pk,
            "serious_injuries": 1,
            "direct_loss": "20000",
            **extra,
        },
        format="json",
    )


def test_a_head_reports_and_updates_casualties_through_the_api(world, api_for):
    api = api_for("head_a")
    response = _report(api, world)
    assert response.status_code == 201, response.json()
    pk = response.json()["id"]
    assert response.json()["grade"] == "general"
    response = api.post(
        f"/api/v1/accidents/{pk}/casualty-updates/",
        {"reported_on": "2026-11-20", "deaths": 0, "serious_injuries": 10, "minor_injuries": 0},
        format="json",
    )
    assert response.status_code == 201 and response.json()["grade_after"] == "larger"
    detail = api.get(f"/api/v1/accidents/{pk}/").json()
    assert detail["grade"] == "larger" and detail["grade_basis"] == ["serious_injuries"]
    assert len(detail["updates"]) == 1
    response = api.post(
        f"/api/v1/accidents/{pk}/people/", {"name": "赵六", "severity": "serious", "lost_workdays": 120}, format="json"
    )
    assert response.status_code == 201


def test_outsiders_neither_see_nor_report(world, api_for):
    item = accident(world)
    api = api_for("outsider")
    assert api.get(f"/api/v1/accidents/{item.pk}/").status_code == 404
    assert _report(api, world).status_code == 403
    assert api_for("employee_a").get("/api/v1/accidents/").status_code == 403
    assert api_for("leader").get("/api/v1/accidents/").json()["count"] == 1
    assert _report(api_for("leader"), world).status_code == 403


def test_closing_through_the_api_names_what_is_missing(world, api_for):
    item = accident(world, when=at(dt.date(2026, 11, 1)))
    api = api_for("safety_manager")
    response = api.post(f"/api/v1/accidents/{item.pk}/close/")
    assert response.status_code == 400
    assert "cause found" in str(response.json())
    response = api.post(
        f"/api/v1/accidents/{item.pk}/investigation/",
        {
            "direct_causes": "绝缘老化",
            "report_submitted_on": "2026-11-15",
            "cause_found": True,
            "responsible_handled": True,
            "staff_educated": True,
            "measures_taken": True,
        },
        format="json",
    )
    assert response.status_code == 200, response.json()
    response = api.post(
        f"/api/v1/accidents/{item.pk}/measures/",
        {"kind": "corrective", "title": "更换电缆", "department": world.dept_a.pk, "due_date": "2026-12-01"},
        format="json",
    )
    assert response.status_code == 201
    assert api_for("head_a").post(f"/api/v1/accidents/{item.pk}/close/").status_code == 403
    response = api.post(f"/api/v1/accidents/{item.pk}/close/")
    assert response.status_code == 400 and "更换电缆" in str(response.json())
    from apps.workflow.models import Task

    Task.objects.filter(pk=response_task_id(item)).update(status="signed_off")
    response = api.post(f"/api/v1/accidents/{item.pk}/close/")
    assert response.status_code == 200 and response.json()["status"] == "closed"


def response_task_id(item):
    return item.measures.get().task_id


def test_man_hours_lessons_and_statistics(world, api_for):
    api = api_for("safety_manager")
    body = {"department": world.dept_a.pk, "month": "2026-03-01", "hours": "1000.0", "headcount": 10}
    assert api.post("/api/v1/accidents/man-hours/", body, format="json").status_code == 201
    body["hours"] = "2000.0"
    assert api.post("/api/v1/accidents/man-hours/", body, format="json").status_code == 201
    assert api.get("/api/v1/accidents/man-hours/").json()["count"] == 1
    assert api_for("head_a").post("/api/v1/accidents/man-hours/", body, format="json").status_code == 403
    item = accident(world, minor_injuries=1)
    response = api.post(
        "/api/v1/accidents/lessons/",
        {
            "accident": item.pk,
            "title": "案例教育",
            "held_on": "2026-11-10",
            "departments": [world.dept_a.pk, world.dept_b.pk],
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    stats = api.get("/api/v1/accidents/statistics/?year=2026").json()
    assert stats["total"]["accidents"] == 1 and stats["total"]["hours"] == 2000
    assert stats["total"]["trir"] == 100.0
    assert len(api.get("/api/v1/accidents/types/?edition=2025").json()) == 27
    assert len(api.get("/api/v1/accidents/types/?edition=1986").json()) == 20


def test_photos_are_added_by_those_who_report(world, api_for):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from apps.core.selectors import attachment_list

    item = accident(world)
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, "PNG")
    png = buffer.getvalue()
    upload = SimpleUploadedFile("scene.png", png, content_type="image/png")
    response = api_for("head_a").post(f"/api/v1/accidents/{item.pk}/photos/", {"files": [upload]}, format="multipart")
    assert response.status_code == 201, response.content
    assert attachment_list(owner=item).count() == 1
    upload = SimpleUploadedFile("scene.png", png, content_type="image/png")
    assert (
        api_for("outsider")
        .post(f"/api/v1/accidents/{item.pk}/photos/", {"files": [upload]}, format="multipart")
        .status_code
        == 404
    )


@pytest.mark.parametrize(
    "days_ago, fire, applied, grade",
    [
        (30, False, True, "larger"),
        (31, False, False, "general"),
        (7, True, True, "larger"),
        (8, True, False, "general"),
    ],
)
def test_a_person_marked_dead_through_the_api_regrades_within_the_window(
    world, api_for, days_ago, fire, applied, grade
):
    item = accident(
        world,
        when=at(dt.date(2026, 11, 20) - dt.timedelta(days=days_ago)),
        type_code="WSA10009" if fire else "WSA10004",
        deaths=2,
        serious_injuries=1,
    )
    api = api_for("head_a")
    pk = api.post(f"/api/v1/accidents/{item.pk}/people/", {"name": "丙", "severity": "serious"}, format="json").json()[
        "id"
    ]
    response = api.post(
        f"/api/v1/accidents/{item.pk}/person-status/",
        {"person": pk, "severity": "death", "reported_on": "2026-11-20"},
        format="json",
    )
    assert response.status_code == 201, response.json()
    assert response.json()["applied"] is applied and ("message" in response.json()) is not applied
    detail = api.get(f"/api/v1/accidents/{item.pk}/").json()
    assert detail["grade"] == grade and detail["deaths"] == (3 if applied else 2)


def test_a_person_of_another_accident_is_not_found(world, api_for):
    first, second = accident(world, minor_injuries=1), accident(world, minor_injuries=1)
    person = services.person_add(accident=first, user=world.safety_manager, name="丁", severity="minor")
    response = api_for("head_a").post(
        f"/api/v1/accidents/{second.pk}/person-status/",
        {"person": person.pk, "severity": "death", "reported_on": "2026-11-20"},
        format="json",
    )
    assert response.status_code == 404


def test_a_near_miss_with_a_20_million_loss_is_graded_larger_through_the_api(world, api_for):
    response = _report(api_for("head_a"), world, is_near_miss=True, serious_injuries=0, direct_loss="20000000")
    assert response.status_code == 201, response.json()
    assert response.json()["grade"] == "larger" and response.json()["grade_basis"] == ["direct_loss"]


def test_an_extension_through_the_api_needs_the_approving_government(world, api_for):
    item = accident(world, when=at(dt.date(2026, 9, 1)))
    api = api_for("safety_manager")
    url = f"/api/v1/accidents/{item.pk}/investigation/"
    body = {"extension_days": 60, "extension_reason": "技术鉴定", "appraisal_days": 10}
    response = api.post(url, body, format="json")
    assert response.status_code == 400 and "Extension approved by" in str(response.json())
    response = api.post(url, {**body, "extension_approved_by": "某县人民政府"}, format="json")
    assert response.status_code in (200, 201), response.json()
    detail = api.get(f"/api/v1/accidents/{item.pk}/").json()
    assert detail["investigation_due"] == "2027-01-09"  # 60 + 60 + 10 days of appraisal
    response = api.post(url, {**body, "extension_days": 61, "extension_approved_by": "某县人民政府"}, format="json")
    assert response.status_code == 400
