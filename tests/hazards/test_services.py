import datetime as dt

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from apps.core.exceptions import ApplicationError
from apps.hazards import evidence, services
from apps.hazards.models import CheckResult, Hazard, HazardStatus, InspectionKind, InspectionPlan
from apps.workflow import services as workflow
from apps.workflow.models import Notification, Task, TaskPriority, TaskStatus
from tests.hazards.factories import PLAN, assign, photo, rectify, report

pytestmark = pytest.mark.usefixtures("english")


def test_the_closed_loop_from_report_to_closure(world):
    hazard = report(world)
    assert hazard.status == HazardStatus.REPORTED and hazard.code.startswith("YH")
    assign(world, hazard)
    hazard.refresh_from_db()
    assert hazard.status == HazardStatus.RECTIFYING
    assert hazard.task.requires_evidence and hazard.task.department == world.dept_a
    rectify(world, hazard)
    hazard.refresh_from_db()
    assert hazard.status == HazardStatus.SUBMITTED
    # The head who submitted cannot sign off their own work: the safety manager signs here.
    workflow.task_sign_off(task=hazard.task, user=world.safety_manager, decision="approve")
    hazard.refresh_from_db()
    assert hazard.status == HazardStatus.SIGNED_OFF
    services.hazard_verify(hazard=hazard, user=world.safety_manager, close=True)
    hazard.refresh_from_db()
    assert hazard.status == HazardStatus.CLOSED and hazard.verified_by == world.safety_manager
    history = list(hazard.history.order_by("history_date").values_list("status", "history_user__username"))
    assert [s for s, _u in history] == ["reported", "rectifying", "submitted", "signed_off", "closed"]
    assert ("submitted", "head_a") in history and ("closed", "safety") in history


def test_a_head_signs_off_an_employees_rectification(world):
    hazard = report(world, department=world.team_a)
    services.hazard_assign(
        hazard=hazard,
        user=world.safety_manager,
        department=world.team_a,
        deadline=hazard.found_on + dt.timedelta(days=3),
        grade="general",
        plan=PLAN,
        assignee=world.employee_a,
    )
    rectify(world, hazard, user=world.employee_a)
    hazard.refresh_from_db()
    workflow.task_sign_off(task=hazard.task, user=world.head_a, decision="reject", comment="照片不清")
    hazard.refresh_from_db()
    assert hazard.status == HazardStatus.RECTIFYING


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("not-a-photo.jpg", b"plain text", "is not a readable image"),
        ("virus.exe", b"MZ", "is not a photo: use a JPG, PNG, WEBP or GIF picture"),
    ],
)
def test_a_bad_upload_is_refused_and_nothing_is_saved(world, name, content, message):
    with pytest.raises(ValidationError, match=message) as exc:
        report(world, photos=[SimpleUploadedFile(name, content)])
    assert name in " ".join(exc.value.messages)
    assert not Hazard.objects.exists()


def test_a_photo_over_the_limit_is_refused(world, settings):
    settings.ATTACHMENT_MAX_BYTES = 100
    with pytest.raises(ValidationError, match="the limit is") as exc:
        report(world, photos=[photo("big.jpg")])
    assert "big.jpg" in " ".join(exc.value.messages)
    assert not Hazard.objects.exists()


def test_the_plan_needs_its_five_parts_and_major_hazards_two_more(world):
    hazard = report(world)
    with pytest.raises(ValidationError, match="The rectification plan needs this part") as exc:
        assign(world, hazard, plan_goals="")
    assert "plan_goals" in exc.value.message_dict
    with pytest.raises(ValidationError, match="The rectification plan needs this part") as exc:
        assign(world, hazard, grade="major")
    assert {"plan_safety_measures", "plan_emergency"} <= set(exc.value.message_dict)
    assign(world, hazard, grade="major", plan_safety_measures="设警戒区", plan_emergency="现场处置方案")
    hazard.refresh_from_db()
    assert hazard.task.priority == TaskPriority.URGENT
    assert (hazard.task.remind_every_days, hazard.task.escalate_after_days) == (1, 1)


def test_only_a_safety_manager_assigns_and_verifies(world):
    hazard = report(world)
    with pytest.raises(PermissionDenied, match="Only a safety manager may do this"):
        services.hazard_assign(
            hazard=hazard,
            user=world.head_a,
            department=world.dept_a,
            deadline=hazard.found_on,
            grade="general",
            plan=PLAN,
        )
    with pytest.raises(PermissionDenied, match="Only a safety manager may do this"):
        services.hazard_verify(hazard=hazard, user=world.head_a, close=True)


def test_the_rectification_needs_after_photos(world):
    hazard = report(world)
    assign(world, hazard)
    with pytest.raises(ValidationError, match="This task needs evidence") as exc:
        rectify(world, hazard, photos=[])
    assert "photos" in exc.value.message_dict
    hazard.refresh_from_db()
    assert hazard.status == HazardStatus.RECTIFYING and hazard.measures == ""


