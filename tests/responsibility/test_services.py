import datetime as dt
import io

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.utils import timezone

from apps.core.exceptions import ApplicationError
from apps.hazards import services as hazard_services
from apps.org.models import Employee, SafetyOfficer
from apps.responsibility import evidence, selectors, services
from apps.responsibility.exporters import ObjectivesExporter
from apps.responsibility.models import (
    AssessmentStatus,
    LetterLevel,
    LetterSignature,
    LetterStatus,
    Meeting,
    MeetingLevel,
    Objective,
    ResponsibilityLetter,
)
from apps.scoring.registry import indicators
from apps.workflow import services as workflow
from apps.workflow.models import Notification, Task
from tests.hazards.factories import assign, rectify, report
from tests.org.factories import EmployeeFactory, UserFactory
from tests.responsibility.factories import issue, team_with_staff, template

pytestmark = pytest.mark.usefixtures("english")


# ------------------------------------------------------------------------------
# Letters
# ------------------------------------------------------------------------------
def test_bulk_issue_for_300_people_creates_each_letter_once(world):
    team, leader, leader_employee, staff = team_with_staff(world, 300)
    tpl = template(world)
    first = issue(world, tpl)
    assert first["created"] == 300
    letters = ResponsibilityLetter.objects.filter(year=2026, level=LetterLevel.TEAM)
    assert letters.count() == 300
    assert set(letters.values_list("holder_id", flat=True)) == {e.pk for e in staff}
    assert set(letters.values_list("issuer_id", flat=True)) == {leader_employee.pk}
    again = issue(world, tpl)
    assert again["created"] == 0 and again["existing"] == 300
    assert letters.count() == 300
    # A new hire gets a letter on the next run, and nobody else a second one.
    EmployeeFactory(department=team)
    assert issue(world, tpl)["created"] == 1
    assert letters.count() == 301


def test_company_and_department_levels(world):
    Employee.objects.filter(user=world.leader).update(is_principal_head=True)
    team, leader, leader_employee, _staff = team_with_staff(world, 2)
    company = issue(world, template(world, LetterLevel.COMPANY))
    holders = set(ResponsibilityLetter.objects.filter(level=LetterLevel.COMPANY).values_list("holder__user", flat=True))
    assert holders == {world.head_a.pk, world.outsider.pk} and company["created"] == 2
    issue(world, template(world, LetterLevel.DEPARTMENT))
    letter = ResponsibilityLetter.objects.get(level=LetterLevel.DEPARTMENT)
    assert letter.holder == leader_employee and letter.issuer.user == world.head_a


def _letter(world):
    team, leader, leader_employee, staff = team_with_staff(world, 1)
    issue(world, template(world))
    return ResponsibilityLetter.objects.get(holder=staff[0]), leader, staff[0]


def test_only_the_parties_sign_and_a_signed_letter_never_changes(world):
    letter, leader, holder = _letter(world)
    holder.user = UserFactory(username="holder")
    holder.save()
    # Head of department A heads the team too, but is no party to this letter.
    with pytest.raises(PermissionDenied, match="Only the two parties to a letter may sign it"):
        services.letter_sign(letter=letter, user=world.head_a)
    with pytest.raises(PermissionDenied, match="Only the two parties to a letter may sign it"):
        services.letter_sign(letter=letter, user=world.safety_manager)
    services.letter_sign(letter=letter, user=leader)
    letter.refresh_from_db()
    assert letter.status == LetterStatus.PARTLY
    with pytest.raises(ApplicationError, match="You have already signed this letter"):
        services.letter_sign(letter=letter, user=leader)
    with pytest.raises(ApplicationError, match="A signed letter cannot be changed"):
        services.letter_update(letter=letter, data={"body": "改"}, user=world.safety_manager)
    services.letter_sign(letter=letter, user=holder.user)
    letter.refresh_from_db()
    assert letter.status == LetterStatus.SIGNED
    letter.body = "改写"
    with pytest.raises(TypeError, match="A signed letter is never changed"):
        letter.save()
    signature = LetterSignature.objects.first()
    with pytest.raises(TypeError, match="A letter signature is never changed"):
        signature.save()
    with pytest.raises(TypeError, match="A letter signature is never deleted"):
        signature.delete()
    with pytest.raises(TypeError, match="A letter signature is never changed"):
        LetterSignature.objects.all().update(signer=world.safety_manager)
    with pytest.raises(TypeError, match="A letter signature is never deleted"):
        LetterSignature.objects.all().delete()
    assert LetterSignature.objects.count() == 2


