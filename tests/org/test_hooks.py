"""Apps asked before an employee moves to a position, and told when someone leaves
(apps/org/hooks.py): every path (form, API, import) goes through the same service."""

from __future__ import annotations

import contextlib
import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from apps.core.exceptions import ApplicationError
from apps.core.text import render
from apps.org import hooks, services
from apps.org.importers import employee_import
from apps.org.models import Employee, Position
from tests.helpers import xlsx_upload
from tests.org.factories import EmployeeFactory, PositionFactory

pytestmark = pytest.mark.usefixtures("english")

REFUSAL = "No pre-employment examination for this post"


@pytest.fixture
def refusing():
    """A hook, as occupational health might register, refusing moves into the electrician's
    post; it records every question asked."""
    asked = []

    def check(*, employee, position, user):
        asked.append((employee.employee_no, position.name if position else None, user))
        if position is not None and position.name == "电工":
            raise ApplicationError(REFUSAL)

    hooks.before_position_change(check)
    yield asked
    hooks.unregister(check)


@pytest.fixture
def leaving():
    told = []

    def hand_over(*, employee, handover_to, user):
        told.append((employee.pk, handover_to.pk if handover_to else None, user))

    hooks.on_employee_leave(hand_over)
    yield told
    hooks.unregister(hand_over)


@pytest.fixture
def worker(world):
    return EmployeeFactory(
        employee_no="W001", name="钱进", department=world.dept_a, position=PositionFactory(name="车工")
    )


def form_data(employee, **changes) -> dict:
    data = {
        "employee_no": employee.employee_no,
        "name": employee.name,
        "department": employee.department_id,
        "position": employee.position_id or "",
        "employment_type": employee.employment_type,
        "safety_officer": "",
        "is_active": "on",
    }
    return {**data, **changes}


# ------------------------------------------------------------------------------
# Before a position change
# ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "change, asked",
    [
        ({"position": "电工"}, True),
        ({"department": "B"}, True),
        ({"name": "钱多多"}, False),  # not a move: no question
        ({"position": "车工"}, False),  # the same post
    ],
)
def test_the_apps_are_asked_only_about_moves(world, worker, refusing, change, asked):
    data = dict(change)
    if "position" in data:
        data["position"] = PositionFactory(name=data["position"])
    if "department" in data:
        data["department"] = world.dept_b
    with contextlib.suppress(ValidationError):
        services.employee_update(employee=worker, data=data, user=world.safety_manager)
    assert bool(refusing) is asked


def test_a_refused_move_names_the_position_and_changes_nothing(world, worker, refusing):
    electrician = PositionFactory(name="电工")
    with pytest.raises(ValidationError, match=REFUSAL) as exc:
        services.employee_update(employee=worker, data={"position": electrician}, user=world.safety_manager)
    assert list(exc.value.message_dict) == ["position"]
    assert refusing == [("W001", "电工", world.safety_manager)]
    assert Employee.objects.get(pk=worker.pk).position.name == "车工"


def test_a_new_employee_is_asked_about_too(world, refusing):
    with pytest.raises(ValidationError, match=REFUSAL):
        services.employee_create(
            data={
                "employee_no": "N9",
                "name": "新人",
                "department": world.dept_a,
                "position": PositionFactory(name="电工"),
            },
            user=world.safety_manager,
        )
    assert not Employee.objects.filter(employee_no="N9").exists()


def test_a_plain_validation_error_of_a_hook_lands_on_the_position_too(world, worker):
    def check(*, employee, position, user):
        raise ValidationError("Not this post")

    hooks.before_position_change(check)
    try:
        with pytest.raises(ValidationError, match="Not this post") as exc:
            services.employee_update(employee=worker, data={"department": world.dept_b}, user=world.safety_manager)
    finally:
        hooks.unregister(check)
    assert list(exc.value.message_dict) == ["position"]


