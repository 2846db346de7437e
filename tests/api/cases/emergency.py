from __future__ import annotations

import datetime as dt

from apps.emergency import services
from tests.api.case import Case, crud
from tests.api.cases._common import today
from tests.emergency.factories import drill, plan, supply


def a_plan(world):
    return plan(world)


def a_drill(world):
    return drill(world, plan(world), held_on=dt.date(2026, 6, 1))


def evaluation(world):
    return services.plan_evaluate(
        plan=plan(world), user=world.safety_manager, evaluated_on=dt.date(2026, 6, 1), result="adequate"
    )


def improvement(world):
    item = a_drill(world)
    services.drill_evaluate(
        drill=item,
        user=world.safety_manager,
        evaluated_on=dt.date(2026, 6, 2),
        worked_well="疏散有序",
        improvements=[{"description": "增设指示牌", "department": world.dept_a, "due_date": dt.date(2026, 12, 31)}],
    )
    return item.improvements.get()


def drill_plan(world):
    return services.drill_plan_create(data={"department": world.dept_a, "year": 2027}, user=world.safety_manager)


def drill_plan_with_item(world):
    item = drill_plan(world)
    services.drill_plan_item_add(
        drill_plan=item,
        data={"plan": plan(world), "month": 5, "kind": "tabletop", "scenario": "仓库火灾"},
        user=world.safety_manager,
    )
    return item


def team(world):
    return services.team_save(
        data={"name": "义务消防队", "kind": "part_time", "department": world.dept_a, "leader": "李强"},
        user=world.safety_manager,
    )


def team_with_member(world):
    item = team(world)
    services.team_member_save(team=item, data={"name": "赵磊", "role": "队员"}, user=world.safety_manager)
    return item


def a_supply(world):
    return supply(world)


def plan_body(world, record=None):
    return {
        "code": record.code if record else "YA-2",
        "title": "触电事故现场处置方案",
        "kind": "onsite",
        "published_on": "2026-01-10",
        "department": world.dept_a.pk,
    }


def team_body(world, record=None):
    return {"name": "应急抢修队", "kind": "part_time", "department": world.dept_a.pk, "leader": "李强"}


def supply_body(world, record=None):
    return {
        "name": "正压式空气呼吸器",
        "kind": "fire",
        "department": world.dept_a.pk,
        "location": "一号厂房",
        "quantity": 4,
        "required_quantity": 4,
    }


CASES = {
    **crud(
        "v1_emergency_plans", a_plan, "list retrieve create update partial_update", create=plan_body, update=plan_body
    ),
    "v1_emergency_plans_filing_create": Case(
        a_plan, payload=lambda w, r: {"filed_on": "2025-02-01", "filing_number": "宁应急备 2025-01"}
    ),
    "v1_emergency_plans_evaluate_create": Case(
        a_plan, payload=lambda w, r: {"evaluated_on": today(), "result": "adequate"}
    ),
    "v1_emergency_plans_overdue_retrieve": Case(a_plan),
    **crud("v1_emergency_evaluations", evaluation, "list retrieve"),
    **crud(
        "v1_emergency_drills",
        a_drill,
        "list retrieve create",
        # The plans a person may drill are those of their departments: another department's
        # plan is not found among them.
        create_refused={"outsider": 400},
        create=lambda w, r: {
            "plan": plan(w, code="YA-3").pk,
            "department": w.dept_a.pk,
            "scenario": "车间火灾疏散",
            "kind": "tabletop",
            "held_on": today(-1),
            "duration_minutes": 30,
            "participant_count": 12,
        },
    ),
    "v1_emergency_drills_evaluate_create": Case(
        a_drill,
        payload=lambda w, r: {
            "evaluated_on": today(),
            "worked_well": "疏散有序",
            "improvements": [{"description": "增设指示牌", "department": w.dept_a.pk, "due_date": today(30)}],
        },
    ),
    "v1_emergency_drills_report_create": Case(a_drill, payload=lambda w, r: {"reported_on": today()}),
    **crud("v1_emergency_improvements", improvement, "list retrieve"),
    **crud(
        "v1_emergency_drill_plans",
        drill_plan,
        "list retrieve create",
        create=lambda w, r: {"department": w.dept_a.pk, "year": 2028},
    ),
    "v1_emergency_drill_plans_items_create": Case(
        drill_plan, payload=lambda w, r: {"plan": plan(w).pk, "month": 6, "kind": "tabletop", "scenario": "泄漏处置"}
    ),
    "v1_emergency_drill_plans_submit_create": Case(drill_plan_with_item),
    **crud(
        "v1_emergency_teams", team, "list retrieve create update partial_update", create=team_body, update=team_body
    ),
    "v1_emergency_teams_members_create": Case(
        team, payload=lambda w, r: {"name": "钱伟", "role": "队员", "phone": "13800000000"}
    ),
    "v1_emergency_teams_members_destroy": Case(
        team_with_member, path_kwargs=lambda w, r: {"member_id": r.members.get().pk}
    ),
    **crud(
        "v1_emergency_supplies",
        a_supply,
        "list retrieve create update partial_update",
        create=supply_body,
        update=supply_body,
    ),
    "v1_emergency_supplies_check_create": Case(
        a_supply, payload=lambda w, r: {"checked_on": today(), "quantity_found": 10}
    ),
    "v1_emergency_supplies_checks_list": Case(a_supply),
}
