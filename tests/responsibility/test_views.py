import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from apps.core.selectors import attachment_list
from apps.org.models import Employee
from apps.responsibility import services
from apps.responsibility.exporters import (
    LettersExporter,
    MeetingsExporter,
    ObjectivesExporter,
    ObjectivesPdfExporter,
    OfficersExporter,
)
from apps.responsibility.models import (
    AppointmentDocument,
    DepartmentTarget,
    DutyDocument,
    LetterLevel,
    Meeting,
    MeetingDecision,
    MeetingLevel,
    MeetingSettings,
    Objective,
    ResponsibilityLetter,
    SafetyBody,
)
from tests.helpers import count_queries, xlsx_rows
from tests.org.factories import EmployeeFactory
from tests.responsibility.factories import issue, team_with_staff, template

READERS = {"safety_manager": 200, "head_a": 200, "employee_a": 403, "leader": 200, "outsider": 200}
MANAGER = {"safety_manager": 200, "head_a": 403, "employee_a": 403, "leader": 403, "outsider": 403}
EVERYONE = dict.fromkeys(READERS, 200)
# Those who hold meetings: safety managers and department heads (leadership reads them).
HOLDERS = {**READERS, "leader": 403}

PAGES = [
    ("/responsibility/objectives/", READERS),
    ("/responsibility/objectives/new/", MANAGER),
    ("/responsibility/objectives/assess/", MANAGER),
    ("/responsibility/duties/", EVERYONE),
    ("/responsibility/duties/new/", MANAGER),
    ("/responsibility/letters/", EVERYONE),
    ("/responsibility/letters/issue/", MANAGER),
    ("/responsibility/letters/templates/new/", MANAGER),
    ("/responsibility/organisation/", READERS),
    ("/responsibility/organisation/bodies/new/", MANAGER),
    ("/responsibility/organisation/documents/new/", MANAGER),
    ("/responsibility/meetings/", EVERYONE),
    ("/responsibility/meetings/new/", HOLDERS),
    ("/responsibility/meetings/compliance/", READERS),
    ("/responsibility/meetings/settings/", MANAGER),
]


@pytest.mark.parametrize("persona", list(READERS))
@pytest.mark.parametrize("url, expected", PAGES)
def test_page_permissions(world, client_for, persona, url, expected):
    assert client_for(persona).get(url).status_code == expected[persona]


API_READS = [
    ("/api/v1/responsibility/objectives/", READERS),
    ("/api/v1/responsibility/objectives/status/", READERS),
    ("/api/v1/responsibility/targets/", READERS),
    ("/api/v1/responsibility/assessments/", READERS),
    ("/api/v1/responsibility/duties/", EVERYONE),
    ("/api/v1/responsibility/templates/", READERS),
    ("/api/v1/responsibility/letters/", EVERYONE),
    ("/api/v1/responsibility/letters/progress/", EVERYONE),
    ("/api/v1/responsibility/documents/", READERS),
    ("/api/v1/responsibility/bodies/", READERS),
    ("/api/v1/responsibility/bodies/officers/", READERS),
    ("/api/v1/responsibility/bodies/units-without-officer/", READERS),
    ("/api/v1/responsibility/meetings/", EVERYONE),
    ("/api/v1/responsibility/meetings/compliance/", READERS),
    ("/api/v1/responsibility/meetings/settings/", EVERYONE),
]


@pytest.mark.parametrize("persona", list(READERS))
@pytest.mark.parametrize("url, expected", API_READS)
def test_api_read_permissions(world, api_for, persona, url, expected):
    assert api_for(persona).get(url).status_code == expected[persona]


CREATED = {"safety_manager": 201, "head_a": 403, "employee_a": 403, "leader": 403, "outsider": 403}


@pytest.mark.parametrize("persona", list(READERS))
def test_api_writes_are_the_managers(world, api_for, persona):
    client = api_for(persona)
    year = 2030
    body = {"year": year, "name": "死亡人数", "direction": "at_most", "target": "0"}
    assert client.post("/api/v1/responsibility/objectives/", body, format="json").status_code == CREATED[persona]
    document = {"number": f"安字〔2026〕{persona}", "title": "任命", "issued_on": "2026-01-05"}
    assert client.post("/api/v1/responsibility/documents/", document, format="json").status_code == CREATED[persona]
    tpl = {"level": "team", "title": "责任书", "body": "正文", "is_active": True}
    assert client.post("/api/v1/responsibility/templates/", tpl, format="json").status_code == CREATED[persona]
    meeting = {"level": "company", "department": world.root.pk, "title": "季度会", "scheduled_on": "2026-03-01"}
    assert client.post("/api/v1/responsibility/meetings/", meeting, format="json").status_code == CREATED[persona]


