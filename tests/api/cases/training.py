from __future__ import annotations

import datetime as dt

from apps.training import services
from apps.training.models import RuleSet, RuleSetRow
from tests.api.case import Case, crud
from tests.api.cases._common import employee_of, today
from tests.training.factories import attend, certificate_type, make_certificate, make_course, make_session, sheet


def course(world):
    return make_course(user=world.safety_manager, code="C-9")


def session(world):
    return make_session(user=world.safety_manager, department=world.dept_a)


def attendance(world):
    item = session(world)
    attend(item, [employee_of(world.employee_a)], user=world.safety_manager)
    return item.attendances.get()


def reinduction(world):
    return services.reinduction_create(
        data={"employee": employee_of(world.employee_a), "reason": "post_change", "since": dt.date(2026, 3, 1)},
        user=world.safety_manager,
    )


def certificate(world):
    return make_certificate(
        holder=employee_of(world.employee_a), issued_on=dt.date(2025, 6, 1), user=world.safety_manager
    )


def certificate_body(world, record=None):
    return {
        "type": certificate_type().pk,
        "number": record.number if record else "T900",
        "holder": employee_of(world.employee_a).pk,
        "authority": "南京市应急管理局",
        "issued_on": "2025-06-01",
    }


def plan(world):
    return services.plan_create(data={"department": world.dept_a, "year": 2027}, user=world.safety_manager)


def plan_with_item(world):
    item = plan(world)
    services.plan_item_save(plan=item, data={"course": course(world), "month": 3}, user=world.safety_manager)
    return item


def ruleset_row(world):
    return RuleSetRow.objects.order_by("pk").first()


def session_body(world, record=None):
    return {
        "course": (record.course_id if record else course(world).pk),
        "department": world.dept_a.pk,
        "level": "refresher",
        "start_date": "2026-04-01",
        "end_date": "2026-04-01",
        "hours": "8",
        "trainer": "张敏",
        "place": "培训教室",
    }


def sign_in_sheet(world, record):
    person = employee_of(world.employee_a)
    return {"file": sheet([[person.employee_no, person.name, "2026-03-02", "是", 8, 90, "是"]])}


def settings_body(world, record):
    return {
        "ruleset": RuleSet.objects.get(code="default").pk,
        "plan_approver_role": "leadership",
        "year_start_month": 4,
        "year_start_day": 1,
    }


CASES = {
    **crud(
        "v1_training_courses",
        course,
        "list retrieve create update partial_update",
        create=lambda w, r: {"code": "C-10", "name": "消防知识", "level": "refresher", "hours": "4"},
        update=lambda w, r: {"code": r.code, "name": "消防知识", "level": "refresher", "hours": "4"},
    ),
    **crud(
        "v1_training_sessions",
        session,
        "list retrieve create update partial_update",
        create=session_body,
        update=session_body,
    ),
    "v1_training_sessions_import_sign_in_create": Case(session, payload=sign_in_sheet, multipart=True),
    **crud(
        "v1_training_attendances",
        attendance,
        "list retrieve create",
        create=lambda w, r: {"session": session(w).pk, "employee": employee_of(w.employee_a).pk, "present": True},
    ),
    **crud(
        "v1_training_reinductions",
        reinduction,
        "list retrieve create",
        create=lambda w, r: {"employee": employee_of(w.employee_a).pk, "reason": "return", "since": "2026-05-01"},
    ),
    **crud("v1_training_certificate_types", lambda w: certificate_type(), "list retrieve"),
    **crud(
        "v1_training_certificates",
        certificate,
        "list retrieve create update partial_update",
        create=certificate_body,
        update=certificate_body,
    ),
    "v1_training_certificates_review_create": Case(certificate, payload=lambda w, r: {"reviewed_on": today()}),
    "v1_training_compliance_list": Case(session),
    **crud(
        "v1_training_plans",
        plan,
        "list retrieve create update partial_update",
        create=lambda w, r: {"department": w.dept_a.pk, "year": 2028, "title": "2028 年培训计划"},
        update=lambda w, r: {"title": "2027 年培训计划（修订）", "note": "增加消防"},
    ),
    "v1_training_plans_items_create": Case(plan, payload=lambda w, r: {"course": course(w).pk, "month": 5}),
    "v1_training_plans_submit_create": Case(plan_with_item),
    **crud("v1_training_rulesets", lambda w: RuleSet.objects.get(code="default"), "list retrieve"),
    **crud(
        "v1_training_ruleset_rows",
        ruleset_row,
        "list update partial_update",
        update=lambda w, r: {"initial_hours": 24, "annual_hours": 8},
    ),
    "v1_training_settings_list": Case(),
    "v1_training_settings_update_update": Case(payload=settings_body),
    "v1_training_settings_update_partial_update": Case(payload=settings_body),
}
