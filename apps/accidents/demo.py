"""Demo accidents: a closed one with the full 四不放过, one under investigation reported late,
a near miss, and 12 months of man-hours for the workshops."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from apps.accidents import services
from apps.accidents.models import GB6441_2025_FROM, Accident, AccidentType, Edition, ManHours
from apps.workflow import services as workflow

# The same kind of accident in both editions of GB 6441 (2025 code, 1986 code).
TYPES = {"machinery": ("WSA10004", "03"), "struck": ("WSA10001", "01"), "lifting": ("WSA10005", "04")}


def _type(kind: str, when: dt.datetime) -> AccidentType:
    new, old = TYPES[kind]
    if timezone.localtime(when).date() >= GB6441_2025_FROM:
        return AccidentType.objects.get(edition=Edition.GB6441_2025, code=new)
    return AccidentType.objects.get(edition=Edition.GB6441_1986, code=old)


def _at(days_ago: int, hour: int) -> dt.datetime:
    day = timezone.localdate() - dt.timedelta(days=days_ago)
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, 20)))


def _guard_fitted(accident, manager, head, departments, when: dt.datetime) -> None:
    """The closed accident's measure, done and signed off before the accident is closed."""
    guard = services.measure_add(
        accident=accident,
        user=manager,
        kind="corrective",
        title="加装车床卡盘防护罩",
        department=departments["JJG"],
        due_date=(when + dt.timedelta(days=30)).date(),
    )
    workflow.task_submit(
        task=guard.task,
        user=head,
        note="防护罩已安装并验收。",
        files=[SimpleUploadedFile("防护罩验收记录.pdf", b"%PDF-1.4 demo", content_type="application/pdf")],
    )
    workflow.task_sign_off(task=guard.task, user=manager, decision="approve", comment="现场确认")


def _reported(
    user, departments, when: dt.datetime, *, kind: str, department: str, person: dict | None = None, **data
) -> Accident:
    """An accident as `user` reports it, of the GB 6441 type of `kind` in force on the day, with
    the person hurt in it."""
    accident = services.accident_save(
        data={"occurred_at": when, "department": departments[department], "accident_type": _type(kind, when), **data},
        user=user,
    )
    if person:
        services.person_add(accident=accident, user=user, **person)
    return accident


def _closed(manager, head, departments) -> None:
    """A finger caught in a lathe chuck: investigated, its measure signed off, its lesson held
    and the accident closed with the whole 四不放过."""
    when = _at(95, 10)
    closed = _reported(
        head,
        departments,
        when,
        kind="machinery",
        department="JJG",
        title="车床卡盘夹伤手指",
        place="机加工车间 3 号车床",
        minor_injuries=1,
        direct_loss=Decimal("8600"),
        account="操作工在车床未停稳时清理铁屑，右手食指被卡盘夹伤。",
        immediate_measures="停机断电，送医包扎，保护现场。",
        head_told_at=when + dt.timedelta(minutes=15),
        authority_told_at=when + dt.timedelta(minutes=50),
        person={"name": "陈工", "severity": "minor", "lost_workdays": 12, "note": "右手食指挫伤"},
    )
    services.investigation_save(
        accident=closed,
        data={
            "investigation_team": "组长：安全环保部 张敏；成员：机加工车间 李强、设备动力部 王工",
            "direct_causes": "设备未停稳即清理铁屑，违反操作规程。",
            "indirect_causes": "班组安全教育不到位，车床防护罩缺失。",
            "responsibility_findings": "操作工负直接责任，班长负管理责任。",
            "handling_opinions": "对操作工通报批评并重新培训，班长扣当月安全考核分。",
            "report_submitted_on": (when + dt.timedelta(days=20)).date(),
            "cause_found": True,
            "responsible_handled": True,
            "staff_educated": True,
            "measures_taken": True,
        },
        user=manager,
    )
    _guard_fitted(closed, manager, head, departments, when)
    services.lesson_save(
        data={
            "accident": closed,
            "title": "车床夹伤事故案例教育",
            "held_on": (when + dt.timedelta(days=25)).date(),
            "content": "停机、断电、挂牌后再清理铁屑；使用专用工具。",
            "departments": [departments["JJG"], departments["ZP"]],
        },
        user=manager,
    )
    services.accident_close(accident=closed, user=manager, closed_on=(when + dt.timedelta(days=40)).date())


def _open(manager, departments) -> None:
    """A foot struck by a falling workpiece, under investigation, told to the authority late."""
    when = _at(10, 14)
    open_ = _reported(
        manager,
        departments,
        when,
        kind="struck",
        department="ZP",
        title="吊装工件坠落砸伤脚部",
        place="装配车间总装线",
        serious_injuries=1,
        direct_loss=Decimal("32000"),
        account="吊装变速箱壳体时吊带断裂，工件坠落砸伤装配工左脚。",
        immediate_measures="停止吊装作业，送医救治，封存吊具。",
        head_told_at=when + dt.timedelta(minutes=30),
        authority_told_at=when + dt.timedelta(minutes=95),
        person={"name": "刘师傅", "severity": "serious", "lost_workdays": 120, "note": "左足骨折"},
    )
    services.investigation_save(
        accident=open_,
        data={
            "investigation_team": "组长：安全环保部 张敏；成员：装配车间、设备动力部",
            "direct_causes": "吊带磨损未及时报废。",
            "cause_found": True,
        },
        user=manager,
    )


def _near_miss(head, departments) -> None:
    """A crane hook's safety latch failing, stopped before anyone was hurt."""
    when = _at(20, 9)
    _reported(
        head,
        departments,
        when,
        kind="lifting",
        department="JJG",
        title="行车吊钩防脱装置失效（未遂）",
        place="机加工车间 1 跨",
        is_near_miss=True,
        account="起吊时发现吊钩防脱舌卡滞，及时停止作业，未造成伤害。",
        immediate_measures="停用行车，更换防脱装置。",
    )


def _man_hours(departments, today: dt.date) -> int:
    """The twelve months before this one, for the two workshops."""
    first = today.replace(day=1)
    rows = []
    for code, staff in (("JJG", 48), ("ZP", 36)):
        month = first
        for _ in range(12):
            month = (month - dt.timedelta(days=1)).replace(day=1)
            rows.append(
                ManHours(department=departments[code], month=month, headcount=staff, hours=Decimal(staff * 174))
            )
    ManHours.objects.bulk_create(rows)
    return len(rows)


def load(context: dict) -> int:
    if Accident.objects.exists():
        return 0
    users, departments = context["users"], context["departments"]
    manager, head = users["anquan"], users["jjg_head"]
    today = timezone.localdate()
    _closed(manager, head, departments)
    _open(manager, departments)
    _near_miss(head, departments)
    return 3 + _man_hours(departments, today)