def test_a_head_signs_letters_they_are_party_to(world):
    """head_a issues the department-level letter to the team leader, and signs it."""
    team, leader, leader_employee, _ = team_with_staff(world, 0)
    issue(world, template(world, LetterLevel.DEPARTMENT))
    letter = ResponsibilityLetter.objects.get(level=LetterLevel.DEPARTMENT)
    signature = services.letter_sign(letter=letter, user=world.head_a)
    assert signature.side == "issuer"


def test_unsigned_letters_are_reminded_weekly(world):
    letter, leader, holder = _letter(world)
    assert services.letter_reminders_send(today=dt.date(2026, 2, 1)) == 1
    assert services.letter_reminders_send(today=dt.date(2026, 2, 3)) == 0
    assert services.letter_reminders_send(today=dt.date(2026, 2, 8)) == 1
    # The team leader (the issuer) has a login; the holder has none and is skipped.
    assert Notification.objects.filter(recipient=leader).count() == 2


# ------------------------------------------------------------------------------
# Objectives
# ------------------------------------------------------------------------------
def test_actual_value_follows_the_hazard_ledger(world):
    objective = services.objective_save(
        data={
            "year": timezone.localdate().year,
            "name": "隐患整改率",
            "indicator_key": "hazards.rectification_rate",
            "direction": "at_least",
            "target": 100,
            "unit": "%",
        },
        user=world.safety_manager,
    )
    [row] = selectors.objective_rows(year=objective.year, user=world.safety_manager)
    assert row.live and row.actual is None and row.met is None
    first = report(world)
    report(world)
    [row] = selectors.objective_rows(year=objective.year, user=world.safety_manager)
    assert row.actual == 0 and row.met is False
    assign(world, first)
    rectify(world, first)
    first.refresh_from_db()
    workflow.task_sign_off(task=first.task, user=world.safety_manager, decision="approve")
    hazard_services.hazard_verify(hazard=first, user=world.safety_manager, close=True)
    [row] = selectors.objective_rows(year=objective.year, user=world.safety_manager)
    assert row.actual == 50


def test_manual_objective_and_year_end_assessment_approved_by_leadership(world):
    objective = services.objective_save(
        data={"year": 2025, "name": "死亡人数", "direction": "at_most", "target": 0, "manual_actual": 0, "unit": "人"},
        user=world.safety_manager,
    )
    [row] = selectors.objective_rows(year=2025, user=world.safety_manager)
    assert not row.live and row.met is True
    with pytest.raises(PermissionDenied, match="Only a safety manager may do this"):
        services.target_set(objective=objective, department=world.dept_a, target=0, user=world.head_a)
    services.target_set(objective=objective, department=world.dept_a, target=0, user=world.safety_manager)
    with pytest.raises(ApplicationError, match="Record the actual value of every target first"):
        services.assessment_submit(year=2025, department=world.dept_a, user=world.safety_manager)
    # The head records the department's actual; the target itself stays the manager's.
    services.target_set(objective=objective, department=world.dept_a, target=0, actual=0, user=world.head_a)
    assessment = services.assessment_submit(year=2025, department=world.dept_a, user=world.safety_manager)
    assert assessment.status == AssessmentStatus.SUBMITTED and assessment.passed
    with pytest.raises(PermissionDenied, match="Only leadership may sign off this task"):
        workflow.task_sign_off(task=assessment.approval_task, user=world.head_a, decision="approve")
    workflow.task_sign_off(task=assessment.approval_task, user=world.leader, decision="approve")
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.APPROVED and assessment.approved_at
    with pytest.raises(ApplicationError, match="assessment of this department is already submitted"):
        services.target_set(objective=objective, department=world.dept_a, target=0, actual=1, user=world.head_a)
    figures = {i.key: i for i in evidence.provider(dt.date(2026, 6, 1))}
    assert figures["responsibility.departments_assessed_rate"].value == 100


# ------------------------------------------------------------------------------
# Organisation, meetings, evidence
# ------------------------------------------------------------------------------
def test_units_without_officer(world):
    names = {u.name for u in selectors.units_without_officer()}
    assert names == {world.dept_a.name, world.team_a.name, world.dept_b.name}
    Employee.objects.filter(user=world.employee_a).update(safety_officer=SafetyOfficer.PART_TIME)
    names = {u.name for u in selectors.units_without_officer()}
    assert names == {world.dept_a.name, world.dept_b.name}


