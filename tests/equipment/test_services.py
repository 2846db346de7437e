import datetime as dt

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from apps.core.exceptions import ApplicationError
from apps.equipment import evidence, services
from apps.equipment.models import EquipmentStatus, MaintenancePlan, Record, SafetyDevice, SpecialEquipmentType
from apps.hazards.models import Hazard, HazardSource
from apps.workflow import services as workflow
from apps.workflow.models import Task, TaskStatus
from tests.equipment.factories import crane, equipment

pytestmark = pytest.mark.usefixtures("english")

D = dt.date


def test_the_types_come_from_the_reference_csv(db):
    assert SpecialEquipmentType.objects.count() == 41
    assert SpecialEquipmentType.objects.get(code="4300").interval_months == 12  # 塔式起重机
    assert SpecialEquipmentType.objects.get(code="2100").interval_months is None  # 固定式压力容器


def test_special_equipment_takes_the_types_interval_and_its_next_due_date(world):
    item = crane(world, last=D(2024, 2, 29))
    assert item.inspection_interval_months == 24
    assert item.next_inspection_due == D(2026, 2, 28)


def test_the_interval_is_editable_per_item(world):
    item = crane(world, last=D(2024, 2, 29), inspection_interval_months=12)  # 吊运熔融金属: yearly
    assert item.next_inspection_due == D(2025, 2, 28)


@time_machine.travel(dt.datetime(2026, 3, 1, 9, 0), tick=False)
def test_a_statutory_inspection_moves_the_next_due_date(world):
    item = crane(world, last=D(2024, 1, 31))
    services.record_create(
        user=world.head_a, equipment=item, kind="statutory", result="pass", performed_on=D(2026, 1, 31)
    )
    item.refresh_from_db()
    assert item.last_inspected_on == D(2026, 1, 31)
    assert item.next_inspection_due == D(2028, 1, 31)


def test_maintenance_needs_a_written_plan_with_hazard_controls(world):
    item = equipment(world)
    with pytest.raises(ValidationError, match="Maintenance needs a written plan") as exc:
        services.record_create(user=world.head_a, equipment=item, kind="maintenance", result="pass")
    assert set(exc.value.message_dict) == {"work_plan", "hazard_controls"}
    services.record_create(
        user=world.head_a,
        equipment=item,
        kind="maintenance",
        result="pass",
        work_plan="更换钢丝绳",
        hazard_controls="停电挂牌上锁，设监护人",
    )
    assert Record.objects.count() == 1


def test_a_failed_inspection_raises_a_hazard(world):
    item = equipment(world)
    record = services.record_create(
        user=world.head_a,
        equipment=item,
        kind="daily_check",
        result="fail",
        findings="制动器磨损超标",
        raise_hazard=True,
    )
    hazard = Hazard.objects.get()
    assert record.hazard_code == hazard.code
    assert hazard.source == HazardSource.INSPECTION and hazard.department == world.dept_a
    assert "制动器磨损超标" in hazard.description


def test_a_passed_inspection_raises_no_hazard(world):
    item = equipment(world)
    with pytest.raises(ApplicationError, match="Only a failed inspection raises a hazard"):
        services.record_create(user=world.head_a, equipment=item, kind="daily_check", result="pass", raise_hazard=True)
    assert not Hazard.objects.exists()


def test_heads_act_only_on_their_departments(world):
    item = equipment(world, department=world.dept_b, code="B-1")
    with pytest.raises(PermissionDenied, match="Only the person responsible"):
        services.record_create(user=world.head_a, equipment=item, kind="daily_check", result="pass")
    with pytest.raises(PermissionDenied, match="may change its equipment"):
        equipment(world, department=world.dept_b, code="B-2", user=world.head_a)
    equipment(world, department=world.team_a, code="A-2", user=world.head_a)


