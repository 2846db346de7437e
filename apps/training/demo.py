"""Demo training records: courses, sessions with attendance, certificates (one due for review,
one expired) and an approved yearly plan, all dated relative to today."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone

from apps.core import recurrence
from apps.org.models import Employee
from apps.training import services
from apps.training.catalogues import load_catalogues
from apps.training.models import CertificateType, Course, TrainingSession
from apps.workflow import services as workflow

COURSES = [
    ("C-01", "厂级安全教育", "company", 16),
    ("C-02", "车间级安全教育", "workshop", 16),
    ("C-03", "班组级安全教育", "team", 8),
    ("C-10", "年度安全生产再培训", "refresher", 8),
    ("C-11", "消防安全与应急疏散专题", "special", 4),
    ("C-12", "主要负责人和安全管理人员再培训", "external", 12),
]

# Everyone but the newest hire (E0023, still missing team-level induction).
INDUCTED = [
    "E0001",
    "E0002",
    "E0003",
    "E0004",
    "E0005",
    "E0006",
    "E0010",
    "E0011",
    "E0012",
    "E0013",
    "E0014",
    "E0015",
    "E0020",
    "E0021",
    "E0022",
]


@dataclass
class _Demo:
    """What the demo records are made from, and how many were made."""

    manager: object
    departments: dict
    people: dict
    courses: dict = field(default_factory=dict)
    created: int = 0

    def session(self, course: str, on: dt.date, department: str, who, **extra) -> TrainingSession:
        """A session of the course with everyone in `who` attending (passed, 88 points)."""
        s = services.session_create(
            data={
                "course": self.courses[course],
                "department": self.departments[department],
                "level": self.courses[course].level,
                "start_date": on,
                "end_date": on,
                "hours": self.courses[course].hours,
                "trainer": extra.get("trainer", "张敏"),
                "place": extra.get("place", "培训教室"),
                "plan_item": extra.get("plan_item"),
            },
            user=self.manager,
        )
        for number in who:
            services.attendance_record(
                session=s,
                employee=self.people[number],
                user=self.manager,
                hours_credited=extra.get("hours", {}).get(number),
                exam_score=Decimal(88),
                passed=True,
            )
            self.created += 1
        return s


def _courses(demo: _Demo) -> None:
    demo.courses = {
        code: services.course_save(
            data={"code": code, "name": name, "level": level, "hours": Decimal(hours)}, user=demo.manager
        )
        for code, name, level, hours in COURSES
    }
    demo.created += len(demo.courses)


def _induction(demo: _Demo) -> None:
    """The three levels of induction, long ago; the newest hire misses the team level."""
    first_days = dt.date(2015, 3, 2)
    demo.session("C-01", first_days, "AHB", [*INDUCTED, "E0023"])
    demo.session("C-02", first_days + dt.timedelta(days=1), "JJG", INDUCTED + ["E0023"])
    demo.session("C-03", first_days + dt.timedelta(days=2), "JJG", INDUCTED)


def _this_years_training(demo: _Demo, today: dt.date, year_start: dt.date) -> None:
    """Refreshers (E0013 credited only 4 hours, E0006 at one of two), a special topic and the
    managers' external course."""
    refresher_day = max(year_start, today - dt.timedelta(days=20))
    demo.session(
        "C-10", refresher_day, "AHB", [n for n in INDUCTED if n != "E0013"] + ["E0001"], trainer="外聘讲师 陈工"
    )
    demo.session("C-10", refresher_day, "AHB", ["E0013"], hours={"E0013": Decimal(4)})
    demo.session(
        "C-10",
        max(year_start, today - dt.timedelta(days=60)),
        "AHB",
        [n for n in INDUCTED if n not in ("E0013", "E0006")],
        trainer="张敏",
    )
    demo.session(
        "C-11",
        max(year_start, today - dt.timedelta(days=10)),
        "AHB",
        ["E0010", "E0011", "E0012", "E0014", "E0015", "E0020", "E0021", "E0022"],
    )
    demo.session(
        "C-12",
        max(year_start, today - dt.timedelta(days=30)),
        "AHB",
        ["E0001", "E0002", "E0004"],
        trainer="市应急管理局培训中心",
        place="市安全培训中心",
    )


def _certificates(demo: _Demo, today: dt.date) -> None:
    """One in its review window, one expired, one expiring, one valid."""
    types = {(t.kind, t.code): t for t in CertificateType.objects.all()}
    for holder, key, number, issued in [
        (
            "E0005",
            ("special_operation", "1.2"),
            "T320500198703150012",
            recurrence.add_years(today, -3) + dt.timedelta(days=30),
        ),
        (
            "E0014",
            ("special_operation", "2.1"),
            "T320500199010090034",
            recurrence.add_years(today, -6) - dt.timedelta(days=15),
        ),
        ("E0015", ("special_operation", "2.1"), "T320500199803040056", recurrence.add_years(today, -1)),
        (
            "E0022",
            ("special_equipment", "5100"),
            "TS3205-N1-2021-0078",
            recurrence.add_years(today, -4) + dt.timedelta(days=45),  # a 4-year permit expiring soon
        ),
    ]:
        services.certificate_create(
            data={
                "type": types[key],
                "number": number,
                "holder": demo.people[holder],
                "issued_on": issued,
                "authority": "苏州市应急管理局",
            },
            user=demo.manager,
        )
        demo.created += 1


def _plan(demo: _Demo, users: dict, today: dt.date, year_start: dt.date) -> None:
    """The machining workshop's plan for this year, submitted by its head, approved by
    leadership, its first item held."""
    head = users["jjg_head"]
    plan = services.plan_create(data={"department": demo.departments["JJG"], "year": today.year}, user=head)
    items = [
        services.plan_item_save(
            plan=plan, data={"course": demo.courses[code], "month": month, "participants": who}, user=head
        )
        for code, month, who in [
            ("C-10", min(today.month, 3), "车间全体员工"),
            ("C-11", today.month, "各班组"),
            ("C-10", 12, "车间全体员工"),
        ]
    ]
    services.plan_submit(plan=plan, user=head)
    plan.refresh_from_db()
    workflow.task_sign_off(task=plan.approval_task, user=users["lingdao"], decision="approve", comment="同意。")
    demo.session(
        "C-10",
        max(year_start, today - dt.timedelta(days=5)),
        "JJG",
        ["E0011"],
        plan_item=items[0],
        trainer="李强",
        place="机加工车间会议室",
    )


def load(context: dict) -> int:
    load_catalogues(CertificateType)
    if Course.objects.filter(code="C-01").exists():
        return 0
    users = context["users"]
    today = timezone.localdate()
    year_start = dt.date(today.year, 1, 1)
    demo = _Demo(
        manager=users["anquan"],
        departments=context["departments"],
        people={e.employee_no: e for e in Employee.objects.filter(is_active=True)},
    )
    _courses(demo)
    _induction(demo)
    _this_years_training(demo, today, year_start)
    _certificates(demo, today)
    _plan(demo, users, today, year_start)
    return demo.created + 2