def test_closing_without_sign_off_says_what_is_missing(world):
    hazard = report(world)
    assign(world, hazard)
    with pytest.raises(ApplicationError, match="The hazard cannot be closed yet") as exc:
        services.hazard_verify(hazard=hazard, user=world.safety_manager, close=True)
    assert "sign-off" in exc.value.message and "photos" in exc.value.message
    rectify(world, hazard)
    with pytest.raises(ApplicationError, match="The hazard cannot be closed yet") as exc:
        services.hazard_verify(hazard=hazard, user=world.safety_manager, close=True)
    assert "sign-off" in exc.value.message and "photos" not in exc.value.message
    hazard.refresh_from_db()
    assert hazard.status == HazardStatus.SUBMITTED


def test_sending_back_needs_a_reason_and_reopens_the_task(world):
    hazard = report(world)
    assign(world, hazard)
    rectify(world, hazard)
    hazard.refresh_from_db()
    workflow.task_sign_off(task=hazard.task, user=world.safety_manager, decision="approve")
    with pytest.raises(ValidationError, match="Say why the rectification is not accepted"):
        services.hazard_verify(hazard=hazard, user=world.safety_manager, close=False)
    services.hazard_verify(hazard=hazard, user=world.safety_manager, close=False, reason="防护罩未固定")
    hazard.refresh_from_db()
    assert hazard.status == HazardStatus.RECTIFYING
    assert hazard.task.status == TaskStatus.REOPENED


def test_a_major_hazard_is_escalated_to_leadership_on_its_first_day_late(world):
    hazard = report(world)
    assign(world, hazard, days=2, grade="major", plan_safety_measures="警戒", plan_emergency="预案")
    Notification.objects.all().delete()
    hazard.refresh_from_db()
    late = hazard.deadline + dt.timedelta(days=1)
    with time_machine.travel(dt.datetime.combine(late, dt.time(8)), tick=False):
        counts = workflow.task_reminders_send(today=late)
        assert counts["escalated"] == 1
        assert Notification.objects.filter(recipient=world.leader, task=hazard.task).exists()
        # and it is reminded again the next day, not a week later
        assert workflow.task_reminders_send(today=late + dt.timedelta(days=1))["overdue"] == 1


def test_a_general_hazard_is_escalated_only_after_the_company_setting(world):
    hazard = report(world)
    assign(world, hazard, days=2)
    hazard.refresh_from_db()
    late = hazard.deadline + dt.timedelta(days=1)
    assert workflow.task_reminders_send(today=late)["escalated"] == 0


def _checklist(world):
    return services.checklist_create(
        name="月度检查表",
        kind=InspectionKind.COMPREHENSIVE,
        items_text="机加工区｜防护罩完好｜GB/T 8196\n电气｜配电箱门完好",
        user=world.safety_manager,
    )


def test_a_checklist_line_without_a_check_item_is_named(world):
    with pytest.raises(ValidationError, match="Line 2: write") as exc:
        services.checklist_create(
            name="坏表", kind="daily", items_text="区域｜内容\n只有区域", user=world.safety_manager
        )
    assert "2" in exc.value.message_dict["items_text"][0]


def test_an_inspection_plan_raises_a_task_and_recording_submits_it(world):
    checklist = _checklist(world)
    today = timezone.localdate()
    plan = services.inspection_plan_save(
        data={
            "name": "月度综合检查",
            "kind": "comprehensive",
            "department": world.dept_a,
            "checklist": checklist,
            "recurrence": "monthly",
            "next_due": today - dt.timedelta(days=40),
        },
        user=world.safety_manager,
    )
    assert services.inspection_tasks_raise(today=today) == 1
    plan.refresh_from_db()
    assert plan.next_due > today
    assert services.inspection_tasks_raise(today=today) == 0
    task = Task.objects.get(source_id=plan.pk, source_type__model="inspectionplan")
    assert task.department == world.dept_a and task.status == TaskStatus.OPEN
    items = list(checklist.items.all())
    inspection = services.inspection_record(
        user=world.head_a,
        kind="comprehensive",
        department=world.dept_a,
        location="机加工车间",
        inspected_on=today,
        checklist=checklist,
        plan=plan,
        results={items[0].pk: (CheckResult.FAIL, "3 号车床无防护罩"), items[1].pk: (CheckResult.PASS, "")},
    )
    task.refresh_from_db()
    assert task.status == TaskStatus.SUBMITTED
    failed = inspection.results.get(result=CheckResult.FAIL)
    hazard = services.hazard_from_check(result=failed, user=world.head_a, category="condition")
    assert hazard.source == "inspection" and "3 号车床无防护罩" in hazard.description
    with pytest.raises(ApplicationError, match="A hazard was already raised for this check item"):
        services.hazard_from_check(result=failed, user=world.head_a, category="condition")