def test_the_form_shows_the_refusal_on_the_position_and_keeps_the_input(world, worker, refusing, client_for):
    electrician = PositionFactory(name="电工")
    response = client_for("safety_manager").post(
        reverse("org:employee_edit", args=[worker.pk]), form_data(worker, position=electrician.pk, phone="13800000000")
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["position"] == [REFUSAL]
    assert "13800000000" in response.content.decode()
    worker.refresh_from_db()
    assert (worker.position.name, worker.phone) == ("车工", "")


def test_the_api_answers_400_with_the_refusal(world, worker, refusing, api_for):
    electrician = PositionFactory(name="电工")
    response = api_for("safety_manager").patch(
        f"/api/v1/employees/{worker.pk}/", {"position": electrician.pk}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["position"] == [REFUSAL]
    worker.refresh_from_db()
    assert worker.position.name == "车工"


def test_the_import_names_the_refused_row_and_imports_nothing(world, worker, refusing):
    before = Employee.objects.count()
    upload = xlsx_upload(
        [
            ["Employee number", "Full name", "Department code", "Position"],
            ["N001", "孙悟空", "A", "车工"],
            ["W001", "钱进", "A", "电工"],
        ]
    )
    with pytest.raises(ApplicationError, match="Nothing was imported: 1 problem") as exc:
        employee_import(upload=upload, user=world.safety_manager)
    assert [(e.row, e.column, e.message) for e in exc.value.errors] == [(3, "Position", REFUSAL)]
    assert Employee.objects.count() == before
    assert not Position.objects.filter(name="电工").exists()
    worker.refresh_from_db()
    assert worker.position.name == "车工"


# ------------------------------------------------------------------------------
# Leaving
# ------------------------------------------------------------------------------
def test_leaving_takes_the_employee_out_of_service_and_tells_the_apps(world, leaving):
    employee = Employee.objects.get(user=world.head_a)
    taker = Employee.objects.get(user=world.employee_a)
    today = timezone.localdate()
    services.employee_leave(employee=employee, left_on=today, handover_to=taker, user=world.safety_manager)
    employee.refresh_from_db()
    world.head_a.refresh_from_db()
    assert (employee.is_active, employee.left_on) == (False, today)
    assert not world.head_a.is_active
    assert leaving == [(employee.pk, taker.pk, world.safety_manager)]
    latest = employee.history.latest()
    assert (latest.history_user, render(latest.history_change_reason)) == (world.safety_manager, "Left the company")


@pytest.mark.parametrize(
    "case, field, message",
    [
        ("future", "left_on", "cannot be in the future"),
        ("before_hire", "left_on", "cannot be before the hire date"),
        ("to_self", "handover_to", "someone else who is still in service"),
        ("to_leaver", "handover_to", "someone else who is still in service"),
    ],
)
def test_leaving_is_refused_with_the_field_named(world, leaving, case, field, message):
    today = timezone.localdate()
    employee = Employee.objects.get(user=world.employee_a)
    employee.hire_date = today - dt.timedelta(days=10)
    employee.save()
    gone = EmployeeFactory(department=world.dept_a, is_active=False)
    left_on = {"future": today + dt.timedelta(days=1), "before_hire": today - dt.timedelta(days=11)}.get(case, today)
    handover_to = {"to_self": employee, "to_leaver": gone}.get(case)
    with pytest.raises(ValidationError, match=message) as exc:
        services.employee_leave(employee=employee, left_on=left_on, handover_to=handover_to, user=world.safety_manager)
    assert list(exc.value.message_dict) == [field]
    assert Employee.objects.get(pk=employee.pk).is_active
    assert leaving == []


def test_the_boundary_days_of_leaving_are_allowed(world):
    today = timezone.localdate()
    employee = Employee.objects.get(user=world.employee_a)
    employee.hire_date = today
    employee.save()
    services.employee_leave(employee=employee, left_on=today, user=world.safety_manager)
    with pytest.raises(ApplicationError, match="already left"):
        services.employee_leave(employee=employee, left_on=today, user=world.safety_manager)


@pytest.mark.parametrize("path", ["form", "api", "import"])
def test_taking_someone_out_of_service_anywhere_is_their_leaving(world, leaving, client_for, api_for, path):
    employee = Employee.objects.get(user=world.employee_a)
    if path == "form":
        data = form_data(employee)
        del data["is_active"]
        client_for("safety_manager").post(reverse("org:employee_edit", args=[employee.pk]), data)
    elif path == "api":
        api_for("safety_manager").patch(f"/api/v1/employees/{employee.pk}/", {"is_active": False}, format="json")
    else:
        upload = xlsx_upload(
            [
                ["Employee number", "Full name", "Department code", "In service"],
                [employee.employee_no, employee.name, "A-1", "no"],
            ]
        )
        employee_import(upload=upload, user=world.safety_manager)
    employee.refresh_from_db()
    assert (employee.is_active, employee.left_on) == (False, timezone.localdate())
    assert leaving == [(employee.pk, None, world.safety_manager)]


def test_the_leaving_page_action(world, leaving, client_for):
    employee = Employee.objects.get(user=world.employee_a)
    taker = Employee.objects.get(user=world.head_a)
    url = reverse("org:employee_leave", args=[employee.pk])
    page = client_for("safety_manager").get(reverse("org:employee_detail", args=[employee.pk]))
    assert url in page.content.decode()
    assert client_for("head_a").post(url, {"left_on": "2026-01-05"}).status_code == 403
    future = (timezone.localdate() + dt.timedelta(days=3)).isoformat()
    refused = client_for("safety_manager").post(url, {"left_on": future})
    assert refused.status_code == 400
    assert refused.context["leave_form"].errors["left_on"] == ["The leaving date cannot be in the future."]
    today = timezone.localdate().isoformat()
    response = client_for("safety_manager").post(url, {"left_on": today, "handover_to": taker.pk})
    assert response.status_code == 302
    assert leaving == [(employee.pk, taker.pk, world.safety_manager)]
    page = client_for("safety_manager").get(reverse("org:employee_detail", args=[employee.pk]))
    assert url not in page.content.decode()


def test_the_leaving_api_action(world, leaving, api_for):
    employee = Employee.objects.get(user=world.employee_a)
    url = f"/api/v1/employees/{employee.pk}/leave/"
    today = timezone.localdate().isoformat()
    assert api_for("head_a").post(url, {"left_on": today}, format="json").status_code == 403
    response = api_for("safety_manager").post(url, {"left_on": today}, format="json")
    assert response.status_code == 200
    assert (response.json()["is_active"], response.json()["left_on"]) == (False, today)
    again = api_for("safety_manager").post(url, {"left_on": today}, format="json")
    assert again.status_code == 400
    assert "already left" in again.json()["detail"]
    assert leaving == [(employee.pk, None, world.safety_manager)]