def test_decisions_become_tasks(world):
    meeting = services.meeting_save(
        data={
            "level": MeetingLevel.DEPARTMENT,
            "department": world.dept_a,
            "title": "三月安全例会",
            "scheduled_on": dt.date(2026, 3, 5),
            "held_on": None,
        },
        user=world.head_a,
    )
    with pytest.raises(ApplicationError, match="Record that the meeting was held before"):
        services.decision_add(
            meeting=meeting, text="更换防护罩", department=world.dept_a, due_date=dt.date(2026, 4, 1), user=world.head_a
        )
    with pytest.raises(PermissionDenied, match="You may not edit this meeting"):
        services.meeting_save(meeting=meeting, data={"held_on": dt.date(2026, 1, 5)}, user=world.outsider)
    services.meeting_save(
        meeting=meeting,
        data={"held_on": dt.date(2025, 1, 5)},
        user=world.head_a,
        attendees=list(Employee.objects.filter(department=world.dept_a)),
    )
    decision = services.decision_add(
        meeting=meeting, text="更换防护罩", department=world.dept_a, due_date=dt.date(2026, 4, 1), user=world.head_a
    )
    task = Task.objects.get(pk=decision.task_id)
    assert task.department == world.dept_a and task.source_id == decision.pk
    with pytest.raises(PermissionDenied, match="Company meetings are run by safety managers"):
        services.meeting_save(
            data={
                "level": MeetingLevel.COMPANY,
                "department": world.root,
                "title": "季度会",
                "scheduled_on": dt.date(2026, 3, 5),
            },
            user=world.head_a,
        )


def _held(world, level, department, day):
    Meeting.objects.create(level=level, department=department, title="会", scheduled_on=day, held_on=day)


@pytest.mark.parametrize(
    "now, company_required, company_held, dept_required, dept_held",
    [
        (dt.datetime(2026, 3, 31, 23, 0), 0, 0, 2, 2),  # last day of Q1: Q1 not yet due
        (dt.datetime(2026, 4, 1, 8, 0), 1, 1, 3, 2),  # Q1 and March due; March missed
        (dt.datetime(2026, 12, 31, 12, 0), 3, 1, 11, 2),
    ],
)
def test_meeting_compliance_with_frozen_time(world, now, company_required, company_held, dept_required, dept_held):
    _held(world, MeetingLevel.COMPANY, world.root, dt.date(2026, 2, 1))
    _held(world, MeetingLevel.COMPANY, world.root, dt.date(2025, 12, 30))  # last year's Q4
    _held(world, MeetingLevel.DEPARTMENT, world.dept_a, dt.date(2026, 1, 10))
    _held(world, MeetingLevel.DEPARTMENT, world.dept_a, dt.date(2026, 2, 10))
    with time_machine.travel(now, tick=False):
        today = dt.date(now.year, now.month, now.day)
        rows = {r.department.pk: r.result for r in selectors.meeting_compliance(year=2026, as_of=today)}
        assert (rows[world.root.pk].required, rows[world.root.pk].held) == (company_required, company_held)
        assert (rows[world.dept_a.pk].required, rows[world.dept_a.pk].held) == (dept_required, dept_held)
        assert world.team_a.pk not in rows  # teams are not required to meet
        figures = indicators(today)
        assert "responsibility.meetings_held_rate" in figures


def test_year_end_rolls_over(world):
    _held(world, MeetingLevel.COMPANY, world.root, dt.date(2026, 12, 31))
    with time_machine.travel(dt.datetime(2027, 1, 1, 9, 0), tick=False):
        rows = {r.department.pk: r.result for r in selectors.meeting_compliance(year=2026, as_of=dt.date(2027, 1, 1))}
        assert rows[world.root.pk].required == 4 and rows[world.root.pk].held == 1
        new_year = {
            r.department.pk: r.result for r in selectors.meeting_compliance(year=2027, as_of=dt.date(2027, 1, 1))
        }
        assert new_year[world.root.pk].required == 0 and new_year[world.root.pk].current_held is False


def test_frequencies_are_configurable(world):
    services.meeting_settings_save(data={"department_frequency": "quarterly"}, user=world.safety_manager)
    rows = {r.department.pk: r for r in selectors.meeting_compliance(year=2026, as_of=dt.date(2027, 1, 1))}
    assert rows[world.dept_a.pk].frequency == "quarterly" and rows[world.dept_a.pk].result.required == 4


def test_evidence_keys(world):
    figures = indicators(dt.date(2026, 6, 1))
    for key in (
        "responsibility.objectives_split",
        "responsibility.letters_signed_rate",
        "responsibility.meetings_held_rate",
        "responsibility.units_without_officer",
    ):
        assert key in figures
    assert figures["responsibility.objectives_split"].value is False
    assert figures["responsibility.units_without_officer"].value == 3


