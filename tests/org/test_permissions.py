"""The org pages and API by persona: (method, url, persona, expected status)."""

import pytest

from apps.org.models import Employee

# {a}, {b}: department A and B; {emp_b}: an employee of department B.
HTML_MATRIX = [
    ("get", "/org/company/", "employee_a", 200),
    ("get", "/org/company/edit/", "safety_manager", 200),
    ("get", "/org/company/edit/", "leader", 403),
    ("get", "/org/company/edit/", "head_a", 403),
    ("get", "/org/departments/", "employee_a", 200),
    ("get", "/org/departments/{a}/", "head_a", 200),
    ("get", "/org/departments/{b}/", "head_a", 404),
    ("get", "/org/departments/{b}/", "leader", 200),
    ("get", "/org/departments/{b}/", "employee_a", 404),
    ("get", "/org/departments/new/", "safety_manager", 200),
    ("get", "/org/departments/new/", "head_a", 403),
    ("get", "/org/departments/{a}/edit/", "head_a", 403),
    ("get", "/org/departments/import/", "leader", 403),
    ("get", "/org/employees/", "employee_a", 403),
    ("get", "/org/employees/", "head_a", 200),
    ("get", "/org/employees/", "leader", 200),
    ("get", "/org/employees/{emp_b}/", "head_a", 404),
    ("get", "/org/employees/{emp_b}/", "outsider", 200),
    ("get", "/org/employees/{emp_b}/", "safety_manager", 200),
    ("get", "/org/employees/{emp_b}/edit/", "outsider", 403),
    ("get", "/org/employees/new/", "safety_manager", 200),
    ("post", "/org/employees/{emp_b}/account/", "leader", 403),
    ("get", "/org/positions/", "employee_a", 403),
    ("get", "/org/positions/", "head_a", 200),
    ("get", "/org/positions/new/", "head_a", 403),
]


def _url(template: str, world) -> str:
    emp_b = Employee.objects.filter(department=world.dept_b).first()
    return template.format(a=world.dept_a.pk, b=world.dept_b.pk, emp_b=emp_b.pk)


@pytest.mark.parametrize("method, url, persona, expected", HTML_MATRIX)
def test_html_permission_matrix(world, client_for, method, url, persona, expected):
    response = getattr(client_for(persona), method)(_url(url, world))
    assert response.status_code == expected


API_MATRIX = [
    ("get", "/api/v1/company/", "employee_a", 200),
    ("patch", "/api/v1/company/update/", "leader", 403),
    ("patch", "/api/v1/company/update/", "safety_manager", 200),
    ("get", "/api/v1/departments/{b}/", "head_a", 404),
    ("get", "/api/v1/departments/{a}/", "head_a", 200),
    ("patch", "/api/v1/departments/{a}/", "head_a", 403),
    ("patch", "/api/v1/departments/{a}/", "safety_manager", 200),
    ("get", "/api/v1/employees/", "employee_a", 403),
    ("get", "/api/v1/employees/{emp_b}/", "head_a", 404),
    ("get", "/api/v1/employees/{emp_b}/", "leader", 200),
    ("patch", "/api/v1/employees/{emp_b}/", "outsider", 403),
    ("patch", "/api/v1/employees/{emp_b}/", "safety_manager", 200),
    ("get", "/api/v1/positions/", "head_a", 200),
    ("post", "/api/v1/positions/", "head_a", 403),
]


@pytest.mark.parametrize("method, url, persona, expected", API_MATRIX)
def test_api_permission_matrix(world, api_for, method, url, persona, expected):
    body = {"name": "改名"} if method in ("patch", "post") else None
    response = getattr(api_for(persona), method)(_url(url, world), body, format="json")
    assert response.status_code == expected


def test_employee_lists_are_scoped(world, api_for, client_for):
    names = {e["name"] for e in api_for("head_a").get("/api/v1/employees/").json()["results"]}
    assert names == {"张敏", "李强", "赵磊"}  # department A and its team
    html = client_for("head_a").get("/org/employees/").content.decode()
    assert "赵磊" in html and "何静" not in html


def test_api_errors_name_the_field(world, api_for):
    response = api_for("safety_manager").post(
        "/api/v1/departments/",
        {"name": "新班", "code": "N", "kind": "workshop", "parent": world.team_a.pk},
        format="json",
    )
    assert response.status_code == 400
    assert "kind" in response.json()
    duplicate = api_for("safety_manager").post(
        "/api/v1/departments/",
        {"name": "重复", "code": "A", "kind": "workshop", "parent": world.root.pk},
        format="json",
    )
    assert duplicate.status_code == 400
    assert "code" in duplicate.json()


def test_a_failed_form_keeps_what_was_typed(world, client_for):
    response = client_for("safety_manager").post(
        "/org/employees/new/",
        {
            "employee_no": "N9",
            "name": "王小明",
            "department": world.dept_a.pk,
            "email": "bad",
            "employment_type": "regular",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="王小明"' in html and "is-invalid" in html
    assert not Employee.objects.filter(employee_no="N9").exists()


def test_the_safety_manager_gives_an_employee_a_login_with_head_rights(world, client_for):
    employee = Employee.objects.filter(department=world.dept_b).exclude(
        user=world.outsider
    ).first() or Employee.objects.create(employee_no="NB1", name="新部长", department=world.dept_b)
    response = client_for("safety_manager").post(
        f"/org/employees/{employee.pk}/account/",
        {"username": "newhead", "password": "Str0ng-pass-2026", "headed_departments": [world.dept_b.pk]},
    )
    assert response.status_code == 302
    employee.refresh_from_db()
    assert employee.user.username == "newhead"
    assert employee.user.groups.filter(name="department_head").exists()
