from __future__ import annotations

from apps.hazards import services
from apps.hazards.models import CheckResult, InspectionKind, InspectionResult
from apps.workflow import services as workflow
from tests.api.case import Case, crud
from tests.api.cases._common import today
from tests.hazards.factories import PLAN, assign, photo, rectify, report


def hazard(world):
    return report(world)


def assigned(world):
    return assign(world, report(world))


def rectified(world):
    item = assigned(world)
    rectify(world, item)
    item.refresh_from_db()
    # The head who submitted does not sign off their own work: the safety manager does.
    workflow.task_sign_off(task=item.task, user=world.safety_manager, decision="approve")
    item.refresh_from_db()
    return item


def checklist(world):
    return services.checklist_create(
        name="综合检查表",
        kind=InspectionKind.COMPREHENSIVE,
        items_text="车间｜消防通道畅通｜GB 50016\n配电室｜绝缘垫完好",
        user=world.safety_manager,
    )


def inspection(world):
    the_checklist = checklist(world)
    first, second = the_checklist.items.order_by("pk")
    return services.inspection_record(
        user=world.safety_manager,
        kind=InspectionKind.COMPREHENSIVE,
        department=world.dept_a,
        location="一号厂房",
        inspected_on=world_today(),
        results={first.pk: (CheckResult.FAIL, "通道堵塞"), second.pk: (CheckResult.PASS, "")},
        checklist=the_checklist,
    )


def world_today():
    from django.utils import timezone

    return timezone.localdate()


def plan(world):
    return services.inspection_plan_save(
        data={
            "name": "月末综合检查",
            "kind": InspectionKind.COMPREHENSIVE,
            "department": world.dept_a,
            "checklist": None,
            "recurrence": "monthly",
            "next_due": world_today(),
        },
        user=world.safety_manager,
    )


def plan_body(world, record=None):
    return {
        "name": "季度专项检查",
        "kind": InspectionKind.SPECIALIST,
        "department": world.dept_a.pk,
        "checklist": None,
        "recurrence": "monthly",
        "next_due": today(30),
        "is_active": True,
    }


def report_body(world, record):
    return {
        "description": "配电箱门未关",
        "location": "一号厂房",
        "department": world.dept_a.pk,
        "category": "condition",
        "photos": [photo()],
    }


def rectify_body(world, record):
    return {
        "measure_kinds": ["engineering"],
        "measures": "已加装防护罩",
        "cost": "500",
        "rectified_on": today(),
        "photos": [photo("整改后.jpg")],
    }


def inspection_body(world, record):
    first, second = checklist(world).items.order_by("pk")
    return {
        "checklist": first.checklist_id,
        "kind": InspectionKind.COMPREHENSIVE,
        "department": world.dept_a.pk,
        "location": "一号厂房",
        "inspected_on": today(),
        "results": [{"item": first.pk, "result": CheckResult.PASS}, {"item": second.pk, "result": CheckResult.PASS}],
    }


def failed_result(world, record):
    result = InspectionResult.objects.get(inspection=record, result=CheckResult.FAIL)
    return {"result": result.pk, "category": "condition"}


CASES = {
    **crud("v1_hazards", hazard, "list retrieve create", create=report_body, multipart=True),
    "v1_hazards_assign_create": Case(
        hazard, payload=lambda w, r: {"department": w.dept_a.pk, "deadline": today(7), "grade": "general", **PLAN}
    ),
    "v1_hazards_rectify_create": Case(assigned, payload=rectify_body, multipart=True),
    "v1_hazards_verify_create": Case(rectified, payload=lambda w, r: {"close": True}),
    "v1_hazards_statistics_retrieve": Case(hazard),
    **crud("v1_inspections", inspection, "list retrieve create", create=inspection_body),
    "v1_inspections_raise_hazard_create": Case(inspection, payload=failed_result),
    **crud(
        "v1_inspection_plans", plan, "list retrieve create update partial_update", create=plan_body, update=plan_body
    ),
    **crud(
        "v1_checklists",
        checklist,
        "list retrieve create",
        create=lambda w, r: {"name": "节假日检查表", "kind": InspectionKind.HOLIDAY, "items_text": "仓库｜门窗关闭"},
    ),
}
