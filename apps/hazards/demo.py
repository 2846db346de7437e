"""Demo hazards through the whole closed loop, checklists, plans and an inspection."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image, ImageDraw

from apps.hazards import services
from apps.hazards.models import Checklist, CheckResult, Hazard, HazardGrade, InspectionKind, InspectionPlan
from apps.workflow import services as workflow

CHECKLIST = """机加工区｜车床防护罩、急停按钮完好有效｜GB/T 8196
机加工区｜砂轮机防护罩、托架间隙不大于 3mm｜GB 4674
电气｜配电箱门完好、无裸露带电部位、有警示标识｜GB 50054
消防｜灭火器在有效期内、压力正常、取用通道畅通｜GB 50140
通道｜安全通道畅通、标线清晰｜GB 4053.1"""


def _photo(text: str, colour: str) -> SimpleUploadedFile:
    image = Image.new("RGB", (320, 200), colour)
    ImageDraw.Draw(image).text((12, 90), text, fill="white")
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG")
    return SimpleUploadedFile(f"{text}.jpg", buffer.getvalue(), content_type="image/jpeg")


PLAN = {
    "plan_goals": "消除隐患，恢复设备安全防护功能",
    "plan_methods": "更换损坏部件，完善警示标识，班前检查纳入点检表",
    "plan_resources": "维修费用约 2000 元，备件由设备动力部提供",
    "plan_organisation": "车间主任负责，设备员和班组长实施",
    "plan_requirements": "在期限内完成并上传整改后照片",
}


def _checklists(manager) -> Checklist:
    """The workshop's monthly checklist (returned) and a holiday one."""
    checklist = services.checklist_create(
        name="车间月度综合检查表", kind=InspectionKind.COMPREHENSIVE, items_text=CHECKLIST, user=manager
    )
    services.checklist_create(
        name="节假日前安全检查表",
        kind=InspectionKind.HOLIDAY,
        items_text="消防｜消防通道畅通、消防器材完好\n电气｜非必要电源已切断\n值班｜值班人员和联系方式落实",
        user=manager,
    )
    return checklist


def _plans(manager, departments, checklist, today) -> dict[str, InspectionPlan]:
    plans = [
        ("机加工车间月度综合检查", InspectionKind.COMPREHENSIVE, "JJG", checklist, "monthly", 3),
        ("装配车间日常巡检", InspectionKind.DAILY, "ZP", None, "daily", 0),
        ("夏季防暑降温专项检查", InspectionKind.SEASONAL, "AHB", None, "yearly", 40),
        ("特种设备专业检查", InspectionKind.SPECIALIST, "SBB", None, "quarterly", 20),
    ]
    created_plans = {}
    for name, kind, code, plan_checklist, recurrence, days in plans:
        created_plans[name] = services.inspection_plan_save(
            data={
                "name": name,
                "kind": kind,
                "department": departments[code],
                "checklist": plan_checklist,
                "recurrence": recurrence,
                "next_due": today + dt.timedelta(days=days),
            },
            user=manager,
        )
    return created_plans


def _inspection(manager, departments, checklist, plan, today) -> Hazard:
    """A monthly inspection with one failed item, raised as a hazard (returned)."""
    items = list(checklist.items.all())
    results = {item.pk: (CheckResult.PASS, "") for item in items}
    results[items[1].pk] = (CheckResult.FAIL, "2 号砂轮机托架间隙约 6mm")
    inspection = services.inspection_record(
        user=manager,
        kind=InspectionKind.COMPREHENSIVE,
        department=departments["JJG"],
        location="机加工车间",
        inspected_on=today - dt.timedelta(days=12),
        results=results,
        checklist=checklist,
        plan=plan,
        notes="月度综合检查",
    )
    failed = inspection.results.get(result=CheckResult.FAIL)
    return services.hazard_from_check(result=failed, user=manager, category="condition")


def _report(
    departments, today, text, place, code, category, days_ago, *, reporter, grade=HazardGrade.GENERAL
) -> Hazard:
    """A hazard found `days_ago`, reported with a photo."""
    return services.hazard_report(
        user=reporter,
        description=text,
        location=place,
        department=departments[code],
        category=category,
        grade=grade,
        found_on=today - dt.timedelta(days=days_ago),
        photos=[_photo("before", "#b02a37")],
    )