@pytest.mark.parametrize(
    "persona, expected",
    [("safety_manager", 201), ("head_a", 201), ("employee_a", 403), ("leader", 403), ("outsider", 403)],
)
def test_department_meetings_are_run_by_their_heads(world, api_for, persona, expected):
    body = {"level": "department", "department": world.dept_a.pk, "title": "月度例会", "scheduled_on": "2026-03-01"}
    assert api_for(persona).post("/api/v1/responsibility/meetings/", body, format="json").status_code == expected


@pytest.mark.parametrize(
    "persona, expected",
    [("safety_manager", 201), ("head_a", 403), ("employee_a", 403), ("leader", 403), ("outsider", 403)],
)
def test_issuing_letters_by_api(world, api_for, persona, expected):
    tpl = template(world)
    body = {"template": tpl.pk, "year": 2026, "sign_by": "2026-03-31"}
    assert api_for(persona).post("/api/v1/responsibility/letters/issue/", body, format="json").status_code == expected


@pytest.fixture
def letter(world):
    """The department-level letter: head_a issues it to the leader of a team of department A."""
    team_with_staff(world, 0)
    issue(world, template(world, LetterLevel.DEPARTMENT))
    return ResponsibilityLetter.objects.get(level=LetterLevel.DEPARTMENT)


@pytest.mark.parametrize(
    "persona, see, sign",
    [
        ("safety_manager", 200, 403),
        ("head_a", 200, 200),
        ("employee_a", 404, 404),
        ("leader", 200, 403),
        ("outsider", 404, 404),
    ],
)
def test_who_sees_and_signs_a_letter(world, client_for, api_for, letter, persona, see, sign):
    assert client_for(persona).get(f"/responsibility/letters/{letter.pk}/").status_code == see
    assert api_for(persona).get(f"/api/v1/responsibility/letters/{letter.pk}/").status_code == see
    assert api_for(persona).post(f"/api/v1/responsibility/letters/{letter.pk}/sign/").status_code == sign


def test_signing_on_the_page_then_no_second_signature(world, client_for, letter, english):
    client = client_for("head_a")
    assert "Sign the letter" in client.get(f"/responsibility/letters/{letter.pk}/").content.decode()
    assert client.post(f"/responsibility/letters/{letter.pk}/sign/").status_code == 302
    client.post(f"/responsibility/letters/{letter.pk}/sign/")
    assert letter.signatures.count() == 1
    assert "Sign the letter" not in client.get(f"/responsibility/letters/{letter.pk}/").content.decode()


# ------------------------------------------------------------------------------
# Pinned query counts
# ------------------------------------------------------------------------------
def fresh(user):
    return type(user).objects.get(pk=user.pk)


def _export(exporter, user):
    """An exporter run for the user without the cached access (as in a background job)."""
    user = fresh(user)
    return lambda: exporter(user=user, params={}).render()


def _fill(world, size: int, code: str) -> None:
    team, leader, _leader_employee, staff = team_with_staff(world, size, code=code)
    issue(world, template(world), year=timezone.localdate().year)
    attendees = list(Employee.objects.filter(department=team)[:5])
    for i in range(size):
        meeting = Meeting.objects.create(
            level=MeetingLevel.DEPARTMENT if i % 2 else MeetingLevel.COMPANY,
            department=world.dept_a if i % 2 else world.root,
            title=f"会议{i}",
            scheduled_on=timezone.localdate() - dt.timedelta(days=i),
            held_on=timezone.localdate() - dt.timedelta(days=i),
        )
        meeting.attendees.set(attendees)
    services.objective_save(
        data={
            "year": timezone.localdate().year,
            "name": f"目标{code}",
            "indicator_key": "hazards.rectification_rate",
            "direction": "at_least",
            "target": 100,
        },
        user=world.safety_manager,
    )
    EmployeeFactory(department=team, safety_officer="part_time")