def test_scrapping_is_decided_by_leadership_sign_off(world):
    item = equipment(world)
    task = services.equipment_scrap_request(equipment=item, user=world.head_a, reason="超过使用年限")
    assert task.status == TaskStatus.SUBMITTED
    with pytest.raises(PermissionDenied, match="Only leadership may sign off this task"):
        workflow.task_sign_off(task=task, user=world.safety_manager, decision="approve")
    workflow.task_sign_off(task=task, user=world.leader, decision="approve")
    item.refresh_from_db()
    assert item.status == EquipmentStatus.SCRAPPED
    with pytest.raises(ApplicationError, match="Scrapped equipment is no longer inspected"):
        services.record_create(user=world.head_a, equipment=item, kind="daily_check", result="pass")


def test_a_rejected_scrapping_leaves_the_equipment_in_use(world):
    item = equipment(world)
    task = services.equipment_scrap_request(equipment=item, user=world.head_a, reason="老旧")
    workflow.task_sign_off(task=task, user=world.leader, decision="reject", comment="尚可修复")
    item.refresh_from_db()
    assert item.status == EquipmentStatus.IN_USE


def test_scrapping_is_never_set_directly(world):
    item = equipment(world)
    with pytest.raises(ApplicationError, match="scrapped only through an approved scrapping request"):
        services.equipment_save(equipment=item, data={"status": "scrapped"}, user=world.safety_manager)


def test_the_project_steps_follow_each_other(world):
    with pytest.raises(ValidationError, match="The steps follow each other"):
        services.project_save(
            data={
                "name": "二期厂房",
                "kind": "new",
                "department": world.dept_a,
                "designed_on": D(2024, 5, 1),
                "built_on": D(2024, 3, 1),
            },
            user=world.safety_manager,
        )


def _open_tasks():
    return Task.objects.filter(source_type__app_label="equipment").order_by("due_date", "pk")


def test_the_daily_job_raises_each_due_task_exactly_once(world):
    item = crane(world, last=D(2024, 2, 29))  # due 2026-02-28
    plan = services.maintenance_plan_save(
        data={
            "equipment": item,
            "kind": "daily_check",
            "title": "班前点检",
            "recurrence": "monthly",
            "next_due": D(2026, 1, 31),
        },
        user=world.safety_manager,
    )
    device = services.device_save(
        data={
            "code": "SV-1",
            "name": "安全阀",
            "kind": "safety_valve",
            "department": world.dept_a,
            "cycle_months": 12,
            "last_checked_on": D(2025, 2, 28),
        },
        user=world.safety_manager,
    )
    assert device.next_due == D(2026, 2, 28)
    with time_machine.travel(dt.datetime(2026, 1, 28, 6, 40), tick=False):
        assert services.due_tasks_raise() == 0  # 31 days before 2026-02-28: not yet
    with time_machine.travel(dt.datetime(2026, 1, 29, 6, 40), tick=False):
        assert services.due_tasks_raise() == 2  # the statutory inspection and the calibration
        assert services.due_tasks_raise() == 0  # a second run raises nothing twice
    with time_machine.travel(dt.datetime(2026, 1, 31, 6, 40), tick=False):
        assert services.due_tasks_raise() == 1  # the plan, on its day
        assert services.due_tasks_raise() == 0
    plan.refresh_from_db()
    assert plan.next_due == D(2026, 2, 28)  # 31 January + 1 month in a common year
    with time_machine.travel(dt.datetime(2026, 2, 28, 6, 40), tick=False):
        assert services.due_tasks_raise() == 1
        assert services.due_tasks_raise() == 0
    plan.refresh_from_db()
    assert plan.next_due == D(2026, 3, 31)  # back to the plan's own day, no drift
    assert [t.due_date for t in _open_tasks()] == [D(2026, 1, 31), D(2026, 2, 28), D(2026, 2, 28), D(2026, 2, 28)]