def _open_hazards(manager, worker, departments, today) -> None:
    """One just reported, one being rectified, and a major one past its deadline."""

    def report(text, place, code, category, days_ago, reporter=worker, grade=HazardGrade.GENERAL):
        return _report(departments, today, text, place, code, category, days_ago, reporter=reporter, grade=grade)

    report("配电箱门锁损坏，箱内有裸露接线端子", "装配车间 2 号配电箱", "ZP", "condition", 1)
    rectifying = report("叉车通道有物料堆放，占用通道", "装配车间东侧通道", "ZP", "management", 6)
    services.hazard_assign(
        hazard=rectifying,
        user=manager,
        department=departments["ZP"],
        deadline=today + dt.timedelta(days=5),
        grade=HazardGrade.GENERAL,
        plan=PLAN,
        risk_l=3,
        risk_e=6,
        risk_c=7,
    )
    overdue_major = report(
        "储气罐安全阀超期未校验", "空压机房", "SBB", "condition", 20, reporter=manager, grade=HazardGrade.MAJOR
    )
    services.hazard_assign(
        hazard=overdue_major,
        user=manager,
        department=departments["SBB"],
        deadline=today - dt.timedelta(days=3),
        grade=HazardGrade.MAJOR,
        risk_l=1,
        risk_e=6,
        risk_c=40,
        plan={
            **PLAN,
            "plan_safety_measures": "储气罐降压运行，设置警戒区",
            "plan_emergency": "执行空压机房现场处置方案",
        },
    )


def _rectify_from_check(from_check, manager, head, departments, today) -> None:
    """The hazard raised by the inspection, rectified and waiting for the head's sign-off."""
    services.hazard_assign(
        hazard=from_check,
        user=manager,
        department=departments["JJG"],
        deadline=today + dt.timedelta(days=2),
        grade=HazardGrade.GENERAL,
        plan=PLAN,
    )
    services.hazard_rectify(
        hazard=from_check,
        user=head,
        measure_kinds=["engineering", "management"],
        measures="调整托架间隙至 2mm，纳入班前点检",
        cost=Decimal("150"),
        rectified_on=today,
        photos=[_photo("after", "#198754")],
    )


def _closed_hazard(manager, head, worker, departments, today) -> None:
    """A hazard through the whole loop: assigned, rectified, signed off, verified and closed."""
    closed = _report(
        departments, today, "车床防护罩缺失", "机加工车间 3 号车床", "JJG", "condition", 30, reporter=worker
    )
    services.hazard_assign(
        hazard=closed,
        user=manager,
        department=departments["JJG"],
        deadline=today - dt.timedelta(days=20),
        grade=HazardGrade.GENERAL,
        plan=PLAN,
        risk_l=3,
        risk_e=6,
        risk_c=15,
    )
    services.hazard_rectify(
        hazard=closed,
        user=head,
        measure_kinds=["engineering"],
        measures="加装防护罩",
        cost=Decimal("1800"),
        rectified_on=today - dt.timedelta(days=22),
        photos=[_photo("after", "#198754")],
    )
    closed.refresh_from_db()
    workflow.task_sign_off(task=closed.task, user=manager, decision="approve", comment="现场确认")
    services.hazard_verify(hazard=closed, user=manager, close=True)


def load(context: dict) -> int:
    if Hazard.objects.exists():
        return 0
    users = context["users"]
    departments = context["departments"]
    manager, head, worker = users["anquan"], users["jjg_head"], users["yuangong"]
    today = timezone.localdate()
    checklist = _checklists(manager)
    plans = _plans(manager, departments, checklist, today)
    from_check = _inspection(manager, departments, checklist, plans["机加工车间月度综合检查"], today)
    _open_hazards(manager, worker, departments, today)
    _rectify_from_check(from_check, manager, head, departments, today)
    _closed_hazard(manager, head, worker, departments, today)
    return Hazard.objects.count() + Checklist.objects.count()