def test_a_one_off_plan_is_done_after_its_task(world):
    plan = InspectionPlan.objects.create(
        name="节前检查", kind="holiday", department=world.dept_b, recurrence="once", next_due=timezone.localdate()
    )
    services.inspection_tasks_raise(today=timezone.localdate())
    plan.refresh_from_db()
    assert not plan.is_active


def test_the_evidence_provider_measures_rectification(world):
    on_time = report(world)
    assign(world, on_time)
    rectify(world, on_time)
    on_time.refresh_from_db()
    workflow.task_sign_off(task=on_time.task, user=world.safety_manager, decision="approve")
    services.hazard_verify(hazard=on_time, user=world.safety_manager, close=True)
    late = report(world)
    assign(world, late, days=0, grade="major", plan_safety_measures="警戒", plan_emergency="预案")
    found = {i.key: i for i in evidence.provider(timezone.localdate() + dt.timedelta(days=2))}
    assert found["hazards.rectification_rate"].value == 50
    assert found["hazards.rectified_on_time_rate"].value == 100
    assert found["hazards.overdue_major"].value == 1
    assert found["hazards.open_major"].value == 1


def test_the_rectification_task_is_worked_only_from_the_hazard(world):
    hazard = report(world)
    assign(world, hazard)
    hazard.refresh_from_db()
    pdf = SimpleUploadedFile("整改.pdf", b"%PDF-1.4 x", content_type="application/pdf")
    with pytest.raises(ApplicationError, match="This task is worked from the record that raised it"):
        workflow.task_submit(task=hazard.task, user=world.head_a, note="绕过", files=[pdf])
    with pytest.raises(ApplicationError, match="This task is worked from the record that raised it"):
        workflow.task_update(
            task=hazard.task, data={"due_date": hazard.deadline + dt.timedelta(days=60)}, user=world.head_a
        )
    hazard.task.refresh_from_db()
    assert hazard.task.status == TaskStatus.OPEN and hazard.task.due_date == hazard.deadline


def test_after_photos_must_be_pictures(world):
    hazard = report(world)
    assign(world, hazard)
    text = SimpleUploadedFile("after.txt", b"done", content_type="text/plain")
    with pytest.raises(ValidationError, match="“after.txt” is not a photo") as exc:
        rectify(world, hazard, photos=[text])
    assert "after.txt" in " ".join(exc.value.message_dict["photos"])
    with pytest.raises(ValidationError, match="“report.pdf” is not a photo"):
        report(world, photos=[SimpleUploadedFile("report.pdf", b"%PDF-1.4", content_type="application/pdf")])


def test_a_closed_hazard_is_not_closed_again(world):
    hazard = report(world)
    assign(world, hazard)
    rectify(world, hazard)
    hazard.refresh_from_db()
    workflow.task_sign_off(task=hazard.task, user=world.safety_manager, decision="approve")
    services.hazard_verify(hazard=hazard, user=world.safety_manager, close=True)
    with pytest.raises(ApplicationError, match="This hazard is already closed"):
        services.hazard_verify(hazard=hazard, user=world.safety_manager, close=True)


def test_the_rectification_date_is_not_before_the_hazard_was_found(world):
    hazard = report(world, found_on=timezone.localdate() - dt.timedelta(days=3))
    assign(world, hazard)
    with pytest.raises(ValidationError, match="The rectification date cannot be before the hazard was found") as exc:
        services.hazard_rectify(
            hazard=hazard,
            user=world.head_a,
            measure_kinds=["management"],
            measures="x",
            cost=0,
            rectified_on=timezone.localdate() - dt.timedelta(days=5),
            photos=[photo()],
        )
    assert "rectified_on" in exc.value.message_dict


def test_rectified_in_time_but_waiting_for_sign_off_is_not_overdue(world):
    hazard = report(world, found_on=timezone.localdate() - dt.timedelta(days=10))
    services.hazard_assign(
        hazard=hazard,
        user=world.safety_manager,
        department=world.dept_a,
        deadline=timezone.localdate() - dt.timedelta(days=2),
        grade="general",
        plan=PLAN,
    )
    hazard.refresh_from_db()
    assert hazard.is_overdue
    services.hazard_rectify(
        hazard=hazard,
        user=world.head_a,
        measure_kinds=["management"],
        measures="已整改",
        cost=0,
        rectified_on=timezone.localdate() - dt.timedelta(days=3),
        photos=[photo()],
    )
    hazard.refresh_from_db()
    assert not hazard.is_overdue
    found = {i.key: i.value for i in evidence.provider(timezone.localdate())}
    assert found["hazards.overdue_count"] == 0
