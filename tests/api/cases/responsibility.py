from __future__ import annotations

import datetime as dt

from apps.responsibility import services
from apps.responsibility.models import LetterLevel, ResponsibilityLetter
from tests.api.case import Case, crud
from tests.api.cases._common import employee_of, today
from tests.responsibility.factories import issue, team_with_staff, template


def objective(world):
    return services.objective_save(
        data={"year": 2026, "name": "轻伤事故", "direction": "at_most", "target": 2, "unit": "起"},
        user=world.safety_manager,
    )


def target(world):
    return services.target_set(
        objective=objective(world), department=world.dept_a, target=1, actual=0, user=world.safety_manager
    )


def department_assessment(world):
    target(world)
    return services.assessment_submit(year=2026, department=world.dept_a, user=world.safety_manager)


def duty(world):
    return services.duty_save(
        data={
            "scope": "department",
            "department": world.dept_a,
            "title": "机加工车间安全生产职责",
            "content": "一、……",
            "effective_on": dt.date(2026, 1, 1),
        },
        user=world.safety_manager,
    )


def letter(world):
    """A department letter of department A: its head (head_a) issues it to a team leader."""
    team_with_staff(world, 1)
    issue(world, template(world, LetterLevel.DEPARTMENT))
    return ResponsibilityLetter.objects.get(level=LetterLevel.DEPARTMENT, issuer=employee_of(world.head_a))


def document(world):
    return services.document_save(
        data={"number": "安委〔2026〕1号", "title": "关于成立安全生产委员会的通知", "issued_on": dt.date(2026, 1, 5)},
        user=world.safety_manager,
    )


def body(world):
    return services.body_save(
        data={"kind": "committee", "name": "安全生产委员会", "duties": "统筹安全生产工作"}, user=world.safety_manager
    )


def meeting(world):
    return services.meeting_save(
        data={
            "level": "department",
            "department": world.dept_a,
            "title": "十二月安全例会",
            "scheduled_on": dt.date(2026, 12, 1),
            "held_on": dt.date(2026, 12, 1),
        },
        user=world.safety_manager,
    )


def assessment_body(world, record=None):
    target(world)  # a department is assessed against its targets of the year
    return {"year": 2026, "department": world.dept_a.pk, "comment": "达标"}


def objective_body(world, record=None):
    return {"year": 2027, "name": "重伤事故", "direction": "at_most", "target": "0", "unit": "起"}


def duty_body(world, record=None):
    return {
        "scope": "department",
        "department": world.dept_a.pk,
        "title": "机加工车间安全生产职责（修订）",
        "content": "一、……二、……",
        "effective_on": today(),
    }


def meeting_body(world, record=None):
    return {
        "level": "department",
        "department": world.dept_a.pk,
        "title": "安全例会",
        "scheduled_on": today(),
        "held_on": today(),
        "attendees": [employee_of(world.head_a).pk],
    }


CASES = {
    **crud(
        "v1_responsibility_objectives",
        objective,
        "list retrieve create update partial_update",
        create=objective_body,
        update=objective_body,
    ),
    "v1_responsibility_objectives_status_retrieve": Case(target),
    **crud(
        "v1_responsibility_targets",
        target,
        "list retrieve create",
        # Splitting an objective to a department (a new target) is the safety office's;
        # heads record the results of targets already split.
        create_refused={"head_a": 403, "outsider": 403},
        create=lambda w, r: {"objective": objective(w).pk, "department": w.dept_a.pk, "target": "1"},
    ),
    **crud("v1_responsibility_assessments", department_assessment, "list retrieve create", create=assessment_body),
    **crud("v1_responsibility_duties", duty, "list retrieve create", create=duty_body),
    "v1_responsibility_duties_revise_create": Case(duty, payload=duty_body),
    "v1_responsibility_duties_review_create": Case(duty, payload=lambda w, r: {"year": 2026, "result": "adequate"}),
    **crud(
        "v1_responsibility_templates",
        lambda w: template(w),
        "list retrieve create update partial_update",
        create=lambda w, r: {"level": "company", "title": "公司级责任书", "body": "……", "is_active": True},
        update=lambda w, r: {"level": r.level, "title": "班组级责任书（修订）", "body": "……", "is_active": True},
    ),
    **crud("v1_responsibility_letters", letter, "list retrieve"),
    "v1_responsibility_letters_sign_create": Case(letter),
    "v1_responsibility_letters_issue_create": Case(
        payload=lambda w, r: {"template": template(w).pk, "year": 2027, "sign_by": "2027-03-31"}
    ),
    "v1_responsibility_letters_progress_retrieve": Case(letter),
    **crud(
        "v1_responsibility_documents",
        document,
        "list retrieve create update partial_update",
        create=lambda w, r: {"number": "安委〔2026〕2号", "title": "任命通知", "issued_on": today()},
        update=lambda w, r: {"number": r.number, "title": "任命通知（修订）", "issued_on": today()},
    ),
    **crud(
        "v1_responsibility_bodies",
        body,
        "list retrieve create update partial_update",
        create=lambda w, r: {"kind": "office", "name": "安全管理办公室", "duties": "日常管理"},
        update=lambda w, r: {"kind": r.kind, "name": "安全生产委员会", "duties": "统筹"},
    ),
    "v1_responsibility_bodies_members_create": Case(
        body, payload=lambda w, r: {"employee": employee_of(w.head_a).pk, "role": "member"}
    ),
    "v1_responsibility_bodies_officers_retrieve": Case(),
    "v1_responsibility_bodies_units_without_officer_retrieve": Case(),
    **crud(
        "v1_responsibility_meetings",
        meeting,
        "list retrieve create update partial_update",
        # A department meeting is held by that department's head.
        create_refused={"outsider": 403},
        create=meeting_body,
        update=meeting_body,
    ),
    "v1_responsibility_meetings_decisions_create": Case(
        meeting, payload=lambda w, r: {"text": "清理消防通道", "department": w.dept_a.pk, "due_date": today(7)}
    ),
    "v1_responsibility_meetings_compliance_retrieve": Case(meeting),
    "v1_responsibility_meetings_settings_retrieve": Case(),
    "v1_responsibility_meetings_settings_update": Case(
        payload=lambda w, r: {"company_frequency": "quarterly", "department_frequency": "monthly"}
    ),
}
