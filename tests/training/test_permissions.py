"""Training pages and API by persona: (method, url, persona, expected status)."""

import datetime as dt

import pytest

from apps.org import services as org_services
from apps.org.models import Employee
from apps.training import services
from apps.training.models import Attendance, Certificate, TrainingPlan
from tests.training.factories import attend, make_certificate, make_session, sheet


@pytest.fixture
def records(world):
    """A session of A attended by the employee of A, a session of B, a certificate and plan."""
    session_a = make_session(user=world.safety_manager, department=world.dept_a, on=dt.date(2026, 3, 2))
    session_b = make_session(user=world.safety_manager, department=world.dept_b, on=dt.date(2026, 3, 3))
    employee_a = Employee.objects.get(user=world.employee_a)
    employee_b = Employee.objects.get(user=world.outsider)
    attend(session_a, [employee_a], user=world.safety_manager)
    attend(session_b, [employee_b], user=world.safety_manager)
    make_certificate(holder=employee_a, issued_on=dt.date(2024, 1, 1), number="A1", user=world.safety_manager)
    make_certificate(holder=employee_b, issued_on=dt.date(2024, 1, 1), number="B1", user=world.safety_manager)
    plan_b = services.plan_create(data={"department": world.dept_b, "year": 2026}, user=world.outsider)
    return {
        "sa": session_a.pk,
        "sb": session_b.pk,
        "ea": employee_a.pk,
        "eb": employee_b.pk,
        "pb": plan_b.pk,
        "cb": Certificate.objects.get(number="B1").pk,
    }


HTML_MATRIX = [
    ("get", "/training/mine/", "employee_a", 200),
    ("get", "/training/mine/", "leader", 200),
    ("get", "/training/compliance/", "employee_a", 403),
    ("get", "/training/compliance/", "head_a", 200),
    ("get", "/training/compliance/", "leader", 200),
    ("get", "/training/people/{ea}/", "head_a", 200),
    ("get", "/training/people/{eb}/", "head_a", 404),
    ("get", "/training/people/{eb}/", "leader", 200),
    ("get", "/training/people/{ea}/", "employee_a", 403),
    ("get", "/training/sessions/", "employee_a", 403),
    ("get", "/training/sessions/{sa}/", "head_a", 200),
    ("get", "/training/sessions/{sb}/", "head_a", 404),
    ("get", "/training/sessions/{sb}/", "outsider", 200),
    ("get", "/training/sessions/{sb}/edit/", "outsider", 200),
    ("get", "/training/sessions/{sb}/edit/", "leader", 403),
    ("get", "/training/sessions/{sa}/import/", "safety_manager", 200),
    ("get", "/training/sessions/new/", "head_a", 200),
    ("get", "/training/certificates/", "head_a", 200),
    ("get", "/training/certificates/", "employee_a", 403),
    ("get", "/training/certificates/new/", "head_a", 403),
    ("get", "/training/certificates/new/", "safety_manager", 200),
    ("get", "/training/certificates/{cb}/edit/", "safety_manager", 200),
    ("post", "/training/certificates/{cb}/review/", "leader", 403),
    ("get", "/training/courses/", "leader", 200),
    ("get", "/training/courses/new/", "leader", 403),
    ("get", "/training/courses/new/", "safety_manager", 200),
    ("get", "/training/plans/", "outsider", 200),
    ("get", "/training/plans/{pb}/", "outsider", 200),
    ("get", "/training/plans/{pb}/", "head_a", 404),
    ("get", "/training/plans/new/", "employee_a", 403),
    ("post", "/training/plans/{pb}/submit/", "head_a", 404),
    ("get", "/training/rules/", "safety_manager", 200),
    ("get", "/training/rules/", "leader", 403),
    ("get", "/training/rules/settings/", "head_a", 403),
    ("get", "/training/reinductions/new/", "head_a", 200),
    ("get", "/training/reinductions/new/", "employee_a", 403),
]


def _url(template: str, records: dict) -> str:
    return template.format(**records)


@pytest.mark.parametrize("method, url, persona, expected", HTML_MATRIX)
def test_html_permission_matrix(world, records, client_for, method, url, persona, expected):
    response = getattr(client_for(persona), method)(_url(url, records))
    assert response.status_code == expected


API_MATRIX = [
    ("get", "/api/v1/training/compliance/", "employee_a", 200),
    ("get", "/api/v1/training/compliance/", "outsider", 200),
    ("get", "/api/v1/training/attendances/", "employee_a", 200),
    ("get", "/api/v1/training/certificates/", "employee_a", 200),
    ("post", "/api/v1/training/certificates/", "head_a", 403),
    ("patch", "/api/v1/training/certificates/{cb}/", "outsider", 403),
    ("post", "/api/v1/training/certificates/{cb}/review/", "leader", 403),
    ("get", "/api/v1/training/sessions/", "employee_a", 403),
    ("get", "/api/v1/training/sessions/{sb}/", "head_a", 404),
    ("get", "/api/v1/training/sessions/{sb}/", "leader", 200),
    ("patch", "/api/v1/training/sessions/{sb}/", "outsider", 200),
    ("patch", "/api/v1/training/sessions/{sb}/", "leader", 403),
    ("get", "/api/v1/training/plans/{pb}/", "head_a", 404),
    ("patch", "/api/v1/training/plans/{pb}/", "outsider", 200),
    ("post", "/api/v1/training/plans/{pb}/submit/", "leader", 403),
    ("get", "/api/v1/training/courses/", "employee_a", 403),
    ("post", "/api/v1/training/courses/", "head_a", 403),
    ("get", "/api/v1/training/rulesets/", "head_a", 200),
    ("get", "/api/v1/training/ruleset-rows/", "employee_a", 403),
    ("patch", "/api/v1/training/settings/update/", "leader", 403),
    ("get", "/api/v1/training/certificate-types/", "employee_a", 200),
]


