"""Demo emergency records: the three kinds of plans (one overdue for a drill, one not filed),
drills with an evaluation and an improvement task, a yearly drill plan, teams and supplies."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from apps.emergency import services
from apps.emergency.models import Plan


def load(context: dict) -> int:
    if Plan.objects.exists():
        return 0
    users = context["users"]
    departments = context["departments"]
    manager, head = users["anquan"], users["jjg_head"]
    today = timezone.localdate()
    plans = _plans(departments, manager, today)
    records = len(plans)
    records += _drills(departments, manager, head, today, plans)
    records += _drill_plan(departments, manager, today, plans)
    records += _teams(departments, manager, today)
    records += _supplies(departments, manager, today)
    return records


def _ago(today: dt.date, days: int) -> dt.date:
    return today - dt.timedelta(days=days)


def _plan(departments, manager, code, title, kind, dept, published, filed_on=None, filing_number="", **data):
    saved = services.emergency_plan_save(
        data={
            "code": code,
            "title": title,
            "kind": kind,
            "department": departments[dept],
            "published_on": published,
            "owner": manager,
            **data,
        },
        user=manager,
    )
    if filed_on:
        saved = services.plan_file(plan=saved, user=manager, filed_on=filed_on, filing_number=filing_number)
    return saved


def _plans(departments, manager, today) -> dict[str, Plan]:
    """The three kinds of plans; the on-site one not filed."""
    return {
        "comprehensive": _plan(
            departments,
            manager,
            "YA-ZH-01",
            "生产安全事故综合应急预案",
            "comprehensive",
            "AHB",
            _ago(today, 400),
            version="2.0",
            filed_on=_ago(today, 380),
            filing_number="苏应急预备〔2025〕0123",
            scope="公司范围内各类生产安全事故的应急组织、响应分级和处置程序。",
        ),
        "fire": _plan(
            departments,
            manager,
            "YA-ZX-01",
            "火灾事故专项应急预案",
            "specialist",
            "AHB",
            _ago(today, 500),
            filed_on=_ago(today, 480),
            filing_number="苏应急预备〔2024〕0456",
            scope="厂房、仓库、配电室火灾的报警、初期扑救、疏散和警戒。",
        ),
        "onsite": _plan(
            departments,
            manager,
            "YA-XC-01",
            "机加工车间机械伤害现场处置方案",
            "onsite",
            "JJG",
            _ago(today, 300),
            scope="车床、铣床卷入、夹伤的停机、救护和送医。",
        ),
    }


def _drills(departments, manager, head, today, plans) -> int:
    """Three drills, one evaluated with an improvement task; the fire plan overdue."""
    # The fire plan was drilled 450 days ago: its yearly drill is overdue.
    services.drill_record(
        data={
            "plan": plans["fire"],
            "department": departments["AHB"],
            "scenario": "仓库火灾疏散演练",
            "kind": "full_scale",
            "held_on": _ago(today, 450),
            "duration_minutes": 60,
            "participant_count": 85,
            "participants": "全体在岗员工",
        },
        user=manager,
    )
    drill = services.drill_record(
        data={
            "plan": plans["comprehensive"],
            "department": departments["AHB"],
            "scenario": "综合应急桌面推演",
            "kind": "tabletop",
            "held_on": _ago(today, 200),
            "duration_minutes": 120,
            "participant_count": 18,
            "participants": "应急领导小组、各部门负责人",
        },
        user=manager,
    )
    services.drill_evaluate(
        drill=drill,
        user=manager,
        evaluated_on=_ago(today, 195),
        worked_well="信息报告流程清楚，响应分级判断准确。",
        problems_found="车间应急通讯录未更新；夜班人员不清楚集合点。",
        conclusion="预案基本适用，通讯录和夜班培训需整改。",
        improvements=[
            {
                "description": "更新机加工车间应急通讯录并张贴到班组",
                "department": departments["JJG"],
                "due_date": today + dt.timedelta(days=10),
            }
        ],
    )
    services.drill_record(
        data={
            "plan": plans["onsite"],
            "department": departments["JJG"],
            "scenario": "车床卷入伤害处置",
            "kind": "functional",
            "held_on": _ago(today, 100),
            "duration_minutes": 30,
            "participant_count": 12,
            "participants": "车削一班",
        },
        user=head,
    )
    return 3


def _drill_plan(departments, manager, today, plans) -> int:
    """This year's drill plan of the company, submitted for approval."""
    drill_plan = services.drill_plan_create(data={"department": departments["AHB"], "year": today.year}, user=manager)
    services.drill_plan_item_add(
        drill_plan=drill_plan,
        user=manager,
        data={"plan": plans["fire"], "month": 6, "kind": "full_scale", "scenario": "仓库火灾疏散"},
    )
    services.drill_plan_item_add(
        drill_plan=drill_plan,
        user=manager,
        data={"plan": plans["comprehensive"], "month": 9, "kind": "tabletop", "scenario": "综合应急推演"},
    )
    services.drill_plan_submit(drill_plan=drill_plan, user=manager)
    return 1


def _teams(departments, manager, today) -> int:
    """A part-time team with its members and an outside team under an agreement."""
    team = services.team_save(
        data={
            "name": "公司兼职应急救援队",
            "kind": "part_time",
            "department": departments["AHB"],
            "leader": "张敏",
            "phone": "0512-6666 0119",
            "duties": "初期火灾扑救、伤员救护、疏散引导。",
        },
        user=manager,
    )
    for name, role, phone in (
        ("张敏", "队长", "138 0000 0001"),
        ("李强", "抢险组", "138 0000 0002"),
        ("赵磊", "救护组", "138 0000 0003"),
    ):
        services.team_member_save(team=team, data={"name": name, "role": role, "phone": phone}, user=manager)
    services.team_save(
        data={
            "name": "园区消防救援站",
            "kind": "agreement",
            "department": departments["AHB"],
            "agreement_party": "工业园区专职消防队",
            "agreement_until": today + dt.timedelta(days=500),
            "phone": "0512-6666 0000",
        },
        user=manager,
    )
    return 2


def _supplies(departments, manager, today) -> int:
    """Four supplies: one expired, one short of its required quantity."""
    records = 0
    for data in (
        {
            "name": "干粉灭火器",
            "kind": "fire",
            "specification": "MFZ/ABC4",
            "department": "JJG",
            "location": "机加工车间 1 跨",
            "quantity": 12,
            "required_quantity": 12,
            "unit": "具",
            "expires_on": today + dt.timedelta(days=700),
            "last_checked_on": _ago(today, 10),
        },
        {
            "name": "急救箱",
            "kind": "medical",
            "department": "JJG",
            "location": "机加工车间办公室",
            "quantity": 2,
            "required_quantity": 2,
            "unit": "个",
            "expires_on": _ago(today, 10),
            "last_checked_on": _ago(today, 40),
        },
        {
            "name": "正压式空气呼吸器",
            "kind": "protective",
            "specification": "RHZKF6.8/30",
            "department": "AHB",
            "location": "应急物资库",
            "quantity": 3,
            "required_quantity": 4,
            "unit": "套",
            "check_interval_months": 1,
            "last_checked_on": _ago(today, 20),
        },
        {
            "name": "应急照明灯",
            "kind": "communication",
            "department": "ZP",
            "location": "装配车间",
            "quantity": 8,
            "required_quantity": 8,
            "unit": "盏",
            "check_interval_months": 3,
            "last_checked_on": _ago(today, 30),
        },
    ):
        data["department"] = departments[data["department"]]
        services.supply_save(data=data, user=manager)
        records += 1
    return records
