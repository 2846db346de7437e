"""The training ledger, the compliance report and the personal record say the same as the pages."""

import datetime as dt

import pytest
from django.utils import translation

from apps.core.exceptions import ApplicationError
from apps.core.models import GeneratedFile
from apps.org.models import Employee
from apps.training.exporters import ComplianceExporter, LedgerExporter, RecordExporter
from tests.helpers import pdf_text, xlsx_rows
from tests.training.factories import attend, make_certificate, make_session

pytestmark = pytest.mark.usefixtures("english")


def _seed(world):
    worker = Employee.objects.get(user=world.employee_a)
    outsider = Employee.objects.get(user=world.outsider)
    session = make_session(
        user=world.safety_manager, department=world.dept_a, level="company", on=dt.date(2026, 3, 2), hours=16
    )
    attend(session, [worker, outsider], user=world.safety_manager)
    make_certificate(holder=worker, issued_on=dt.date(2019, 1, 1), user=world.safety_manager)
    return worker


def test_the_ledger_lists_attendance_in_the_users_scope(world):
    _seed(world)
    rows = xlsx_rows(LedgerExporter(user=world.head_a, params={}).render())
    assert rows[0][:3] == ("Date", "Course", "Level")
    assert [r[8] for r in rows[1:]] == ["赵磊"]  # the outsider's row is not the head's to see
    assert rows[1][2] == "Company-level induction" and rows[1][11] == 16 and rows[1][14] == "Yes"


def test_the_compliance_report_has_people_and_departments(world):
    _seed(world)
    content = ComplianceExporter(user=world.safety_manager, params={}).render()
    people = {r[1]: r for r in xlsx_rows(content, sheet="People")[1:]}
    assert people["赵磊"][4:7] == (16, 40, 24)  # initial hours, required, short
    assert people["赵磊"][12] == "Yes" and people["赵磊"][13] == "No"
    departments = [r[0] for r in xlsx_rows(content, sheet="Departments")[1:]]
    assert "机加工车间" in departments


def test_the_personal_record_pdf(world):
    worker = _seed(world)
    with translation.override("zh-hans"):  # the record as the company files it, in Chinese
        content = RecordExporter(user=world.employee_a, params={"employee": worker.pk}).render()
    text = pdf_text(content)
    assert "个人安全培训档案" in text
    assert "赵磊" in text and "T001" in text
    other = Employee.objects.get(user=world.outsider)
    with pytest.raises(ApplicationError, match="may not see this person's training record"):
        RecordExporter(user=world.employee_a, params={"employee": other.pk}).render()


def test_exports_start_from_the_pages(world, client_for, django_capture_on_commit_callbacks):
    worker = _seed(world)
    client = client_for("employee_a")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/files/start/training.record/", {"employee": worker.pk})
    assert response.status_code == 302
    assert client.post("/files/start/training.ledger/").status_code == 302
    kinds = dict(GeneratedFile.objects.values_list("kind", "status"))
    assert kinds == {"training.record": "done"}  # the ledger is not an employee's to export
