"""The sign-in sheet import: all or nothing, every bad row named, 2,000 rows in bulk."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.core.exceptions import ApplicationError
from apps.org.models import Employee
from apps.training.importers import attendance_import
from apps.training.models import Attendance
from tests.org.factories import EmployeeFactory
from tests.training.factories import make_session, sheet

pytestmark = pytest.mark.usefixtures("english")

DAY = dt.date(2026, 3, 2)


@pytest.fixture
def session(world):
    return make_session(user=world.safety_manager, department=world.dept_a, on=DAY, hours=8, days=2)


def _people(world, count: int) -> list[Employee]:
    return EmployeeFactory.create_batch(count, department=world.team_a)


def test_a_sheet_with_one_bad_row_imports_nothing_and_names_the_row(world, session):
    people = _people(world, 3)
    rows = [[p.employee_no, p.name, "2026-03-02", "是", 8, 90, "是"] for p in people]
    rows.append(["X999", "", "2026-03-02", "是", 8, None, None])  # row 5: unknown number
    with pytest.raises(ApplicationError, match="Nothing was imported: 1 problem") as error:
        attendance_import(session=session, upload=sheet(rows), user=world.safety_manager)
    assert Attendance.objects.count() == 0
    assert [(e.row, e.column) for e in error.value.errors] == [(5, "Employee number")]
    assert "X999" in error.value.errors[0].message
    assert "Nothing was imported" in error.value.message


def test_every_bad_row_is_named_with_its_reason(world, session):
    people = _people(world, 6)
    rows = [
        [people[0].employee_no, people[0].name, "2026-03-02", "是", "八", None, None],
        [people[1].employee_no, people[1].name, "2026-03-05", "是", 8, None, None],
        [people[2].employee_no, people[2].name, "2026-03-03", "是", 9, None, None],
        [people[3].employee_no, "别人", "2026-03-03", "是", 8, None, None],
        [people[4].employee_no, people[4].name, "2026-03-03", "也许", 8, None, None],
        [people[0].employee_no, people[0].name, "2026-03-02", "是", 8, None, None],
        [people[5].employee_no, people[5].name, "2026-03-02", "是", 8, 120, None],
    ]
    with pytest.raises(ApplicationError, match="Nothing was imported: 7 problem") as error:
        attendance_import(session=session, upload=sheet(rows), user=world.safety_manager)
    found = {(e.row, e.column): e.message for e in error.value.errors}
    assert "is not a number" in found[(2, "Hours credited")]
    assert "outside the session" in found[(3, "Date")]
    assert "between 0 and" in found[(4, "Hours credited")]
    assert "not “别人”" in found[(5, "Full name")]
    assert "yes/no" in found[(6, "Present")]
    assert "already appears in row 2" in found[(7, "Employee number")]
    assert "between 0 and 100" in found[(8, "Exam score")]
    assert Attendance.objects.count() == 0


def test_a_good_sheet_of_2000_rows_imports_completely_in_bulk(world, session):
    Employee.objects.bulk_create(
        [Employee(employee_no=f"N{i:05d}", name=f"员工{i}", department=world.team_a) for i in range(2000)]
    )
    rows = [[f"N{i:05d}", f"员工{i}", "2026-03-03", "是", 6 + i % 3, 80, "是"] for i in range(2000)]
    with CaptureQueriesContext(connection) as ctx:
        result = attendance_import(session=session, upload=sheet(rows), user=world.safety_manager)
    assert (result.created, result.updated) == (2000, 0)
    assert Attendance.objects.filter(session=session).count() == 2000
    assert Attendance.history.count() == 2000  # the audit trail, written in bulk too
    assert len(ctx.captured_queries) < 60
    first = Attendance.objects.get(session=session, employee__employee_no="N00001")
    assert first.hours_credited == Decimal(7) and first.date == dt.date(2026, 3, 3)
    assert first.level == session.level and first.passed is True


def test_a_second_upload_updates_and_absent_people_get_no_hours(world, session):
    people = _people(world, 2)
    upload = sheet([[p.employee_no, "", None, None, None, None, None] for p in people])
    assert attendance_import(session=session, upload=upload, user=world.safety_manager).created == 2
    assert {a.hours_credited for a in Attendance.objects.all()} == {Decimal(8)}
    again = sheet([[people[0].employee_no, "", None, "否", None, None, None]])
    result = attendance_import(session=session, upload=again, user=world.safety_manager)
    assert (result.created, result.updated) == (0, 1)
    absent = Attendance.objects.get(employee=people[0])
    assert not absent.present and absent.hours_credited == 0


def test_only_heads_of_the_session_department_import(world, session):
    upload = sheet([[Employee.objects.first().employee_no]])
    with pytest.raises(PermissionDenied, match="Only a head of the department"):
        attendance_import(session=session, upload=upload, user=world.outsider)


def test_the_import_page_lists_the_errors(world, client_for, session):
    client = client_for("head_a")
    response = client.post(
        f"/training/sessions/{session.pk}/import/", {"file": sheet([["X1", "", "2026-03-02", "是", 8, None, None]])}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-testid="import-errors"' in html and "X1" in html
    good = sheet([[Employee.objects.get(user=world.employee_a).employee_no]])
    response = client.post(f"/training/sessions/{session.pk}/import/", {"file": good})
    assert response.status_code == 302
    assert Attendance.objects.filter(session=session).count() == 1
    assert client_for("outsider").get(f"/training/sessions/{session.pk}/import/").status_code == 404


def test_a_head_imports_only_people_of_their_departments(world, session):
    mine = _people(world, 1)[0]
    other = EmployeeFactory(department=world.dept_b)
    rows = [
        [mine.employee_no, mine.name, "2026-03-02", "是", 8, None, None],
        [other.employee_no, other.name, "2026-03-02", "是", 8, None, None],  # row 3
    ]
    with pytest.raises(ApplicationError, match="Nothing was imported: 1 problem") as error:
        attendance_import(session=session, upload=sheet(rows), user=world.head_a)
    assert [(e.row, e.column) for e in error.value.errors] == [(3, "Employee number")]
    message = error.value.errors[0].message
    assert other.employee_no in message and "not in your departments" in message
    assert Attendance.objects.count() == 0
    result = attendance_import(session=session, upload=sheet(rows), user=world.safety_manager)
    assert result.created == 2