def test_a_plan_that_fell_behind_raises_one_task_and_moves_past_today(world):
    item = equipment(world)
    plan = services.maintenance_plan_save(
        data={
            "equipment": item,
            "kind": "maintenance",
            "title": "润滑保养",
            "recurrence": "weekly",
            "next_due": D(2024, 2, 1),
        },
        user=world.safety_manager,
    )
    with time_machine.travel(dt.datetime(2024, 3, 1, 6, 40), tick=False):
        assert services.due_tasks_raise() == 1
    plan.refresh_from_db()
    assert plan.next_due == D(2024, 3, 7)


@time_machine.travel(dt.datetime(2026, 2, 10, 9, 0), tick=False)
def test_recording_the_work_submits_its_task(world):
    item = crane(world, last=D(2024, 2, 29))
    services.due_tasks_raise()
    task = _open_tasks().get()
    with pytest.raises(ApplicationError, match="worked from the record that raised it"):
        workflow.task_submit(task=task, user=world.head_a)  # worked from the equipment only
    services.record_create(user=world.head_a, equipment=item, kind="statutory", result="pass")
    task.refresh_from_db()
    assert task.status == TaskStatus.SUBMITTED
    item.refresh_from_db()
    assert item.next_inspection_due == D(2028, 2, 10)
    with time_machine.travel(dt.datetime(2028, 1, 15, 9, 0), tick=False):
        assert services.due_tasks_raise() == 1  # the next cycle raises its own task


@time_machine.travel(dt.datetime(2026, 2, 10, 9, 0), tick=False)
def test_calibration_restarts_the_cycle(world):
    device = services.device_save(
        data={
            "code": "PG-1",
            "name": "压力表",
            "kind": "pressure_gauge",
            "department": world.dept_a,
            "cycle_months": 6,
            "last_checked_on": D(2025, 8, 31),
        },
        user=world.safety_manager,
    )
    assert device.next_due == D(2026, 2, 28)
    services.due_tasks_raise()
    services.device_check(device=device, user=world.head_a, checked_on=D(2026, 2, 10))
    device = SafetyDevice.objects.get()
    assert device.next_due == D(2026, 8, 10)
    assert _open_tasks().get().status == TaskStatus.SUBMITTED


@time_machine.travel(dt.datetime(2026, 6, 30, 9, 0), tick=False)
def test_the_evidence_provider(world):
    crane(world, code="C-1", last=D(2025, 1, 1))  # due 2027
    crane(world, code="C-2", last=D(2024, 1, 1))  # due 2026-01-01: overdue
    equipment(world, code="E-3")
    services.device_save(
        data={
            "code": "GD-1",
            "name": "可燃气体报警器",
            "kind": "gas_detector",
            "department": world.dept_a,
            "cycle_months": 12,
            "last_checked_on": D(2025, 7, 1),
        },
        user=world.safety_manager,
    )
    values = {i.key: i for i in evidence.provider(D(2026, 6, 30))}
    assert values["equipment.special_equipment_inspected_rate"].value == 50
    assert values["equipment.special_equipment_inspected_rate"].unit == "%"
    assert values["equipment.overdue_count"].value == 1
    assert values["equipment.devices_calibrated_rate"].value == 100
    assert values["equipment.inspections_on_time_rate"].value is None  # no task due yet
    assert "equipment.plan_completion_rate" in values


def test_statutory_inspections_on_time_rate(world):
    late = crane(world, code="C-1", last=D(2024, 2, 1))  # due 2026-02-01
    on_time = crane(world, code="C-2", last=D(2024, 3, 1))  # due 2026-03-01
    with time_machine.travel(dt.datetime(2026, 1, 30, 9, 0), tick=False):
        assert services.due_tasks_raise() == 2
        services.record_create(user=world.head_a, equipment=on_time, kind="statutory", result="pass")
    with time_machine.travel(dt.datetime(2026, 2, 5, 9, 0), tick=False):
        services.record_create(user=world.head_a, equipment=late, kind="statutory", result="pass")
    values = {i.key: i.value for i in evidence.provider(D(2026, 3, 31))}
    assert values["equipment.inspections_on_time_rate"] == 50
    assert MaintenancePlan.objects.count() == 0