@pytest.mark.parametrize("method, url, persona, expected", API_MATRIX)
def test_api_permission_matrix(world, records, api_for, method, url, persona, expected):
    body = {"trainer": "王老师", "title": "新标题"} if method in ("patch", "post") else None
    response = getattr(api_for(persona), method)(_url(url, records), body, format="json")
    assert response.status_code == expected, response.content


def test_employees_read_only_their_own_records(world, records, api_for):
    client = api_for("employee_a")
    attendances = client.get("/api/v1/training/attendances/").json()["results"]
    assert [a["employee"] for a in attendances] == [records["ea"]]
    certificates = client.get("/api/v1/training/certificates/").json()["results"]
    assert [c["number"] for c in certificates] == ["A1"]
    rows = client.get("/api/v1/training/compliance/").json()["results"]
    assert [r["employee_id"] for r in rows] == [records["ea"]]
    heads = api_for("head_a").get("/api/v1/training/compliance/").json()["results"]
    assert {r["name"] for r in heads} == {"张敏", "李强", "赵磊"}


def test_a_head_records_attendance_and_plans_through_the_api(world, records, api_for):
    client = api_for("head_a")
    response = client.post(
        "/api/v1/training/attendances/",
        {"session": records["sa"], "employee": records["ea"], "hours_credited": "4"},
        format="json",
    )
    assert response.status_code == 201, response.content
    assert Attendance.objects.get(session_id=records["sa"]).hours_credited == 4
    too_many = client.post(
        "/api/v1/training/attendances/",
        {"session": records["sa"], "employee": records["ea"], "hours_credited": "40"},
        format="json",
    )
    assert too_many.status_code == 400 and "hours_credited" in too_many.json()
    foreign = client.post(
        "/api/v1/training/attendances/", {"session": records["sb"], "employee": records["ea"]}, format="json"
    )
    assert foreign.status_code == 403
    plan = client.post("/api/v1/training/plans/", {"department": world.dept_a.pk, "year": 2026}, format="json")
    assert plan.status_code == 201, plan.content
    course = api_for("safety_manager").post(
        "/api/v1/training/courses/", {"code": "K1", "name": "叉车安全", "level": "special"}, format="json"
    )
    assert course.status_code == 201, course.content
    item = client.post(
        f"/api/v1/training/plans/{plan.json()['id']}/items/", {"course": course.json()["id"], "month": 5}, format="json"
    )
    assert item.status_code == 201 and item.json()["planned"] == 1
    submitted = client.post(f"/api/v1/training/plans/{plan.json()['id']}/submit/")
    assert submitted.status_code == 200 and submitted.json()["status"] == "submitted"
    assert TrainingPlan.objects.get(pk=plan.json()["id"]).approval_task.sign_off_role == "leadership"


def test_the_sign_in_sheet_imports_through_the_api(world, records, api_for):
    employee = Employee.objects.get(pk=records["ea"])
    url = f"/api/v1/training/sessions/{records['sa']}/import-sign-in/"
    bad = api_for("head_a").post(url, {"file": sheet([["NOPE"]])}, format="multipart")
    assert bad.status_code == 400
    good = api_for("head_a").post(url, {"file": sheet([[employee.employee_no]])}, format="multipart")
    assert good.status_code == 200 and good.json() == {"created": 0, "updated": 1}


def test_heads_credit_hours_only_to_people_of_their_departments(world, records, api_for):
    body = {"session": records["sa"], "employee": records["eb"], "hours_credited": "8"}
    foreign = api_for("head_a").post("/api/v1/training/attendances/", body, format="json")
    assert foreign.status_code == 400 and "employee" in foreign.json()
    assert not Attendance.objects.filter(session_id=records["sa"], employee_id=records["eb"])
    # The outsider heads B but not the session's department A.
    assert api_for("outsider").post("/api/v1/training/attendances/", body, format="json").status_code == 403
    assert api_for("safety_manager").post("/api/v1/training/attendances/", body, format="json").status_code == 201
    # Nor may a head correct the hours a safety manager credited to someone else's person.
    again = api_for("head_a").post("/api/v1/training/attendances/", {**body, "hours_credited": "1"}, format="json")
    assert again.status_code == 400
    assert Attendance.objects.get(session_id=records["sa"], employee_id=records["eb"]).hours_credited == 8


def test_the_session_page_offers_only_people_the_head_may_credit(world, records, client_for):
    # Leadership reads everyone; heading department B, the leader credits only B's people.
    org_services.department_head_assign(department=world.dept_b, head=world.leader, user=world.safety_manager)
    html = client_for("leader").get(f"/training/sessions/{records['sb']}/").content.decode()
    form = html[html.index('name="employee"') :]
    assert "何静" in form and "赵磊" not in form
