"""Demo assessments: last year's, approved, and this year's, half scored."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from apps.assessment import services
from apps.assessment.models import Assessment, AssessmentKind, Finding
from apps.org.models import Employee
from apps.workflow import services as workflow

# Items that lost points last year: code -> (deduction, what was found, department code)
LAST_YEAR = {
    "2.2.3": (Decimal(1), "两名班组长未签订安全目标责任书", "JJG"),
    "5.3.1": (Decimal(2), "3 名新入职员工班组级教育记录缺失", "RLB"),
    "6.2.3": (Decimal(3), "机加工车间 2 台行车月检记录不全", "SBB"),
    "7.1.2": (Decimal(2), "动火作业票未注明监护人", "JJG"),
    "8.2.1": (Decimal(2), "2 项一般隐患超期整改", "AHB"),
    "10.2.1": (Decimal(3), "噪声岗位未按期检测", "AHB"),
    "11.4.1": (Decimal(2), "现场处置方案上半年未演练", "ZP"),
}


def _score_all(assessment, user, departments, deducted, upto=None):
    for index, finding in enumerate(
        Finding.objects.filter(assessment=assessment).select_related("item").order_by("item__order")
    ):
        if upto is not None and index >= upto:
            break
        code = finding.item.code
        if code in deducted:
            points, reason, department = deducted[code]
            services.finding_score(
                finding=finding,
                user=user,
                deduction=min(points, finding.item.points),
                reason=reason,
                department=departments[department],
            )
        else:
            services.finding_score(finding=finding, user=user)


def load(context: dict) -> int:
    if Assessment.objects.exists():
        return 0
    users = context["users"]
    departments = context["departments"]
    standard = context["standard"]
    manager = users["anquan"]
    leader = Employee.objects.get(employee_no="E0001")
    team = list(Employee.objects.filter(employee_no__in=["E0002", "E0003", "E0004", "E0010"]))
    year = timezone.localdate().year
    last = services.assessment_create(
        standard=standard,
        year=year - 1,
        kind=AssessmentKind.SELF,
        leader=leader,
        team=team,
        user=manager,
        fatality_limit=0,
        method="成立以总经理为组长的自评工作组，按十三个要素逐项查阅台账、现场检查并访谈员工。",
    )
    _score_all(last, manager, departments, LAST_YEAR)
    services.assessment_submit(assessment=last, user=manager)
    last.refresh_from_db()
    workflow.task_sign_off(task=last.approval_task, user=users["lingdao"], decision="approve", comment="同意上报。")
    services.assessment_award(assessment=last, level=2, awarded_on=dt.date(year - 1, 12, 20), user=manager)
    current = services.assessment_create(
        standard=standard,
        year=year,
        kind=AssessmentKind.SELF,
        leader=leader,
        team=team,
        user=manager,
        fatality_limit=0,
        method="按年度自评计划开展，各部门先自查，安全环保部组织复核。",
    )
    this_year = {
        "5.3.1": (Decimal(1), "1 名调岗人员未经车间级教育", "JJG"),
        "8.2.1": (Decimal(1), "1 项隐患超期 3 天整改", "ZP"),
    }
    _score_all(current, manager, departments, this_year, upto=60)
    return 2