def _scrapped(world):
    item = equipment(world, code="EQ-S")
    task = services.equipment_scrap_request(equipment=item, user=world.head_a, reason="超过使用年限")
    workflow.task_sign_off(task=task, user=world.leader, decision="approve")
    item.refresh_from_db()
    return item


def test_a_scrapped_item_is_never_changed_again(world, api_for):
    item = _scrapped(world)
    with pytest.raises(ApplicationError, match="This equipment is scrapped and is kept as it was"):
        services.equipment_save(equipment=item, data={"status": "in_use"}, user=world.safety_manager)
    response = api_for("head_a").patch(f"/api/v1/equipment/{item.pk}/", {"status": "in_use"}, format="json")
    assert response.status_code == 400
    item.refresh_from_db()
    assert item.status == EquipmentStatus.SCRAPPED


def test_scrapping_stops_the_work_waiting_on_the_item(world):
    item = crane(world, code="EQ-C", last=timezone.localdate() - dt.timedelta(days=700))
    device = services.device_save(
        data={
            "code": "SV-1",
            "name": "安全阀",
            "kind": "safety_valve",
            "equipment": item,
            "department": world.dept_a,
            "cycle_months": 12,
            "last_checked_on": timezone.localdate() - dt.timedelta(days=400),
        },
        user=world.safety_manager,
    )
    services.due_tasks_raise(today=timezone.localdate())
    open_before = Task.objects.filter(status__in=["open"]).count()
    assert open_before >= 2
    task = services.equipment_scrap_request(equipment=item, user=world.head_a, reason="报废")
    workflow.task_sign_off(task=task, user=world.leader, decision="approve")
    device.refresh_from_db()
    assert not device.is_active
    assert not Task.objects.filter(status="open").exists()
    assert services.due_tasks_raise(today=timezone.localdate() + dt.timedelta(days=400)) == 0


def test_a_monthly_plan_keeps_to_the_31st(world):
    item = equipment(world, code="EQ-M")
    services.maintenance_plan_save(
        data={
            "equipment": item,
            "kind": "maintenance",
            "title": "月度保养",
            "recurrence": "monthly",
            "next_due": D(2026, 1, 31),
        },
        user=world.safety_manager,
    )
    for today in (D(2026, 1, 31), D(2026, 2, 28), D(2026, 3, 31), D(2026, 4, 30)):
        services.due_tasks_raise(today=today)
    dues = sorted(Task.objects.filter(source_type__model="maintenanceplan").values_list("due_date", flat=True))
    assert dues == [D(2026, 1, 31), D(2026, 2, 28), D(2026, 3, 31), D(2026, 4, 30)]


def test_a_due_date_moved_by_hand_supersedes_the_old_task(world):
    item = crane(world, code="EQ-D", last=timezone.localdate() - dt.timedelta(days=700))
    services.due_tasks_raise(today=timezone.localdate())
    first = Task.objects.get(source_type__model="equipment", source_id=item.pk)
    services.equipment_save(
        equipment=item,
        data={"next_inspection_due": timezone.localdate() + dt.timedelta(days=10)},
        user=world.safety_manager,
    )
    services.due_tasks_raise(today=timezone.localdate())
    first.refresh_from_db()
    assert first.status == "cancelled"
    assert Task.objects.filter(source_type__model="equipment", source_id=item.pk, status="open").count() == 1


def test_a_head_cannot_fit_a_device_to_another_departments_equipment(world):
    other = equipment(world, code="EQ-B", department=world.dept_b)
    with pytest.raises(PermissionDenied, match="may change its equipment"):
        services.device_save(
            data={
                "code": "PG-1",
                "name": "压力表",
                "kind": "pressure_gauge",
                "equipment": other,
                "department": world.dept_a,
                "cycle_months": 6,
            },
            user=world.head_a,
        )
