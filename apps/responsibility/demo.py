"""Demo objectives split to the workshops, duties, letters (some signed), the safety committee and
office, and a year of safety meetings — dated relative to today."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from apps.org.models import Employee, Position
from apps.responsibility import services
from apps.responsibility.models import LetterLevel, MeetingLevel, Objective, ResponsibilityLetter

OBJECTIVES = [
    ("生产安全事故死亡人数", "accidents.deaths_ytd", "at_most", 0, "人", None),
    ("重伤人数", "accidents.serious_injuries_ytd", "at_most", 0, "人", None),
    ("直接经济损失", "accidents.direct_loss_ytd", "at_most", 50000, "元", None),
    ("员工安全培训学时达标率", "training.annual_hours_compliance", "at_least", 100, "%", None),
    ("事故隐患整改率", "hazards.rectification_rate", "at_least", 100, "%", None),
]

LETTER = """为落实安全生产责任制，实现本年度安全生产目标，签订本责任书。
一、安全目标：杜绝死亡和重伤事故，隐患整改率 100%，员工培训学时达标率 100%。
二、责任：严格执行安全操作规程，参加安全培训和班前会，及时报告隐患。
三、考核：年终按目标完成情况考核，与绩效挂钩。"""


def load(context: dict) -> int:
    if Objective.objects.exists():
        return 0
    users = context["users"]
    departments = context["departments"]
    manager, head, leader = users["anquan"], users["jjg_head"], users["lingdao"]
    today = timezone.localdate()
    count = _objectives(today.year, departments, manager)
    _duties(today.year, departments, manager)
    _letters(today.year, manager, leader)
    employees = {e.employee_no: e for e in Employee.objects.all()}
    _organisation(today.year, employees, manager)
    _meetings(today, departments, employees, manager, head)
    return count


def _objectives(year: int, departments: dict, manager) -> int:
    """The year's objectives, each split to the two workshops."""
    count = 0
    for order, (name, key, direction, target, unit, actual) in enumerate(OBJECTIVES):
        objective = services.objective_save(
            data={
                "year": year,
                "name": name,
                "indicator_key": key,
                "direction": direction,
                "target": target,
                "unit": unit,
                "manual_actual": actual,
                "order": order,
            },
            user=manager,
        )
        for code in ("JJG", "ZP"):
            services.target_set(objective=objective, department=departments[code], target=target, user=manager)
        count += 1
    return count


def _duties(year: int, departments: dict, manager) -> None:
    """A workshop's duties, and a position's duties reviewed this year."""
    services.duty_save(
        data={
            "scope": "department",
            "department": departments["JJG"],
            "title": "机加工车间安全生产职责",
            "content": "负责本车间安全生产管理，组织班组安全活动，落实隐患排查治理。",
        },
        user=manager,
    )
    position = Position.objects.order_by("pk").first()
    if position is None:
        return
    document = services.duty_save(
        data={
            "scope": "position",
            "position": position,
            "title": f"{position.name}安全职责",
            "content": "遵守安全操作规程，正确佩戴劳动防护用品。",
        },
        user=manager,
    )
    services.duty_review(document=document, year=year, result="adequate", user=manager, notes="职责清晰")


def _letters(year: int, manager, leader) -> None:
    """A template and the year's letters at each level; the company letters signed."""
    for level, title in (
        (LetterLevel.COMPANY, "公司级安全目标责任书"),
        (LetterLevel.DEPARTMENT, "部门级安全目标责任书"),
        (LetterLevel.TEAM, "班组级安全目标责任书"),
    ):
        template = services.template_save(
            data={"level": level, "title": title, "body": LETTER, "is_active": True}, user=manager
        )
        services.letters_issue(year=year, template=template, sign_by=dt.date(year, 3, 31), user=manager)
    for letter in ResponsibilityLetter.objects.filter(year=year, level=LetterLevel.COMPANY).select_related(
        "holder__user"
    ):
        services.letter_sign(letter=letter, user=leader)
        if letter.holder.user_id:
            services.letter_sign(letter=letter, user=letter.holder.user)


def _organisation(year: int, employees: dict, manager) -> None:
    """The safety committee and office, set up by one document, with their members."""
    document = services.document_save(
        data={
            "number": f"华精安〔{year}〕1号",
            "title": "关于成立安全生产委员会和任命安全管理人员的通知",
            "issued_on": dt.date(year, 1, 6),
        },
        user=manager,
    )
    committee = services.body_save(
        data={"kind": "committee", "name": "安全生产委员会", "document": document}, user=manager
    )
    office = services.body_save(
        data={"kind": "office", "name": "安全环保部（安委会办公室）", "document": document}, user=manager
    )
    for body, number, role in (
        (committee, "E0001", "chair"),
        (committee, "E0002", "secretary"),
        (committee, "E0010", "member"),
        (committee, "E0020", "member"),
        (office, "E0002", "chair"),
        (office, "E0003", "member"),
    ):
        if number in employees:
            services.member_add(body=body, employee=employees[number], role=role, user=manager)


def _meetings(today: dt.date, departments: dict, employees: dict, manager, head) -> None:
    """The company's quarterly meetings and a workshop's monthly ones so far this year (March
    missed), the last with a decision."""
    year = today.year
    root = departments["HDJG"]
    quarter_starts = [dt.date(year, m, 15) for m in (1, 4, 7, 10) if dt.date(year, m, 15) < today]
    for day in quarter_starts:
        services.meeting_save(
            data={
                "level": MeetingLevel.COMPANY,
                "department": root,
                "title": f"{day.month} 月季度安全生产委员会会议",
                "scheduled_on": day,
                "held_on": day,
                "place": "三楼会议室",
                "chair": employees.get("E0001"),
                "minutes": "通报上季度安全生产情况，部署本季度重点工作。",
            },
            user=manager,
            attendees=[employees[n] for n in ("E0001", "E0002", "E0010", "E0020") if n in employees],
        )
    last = None
    for month in range(1, today.month + 1):
        day = dt.date(year, month, 5)
        if day >= today or month == 3:  # March was missed: the compliance view shows it
            continue
        last = services.meeting_save(
            data={
                "level": MeetingLevel.DEPARTMENT,
                "department": departments["JJG"],
                "title": f"机加工车间 {month} 月安全例会",
                "scheduled_on": day,
                "held_on": day,
                "place": "车间办公室",
                "chair": employees.get("E0010"),
                "minutes": "总结上月安全情况，布置本月隐患整改。",
            },
            user=head,
        )
    if last is not None:
        services.decision_add(
            meeting=last,
            text="完成砂轮机防护罩更换",
            department=departments["JJG"],
            due_date=today + dt.timedelta(days=14),
            user=head,
        )