def test_pages_api_and_exports_run_the_same_queries_for_few_and_many(world, client_for, api_for):
    counts = {}
    for size, code in ((5, "S"), (120, "L")):
        _fill(world, size, code)
        client = client_for("safety_manager")
        head = client_for("head_a")
        api = api_for("safety_manager")
        user = world.safety_manager
        counts[size] = {
            "letters": count_queries(lambda c=client: c.get("/responsibility/letters/")),
            "letters_head": count_queries(lambda c=head: c.get("/responsibility/letters/")),
            "meetings": count_queries(lambda c=client: c.get("/responsibility/meetings/")),
            "compliance": count_queries(lambda c=client: c.get("/responsibility/meetings/compliance/")),
            "organisation": count_queries(lambda c=client: c.get("/responsibility/organisation/")),
            "objectives": count_queries(lambda c=client: c.get("/responsibility/objectives/")),
            "api_letters": count_queries(lambda c=api: c.get("/api/v1/responsibility/letters/")),
            "api_progress": count_queries(lambda c=api: c.get("/api/v1/responsibility/letters/progress/")),
            "api_meetings": count_queries(lambda c=api: c.get("/api/v1/responsibility/meetings/")),
            "api_compliance": count_queries(lambda c=api: c.get("/api/v1/responsibility/meetings/compliance/")),
            "xlsx_letters": count_queries(_export(LettersExporter, user)),
            "xlsx_meetings": count_queries(_export(MeetingsExporter, user)),
            "xlsx_officers": count_queries(_export(OfficersExporter, user)),
            "xlsx_objectives": count_queries(_export(ObjectivesExporter, user)),
            "pdf_objectives": count_queries(_export(ObjectivesPdfExporter, user)),
        }
    assert counts[5] == counts[120], counts
    # The objectives pages read every app's live indicators (a few queries per app).
    assert max(counts[120].values()) <= 80, counts[120]
    print(counts[120])


