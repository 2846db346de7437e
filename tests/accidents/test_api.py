import datetime as dt
import io

import pytest
from PIL import Image

from tests.accidents.factories import accident, accident_type, at

pytestmark = pytest.mark.usefixtures("english", "frozen")


def _report(api, world, department=None):
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