@pytest.mark.parametrize("departments, split", [(0, False), (1, True), (2, True)])
def test_an_objective_split_to_several_departments_counts_once(world, departments, split):
    objective = services.objective_save(
        data={"year": 2026, "name": "死亡人数", "direction": "at_most", "target": 0, "unit": "人"},
        user=world.safety_manager,
    )
    for department in (world.dept_a, world.dept_b)[:departments]:
        services.target_set(objective=objective, department=department, target=0, user=world.safety_manager)
    assert indicators(dt.date(2026, 6, 1))["responsibility.objectives_split"].value is split


def test_demo_loads_once(db):
    # The demo's meetings are those held so far this year: on 10 June, the company's of 15
    # January and 15 April and the workshop's of the 5th of each month but March.
    with time_machine.travel(dt.datetime(2026, 6, 10, 9, 0)):
        call_command("load_demo", "--quiet-users", stdout=io.StringIO())
        counts = (
            Objective.objects.count(),
            ResponsibilityLetter.objects.count(),
            LetterSignature.objects.count(),
            Meeting.objects.count(),
        )
        assert counts == (5, 2, 4, 7)
        call_command("load_demo", "--quiet-users", stdout=io.StringIO())
    assert (
        Objective.objects.count(),
        ResponsibilityLetter.objects.count(),
        LetterSignature.objects.count(),
        Meeting.objects.count(),
    ) == counts


def test_units_that_have_not_met_are_reminded_a_week_before_the_period_ends(world):
    _held(world, MeetingLevel.DEPARTMENT, world.dept_b, dt.date(2026, 3, 2))
    assert services.meeting_reminders_send(today=dt.date(2026, 3, 23)) == 0
    # 24 March: a week before both March and Q1 end; A has not met, B has, the company has not.
    assert services.meeting_reminders_send(today=dt.date(2026, 3, 24)) == 2
    recipients = set(Notification.objects.values_list("recipient__username", flat=True))
    assert recipients == {"head_a", "safety"}


def _objective(world, year=2025):
    objective = services.objective_save(
        data={"year": year, "name": "死亡人数", "direction": "at_most", "target": 0, "manual_actual": 0, "unit": "人"},
        user=world.safety_manager,
    )
    services.target_set(objective=objective, department=world.dept_a, target=0, user=world.safety_manager)
    services.target_set(objective=objective, department=world.dept_b, target=0, user=world.safety_manager)
    return objective


def test_a_new_target_keeps_the_actual_the_head_recorded(world):
    objective = _objective(world)
    services.target_set(objective=objective, department=world.dept_a, target=0, actual=3, user=world.head_a)
    item = services.target_set(objective=objective, department=world.dept_a, target=1, user=world.safety_manager)
    assert item.actual == 3


def test_an_assessed_objective_cannot_change(world):
    objective = _objective(world)
    services.target_set(objective=objective, department=world.dept_a, target=0, actual=0, user=world.head_a)
    assessment = services.assessment_submit(year=2025, department=world.dept_a, user=world.safety_manager)
    workflow.task_sign_off(task=assessment.approval_task, user=world.leader, decision="approve")
    with pytest.raises(ApplicationError, match="Departments were already assessed"):
        services.objective_save(objective=objective, data={"target": 5}, user=world.safety_manager)
    with pytest.raises(ApplicationError, match="Departments were already assessed"):
        services.objective_save(objective=objective, data={"year": 2027}, user=world.safety_manager)


def test_heads_see_only_their_departments_targets_in_exports(world):
    _objective(world)
    rows = list(ObjectivesExporter(user=world.head_a, params={"year": "2025"}).rows())
    text = " ".join(str(cell) for row in rows for cell in row)
    assert world.dept_a.name in text and world.dept_b.name not in text


def test_only_the_current_duty_version_is_revised(world):
    first = services.duty_save(
        data={"scope": "department", "department": world.dept_a, "title": "安全职责", "content": "v1"},
        user=world.safety_manager,
    )
    services.duty_save(
        data={"scope": "department", "department": world.dept_a, "title": "安全职责", "content": "v2"},
        user=world.safety_manager,
        previous=first,
    )
    with pytest.raises(ApplicationError, match="Only the current version of a duty document"):
        services.duty_save(
            data={"scope": "department", "department": world.dept_a, "title": "安全职责", "content": "v2b"},
            user=world.safety_manager,
            previous=first,
        )