def test_the_forms_work_end_to_end(world, client_for):
    manager, head = client_for("safety_manager"), client_for("head_a")
    year = timezone.localdate().year
    response = manager.post(
        "/responsibility/objectives/new/",
        {"year": year, "name": "重伤人数", "direction": "at_most", "target": "0", "unit": "人", "order": 0},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    pk = Objective.objects.get(name="重伤人数").pk
    assert (
        manager.post(
            f"/responsibility/objectives/{pk}/targets/", {"department": world.dept_a.pk, "target": "0"}
        ).status_code
        == 302
    )
    assert (
        head.post(
            f"/responsibility/objectives/{pk}/targets/", {"department": world.dept_a.pk, "target": "0", "actual": "0"}
        ).status_code
        == 302
    )
    assert DepartmentTarget.objects.get().actual == 0
    page = manager.get(f"/responsibility/objectives/?year={year}").content.decode()
    assert world.dept_a.name in page
    response = head.post(
        "/responsibility/meetings/new/",
        {
            "level": "department",
            "department": world.dept_a.pk,
            "title": "月度例会",
            "scheduled_on": "2026-01-05",
            "held_on": "2026-01-05",
            "attendees": [e.pk for e in Employee.objects.all()],
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    meeting = Meeting.objects.get()
    assert meeting.attendees.count() == Employee.objects.count()
    assert (
        head.post(
            f"/responsibility/meetings/{meeting.pk}/decisions/",
            {"text": "更换防护罩", "department": world.dept_a.pk, "due_date": "2026-12-31"},
        ).status_code
        == 302
    )
    assert MeetingDecision.objects.get().task_id
    assert "更换防护罩" in head.get(f"/responsibility/meetings/{meeting.pk}/").content.decode()
    assert ObjectivesPdfExporter(user=world.safety_manager, params={"year": year}).render()[:4] == b"%PDF"


def test_a_party_signs_by_api_with_the_scanned_copy(world, api_for, client_for, letter):
    scan = SimpleUploadedFile("责任书.pdf", b"%PDF-1.4 scan", content_type="application/pdf")
    response = api_for("head_a").post(
        f"/api/v1/responsibility/letters/{letter.pk}/sign/", {"scan": scan}, format="multipart"
    )
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "partly"
    attachment = attachment_list(owner=letter).get()
    url = f"/responsibility/letters/{letter.pk}/scans/{attachment.pk}/"
    assert client_for("head_a").get(url).status_code == 200
    assert client_for("outsider").get(url).status_code == 404
    assert client_for("safety_manager").get(f"/responsibility/objectives/{0}/edit/").status_code == 404
    assert client_for("safety_manager").get("/responsibility/objectives/new/").status_code == 200


def test_duties_versions_and_yearly_review(world, client_for, english):
    manager = client_for("safety_manager")
    body = {
        "scope": "department",
        "department": world.dept_a.pk,
        "title": "车间安全职责",
        "content": "一、……",
        "effective_on": "2026-01-01",
    }
    assert manager.post("/responsibility/duties/new/", body).status_code == 302
    first = DutyDocument.objects.get()
    assert manager.get("/responsibility/duties/").status_code == 200
    year = timezone.localdate().year
    assert (
        manager.post(f"/responsibility/duties/{first.pk}/review/", {"year": year, "result": "revise"}).status_code
        == 302
    )
    again = manager.post(f"/responsibility/duties/{first.pk}/review/", {"year": year, "result": "revise"})
    assert again.status_code == 200  # reviewed once a year
    assert f"These duties are already reviewed for {year}." in again.content.decode()
    assert manager.post(f"/responsibility/duties/{first.pk}/revise/", {**body, "content": "二、……"}).status_code == 302
    first.refresh_from_db()
    current = DutyDocument.objects.get(is_current=True)
    assert not first.is_current and current.version == 2
    assert manager.get(f"/responsibility/duties/{first.pk}/revise/").status_code == 404
    assert client_for("head_a").get("/responsibility/duties/").status_code == 200


def test_organisation_pages_and_meeting_frequencies(world, client_for, api_for, english):
    manager = client_for("safety_manager")
    assert (
        manager.post(
            "/responsibility/organisation/documents/new/",
            {"number": "安〔2026〕1号", "title": "任命通知", "issued_on": "2026-01-06"},
        ).status_code
        == 302
    )
    document = AppointmentDocument.objects.get()
    assert (
        manager.post(
            "/responsibility/organisation/bodies/new/",
            {"kind": "committee", "name": "安全生产委员会", "document": document.pk},
        ).status_code
        == 302
    )
    body = SafetyBody.objects.get()
    chair = Employee.objects.get(user=world.leader)
    assert (
        manager.post(
            f"/responsibility/organisation/bodies/{body.pk}/members/", {"employee": chair.pk, "role": "chair"}
        ).status_code
        == 302
    )
    again = manager.post(
        f"/responsibility/organisation/bodies/{body.pk}/members/", {"employee": chair.pk, "role": "member"}
    )
    assert again.status_code == 200  # one membership per person
    assert "Body member with this Body and Employee already exists." in again.content.decode()
    page = client_for("head_a").get("/responsibility/organisation/").content.decode()
    assert chair.name in page and world.dept_a.name in page  # dept A has no officer: warned
    assert (
        manager.post(
            "/responsibility/meetings/settings/",
            {"company_frequency": "half_yearly", "department_frequency": "quarterly"},
        ).status_code
        == 302
    )
    assert MeetingSettings.objects.get().company_frequency == "half_yearly"
    rows = api_for("safety_manager").get("/api/v1/responsibility/meetings/compliance/?year=2025").json()
    assert {r["frequency"] for r in rows} == {"half_yearly", "quarterly"}
    assert next(r for r in rows if r["department"] == world.root.pk)["required"] == 2
    assert client_for("head_a").post("/responsibility/meetings/settings/", {}).status_code == 403


def test_the_objectives_workbook_carries_targets_and_assessment(world, english):
    objective = services.objective_save(
        data={"year": 2025, "name": "死亡人数", "direction": "at_most", "target": 0, "manual_actual": 0},
        user=world.safety_manager,
    )
    services.target_set(objective=objective, department=world.dept_a, target=0, actual=0, user=world.safety_manager)
    services.assessment_submit(year=2025, department=world.dept_a, user=world.safety_manager)
    rows = xlsx_rows(ObjectivesExporter(user=world.safety_manager, params={"year": 2025}).render())
    assert len(rows) == 2 and rows[1][0] == "死亡人数" and rows[1][7] == world.dept_a.name
    assert rows[1][-1] == "Submitted for approval"  # the assessment status
