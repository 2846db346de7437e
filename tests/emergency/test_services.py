import datetime as dt

import pytest
import time_machine
from dateutil.relativedelta import relativedelta
from django.core.exceptions import PermissionDenied, ValidationError

from apps.core.exceptions import ApplicationError
from apps.emergency import evidence, services, tasks
from apps.emergency.models import DrillPlanStatus, Plan
from apps.org import services as org_services
from apps.workflow import selectors as workflow_selectors
from apps.workflow import services as workflow
from apps.workflow.models import Notification, Task, TaskStatus
from tests.emergency import factories
from tests.helpers import reminded

D = dt.date

pytestmark = pytest.mark.usefixtures("english")


def _at(day: dt.date):
    return time_machine.travel(dt.datetime.combine(day, dt.time(9)), tick=False)


def _indicators(as_of):
    return {i.key: i for i in evidence.provider(as_of)}


@_at(D(2026, 3, 1))
def test_a_drill_moves_the_next_due_date_by_the_plan_frequency(world):
    onsite = factories.plan(world, kind="onsite", published_on=D(2025, 8, 31))
    assert onsite.next_drill_due == D(2026, 2, 28)  # never drilled: due after publication
    drill = factories.drill(world, onsite, held_on=D(2026, 2, 20))
    onsite.refresh_from_db()
    assert drill.due_on == D(2026, 2, 28) and drill.on_time
    assert onsite.last_drill_on == D(2026, 2, 20)
    assert onsite.next_drill_due == D(2026, 8, 20)


def _company_drill_history(world):
    """A comprehensive plan never drilled, a specialist plan drilled once in 2024 and once in 2025,
    an on-site plan drilled each half of 2025: the company meets 第三十三条 for 2025."""
    factories.plan(world, code="YA-ZH", kind="comprehensive", published_on=D(2024, 1, 10))
    specialist = factories.plan(world, code="YA-ZX", kind="specialist", published_on=D(2024, 1, 10))
    onsite = factories.plan(world, code="YA-XC", kind="onsite", published_on=D(2025, 1, 5))
    with _at(D(2025, 12, 31)):
        factories.drill(world, specialist, held_on=D(2024, 6, 1))
        factories.drill(world, specialist, held_on=D(2025, 2, 1))
        factories.drill(world, onsite, held_on=D(2025, 6, 30))
        factories.drill(world, onsite, held_on=D(2025, 7, 1))
    return specialist


@pytest.mark.parametrize(
    ("as_of", "unit_kind", "missed"),
    [
        (D(2025, 12, 31), "", 0),
        # The comprehensive plan was never drilled, yet the year is met: one specialist drill.
        (D(2026, 1, 1), "", 0),
        (D(2026, 6, 30), "", 0),
        # No on-site drill in the first half of 2026.
        (D(2026, 7, 1), "", 1),
        # A unit of 708号 第八条: each half-year wants a comprehensive or specialist drill too; the
        # second half of 2024 had none (and leaves the 12 months on 1 January 2026), nor had 2025's.
        (D(2025, 12, 31), "mine", 1),
        (D(2026, 1, 1), "mine", 1),
        (D(2026, 7, 1), "mine", 3),
    ],
)
def test_the_drill_obligation_is_the_companys_in_the_evidence(world, as_of, unit_kind, missed):
    _company_drill_history(world)
    org_services.company_update(data={"name": "测试公司", "emergency_unit_kind": unit_kind}, user=world.safety_manager)
    indicator = _indicators(as_of)["emergency.drills_due"]
    assert indicator.value == missed and indicator.ok is (missed == 0)
    assert indicator.url == "/emergency/drills/overdue/"


def test_the_overdue_page_lists_the_obligations_missed_not_the_plans(world, client_for):
    _company_drill_history(world)
    with _at(D(2026, 1, 1)):
        page = client_for("head_a").get("/emergency/drills/overdue/").content.decode()
        assert 'data-testid="obligation-missed"' not in page and "YA-ZH" not in page
        assert "overdue-alert" not in client_for("head_a").get("/emergency/drills/").content.decode()
    with _at(D(2026, 7, 1)):
        page = client_for("head_a").get("/emergency/drills/overdue/").content.decode()
        assert page.count('data-testid="obligation-missed"') == 1 and "2026-01-01 – 2026-06-30" in page
        assert 'data-testid="overdue-alert"' in client_for("head_a").get("/emergency/drills/").content.decode()


def test_becoming_a_unit_of_article_8_redates_the_plans_drills(world):
    specialist = _company_drill_history(world)
    assert Plan.objects.get(pk=specialist.pk).next_drill_due == D(2026, 2, 1)
    org_services.company_update(
        data={"name": "测试公司", "emergency_unit_kind": "construction"}, user=world.safety_manager
    )
    assert Plan.objects.get(pk=specialist.pk).next_drill_due == D(2025, 8, 1)
    assert specialist.drills.get(held_on=D(2025, 2, 1)).due_on == D(2024, 12, 1)
    org_services.company_update(data={"emergency_unit_kind": ""}, user=world.safety_manager)
    assert Plan.objects.get(pk=specialist.pk).next_drill_due == D(2026, 2, 1)


def test_the_drill_reminder_is_raised_once_ahead_and_once_when_overdue(world):
    specialist = factories.plan(world, published_on=D(2024, 1, 10))  # due 2025-01-10
    messages = Notification.objects.filter(url=specialist.get_absolute_url(), message__contains="Drill")
    with _at(D(2024, 12, 20)):  # within 30 days of the due date
        tasks.send_emergency_reminders()
        tasks.send_emergency_reminders()
    assert messages.filter(recipient=world.head_a).count() == 1
    assert messages.filter(recipient=world.safety_manager).count() == 1
    with _at(D(2025, 2, 1)):
        tasks.send_emergency_reminders()
        tasks.send_emergency_reminders()
    assert messages.filter(recipient=world.head_a).count() == 2
    assert messages.filter(recipient=world.head_a, message__contains="overdue").count() == 1
    # A drill gives a new due date, reminded once again when it comes near and once when late.
    with _at(D(2025, 2, 1)):
        factories.drill(world, specialist, held_on=D(2025, 2, 1))
    with _at(D(2026, 1, 15)):
        tasks.send_emergency_reminders()
        tasks.send_emergency_reminders()
    assert messages.filter(recipient=world.head_a).count() == 3
    with _at(D(2026, 2, 2)):
        tasks.send_emergency_reminders()
        tasks.send_emergency_reminders()
    assert messages.filter(recipient=world.head_a, message__contains="overdue").count() == 2


def test_an_overdue_drill_not_reminded_ahead_is_reminded_once(world):
    specialist = factories.plan(world, published_on=D(2024, 1, 10))  # due 2025-01-10
    with _at(D(2025, 2, 1)):
        tasks.send_emergency_reminders()
        tasks.send_emergency_reminders()
    messages = Notification.objects.filter(
        recipient=world.head_a, message__contains="Drill", url=specialist.get_absolute_url()
    )
    assert [m.message.split(":")[0] for m in messages] == [f"Drill overdue for {specialist}"]


def test_the_evaluation_reminder_is_raised_once_ahead_and_once_when_overdue(world):
    the_plan = factories.plan(world, published_on=D(2022, 5, 1))  # evaluation due 2025-05-01
    messages = Notification.objects.filter(
        recipient=world.head_a, message__contains="valuation", url=the_plan.get_absolute_url()
    )
    with _at(D(2025, 4, 1)):
        tasks.send_emergency_reminders()
        tasks.send_emergency_reminders()
    assert messages.count() == 1
    with _at(D(2025, 5, 2)):
        tasks.send_emergency_reminders()
        tasks.send_emergency_reminders()
    assert messages.count() == 2
    assert messages.filter(message__contains="overdue").count() == 1


@_at(D(2025, 3, 1))
def test_a_plan_not_filed_in_20_working_days_is_reminded_once(world):
    late = factories.plan(world, code="YA-LATE", published_on=D(2025, 1, 6))  # due 2025-02-03
    factories.plan(world, code="YA-NEW", published_on=D(2025, 2, 20))  # due 2025-03-20
    assert late.is_filing_overdue
    services.emergency_reminders_send()
    services.emergency_reminders_send()
    filing = Notification.objects.filter(recipient=world.head_a, message__contains="not filed")
    assert [n.message.split()[0] for n in filing] == ["YA-LATE"]
    services.plan_file(
        plan=late, user=world.safety_manager, filed_on=D(2025, 2, 28), filing_number="苏应急预备〔2025〕01"
    )
    assert _indicators(D(2025, 3, 1))["emergency.plans_filed_rate"].value == 50


@_at(D(2025, 3, 1))
def test_filing_needs_a_number_and_a_date_not_in_the_future(world):
    the_plan = factories.plan(world)
    with pytest.raises(ApplicationError, match="Filing number"):
        services.plan_file(plan=the_plan, user=world.safety_manager, filed_on=D(2025, 2, 1), filing_number=" ")
    with pytest.raises(ApplicationError, match="Filing date cannot be in the future"):
        services.plan_file(plan=the_plan, user=world.safety_manager, filed_on=D(2025, 3, 2), filing_number="1")
    with pytest.raises(PermissionDenied, match="Only a safety manager may change emergency plans"):
        services.plan_file(plan=the_plan, user=world.head_a, filed_on=D(2025, 2, 1), filing_number="1")


@_at(D(2026, 6, 1))
def test_an_evaluation_with_a_revision_gives_the_plan_its_new_version(world):
    the_plan = factories.plan(world, published_on=D(2022, 5, 1))
    assert the_plan.is_evaluation_overdue  # 3 years after publication
    assert _indicators(D(2026, 6, 1))["emergency.evaluations_overdue"].value == 1
    with pytest.raises(ApplicationError, match="Revision: a plan to be revised needs the revision made"):
        services.plan_evaluate(plan=the_plan, user=world.safety_manager, evaluated_on=D(2026, 5, 1), result="revise")
    services.plan_evaluate(
        plan=the_plan,
        user=world.safety_manager,
        evaluated_on=D(2026, 5, 1),
        result="revise",
        revision="更新通讯录",
        new_version="2.0",
    )
    the_plan.refresh_from_db()
    assert the_plan.version == "2.0" and the_plan.last_evaluated_on == D(2026, 5, 1)
    assert not the_plan.is_evaluation_overdue
    figures = _indicators(D(2026, 6, 1))
    assert figures["emergency.evaluations_overdue"].value == 0
    assert figures["emergency.evaluations_current_rate"].value == 100


def test_drill_problems_become_tasks_in_the_owning_departments_inboxes(world, client_for):
    the_plan = factories.plan(world, department=world.root, kind="comprehensive")
    with _at(D(2025, 6, 1)):
        drill = factories.drill(world, the_plan, held_on=D(2025, 5, 20), department=world.root)
        services.drill_evaluate(
            drill=drill,
            user=world.safety_manager,
            evaluated_on=D(2025, 5, 25),
            worked_well="报警及时",
            problems_found="通讯录过期；集合点不清",
            improvements=[
                {"description": "更新车间应急通讯录", "department": world.dept_a, "due_date": D(2025, 6, 30)},
                {"description": "标出装配车间集合点", "department": world.dept_b, "due_date": D(2025, 7, 15)},
            ],
        )
    head_a_todo = workflow_selectors.inbox(user=world.head_a)["to_do"]
    assert len([t for t in head_a_todo if "通讯录" in t.title]) == 1
    assert not [t for t in head_a_todo if "集合点" in t.title]
    assert "标出装配车间集合点" in client_for("outsider").get("/inbox/").content.decode()
    assert "更新车间应急通讯录" in client_for("head_a").get("/inbox/").content.decode()
    assert _indicators(D(2025, 6, 1))["emergency.improvements_closed_rate"].value == 0
    # Closed by the department's own sign-off; closed as of the day it was signed off.
    task = Task.objects.get(title__contains="通讯录")
    with _at(D(2025, 7, 1)):
        workflow.task_submit(task=task, user=world.head_a, note="已更新")
        workflow.task_sign_off(task=task, user=world.safety_manager, decision="approve")
    assert _indicators(D(2025, 6, 30))["emergency.improvements_closed_rate"].value == 0
    assert _indicators(D(2025, 7, 1))["emergency.improvements_closed_rate"].value == 50
    # Work no longer needed is left out from the day it was cancelled.
    with _at(D(2025, 7, 10)):
        workflow.task_cancel(
            task=Task.objects.get(title__contains="集合点"), user=world.safety_manager, reason="车间合并"
        )
    assert _indicators(D(2025, 7, 9))["emergency.improvements_closed_rate"].value == 50
    assert _indicators(D(2025, 8, 1))["emergency.improvements_closed_rate"].value == 100


@_at(D(2025, 6, 1))
def test_a_head_raises_improvements_only_for_departments_they_head(world):
    the_plan = factories.plan(world)
    drill = factories.drill(world, the_plan, held_on=D(2025, 5, 20), user=world.head_a)
    with pytest.raises(ApplicationError, match="you may raise improvements only for departments you head"):
        services.improvement_raise(
            drill=drill, user=world.head_a, description="x", department=world.dept_b, due_date=D(2025, 6, 30)
        )
    services.improvement_raise(
        drill=drill, user=world.head_a, description="x", department=world.team_a, due_date=D(2025, 6, 30)
    )
    assert Task.objects.filter(department=world.team_a, status=TaskStatus.OPEN).count() == 1


@_at(D(2025, 6, 1))
def test_the_outsider_cannot_record_a_drill_for_another_department(world):
    the_plan = factories.plan(world)
    with pytest.raises(PermissionDenied, match="Only a safety manager or the department's head"):
        factories.drill(world, the_plan, held_on=D(2025, 5, 1), user=world.outsider)
    with pytest.raises(ApplicationError, match="Drill date cannot be in the future"):
        factories.drill(world, the_plan, held_on=D(2025, 6, 2))


@_at(D(2025, 6, 1))
def test_the_yearly_drill_plan_is_approved_by_leadership_sign_off(world):
    the_plan = factories.plan(world)
    drill_plan = services.drill_plan_create(data={"department": world.dept_a, "year": 2025}, user=world.head_a)
    with pytest.raises(ApplicationError, match="add at least one planned drill"):
        services.drill_plan_submit(drill_plan=drill_plan, user=world.head_a)
    services.drill_plan_item_add(
        drill_plan=drill_plan, user=world.head_a, data={"plan": the_plan, "month": 9, "kind": "tabletop"}
    )
    drill_plan = services.drill_plan_submit(drill_plan=drill_plan, user=world.head_a)
    assert drill_plan.status == DrillPlanStatus.SUBMITTED
    with pytest.raises(PermissionDenied, match="Only leadership may sign off this task"):
        workflow.task_sign_off(task=drill_plan.approval_task, user=world.head_a, decision="approve")
    workflow.task_sign_off(task=drill_plan.approval_task, user=world.leader, decision="approve")
    drill_plan.refresh_from_db()
    assert drill_plan.status == DrillPlanStatus.APPROVED and drill_plan.approved_at
    with pytest.raises(ApplicationError, match="“Approved”: it can no longer be changed"):
        services.drill_plan_item_add(
            drill_plan=drill_plan, user=world.head_a, data={"plan": the_plan, "month": 10, "kind": "tabletop"}
        )


@_at(D(2025, 6, 1))
def test_a_supply_check_sets_the_stock_and_the_next_check_and_flags_are_kept(world):
    kit = factories.supply(
        world, name="急救箱", expires_on=D(2025, 5, 31), required_quantity=3, quantity=3, last_checked_on=D(2025, 4, 1)
    )
    assert kit.next_check_due == D(2025, 5, 1) and kit.is_check_overdue and kit.is_expired
    factories.supply(world, name="灭火器", expires_on=D(2027, 1, 1))
    assert _indicators(D(2025, 6, 1))["emergency.supplies_in_date_rate"].value == 50
    services.supply_check(
        supply=kit, user=world.head_a, checked_on=D(2025, 6, 1), quantity_found=2, expires_on=D(2027, 6, 1)
    )
    kit.refresh_from_db()
    assert kit.quantity == 2 and kit.is_missing and not kit.is_expired
    shortfall = Notification.objects.filter(recipient=world.safety_manager, url=kit.get_absolute_url())
    assert shortfall.count() == 1
    assert kit.next_check_due == D(2025, 7, 1)
    assert _indicators(D(2025, 6, 1))["emergency.supplies_in_date_rate"].value == 100
    with pytest.raises(PermissionDenied, match="Only a safety manager or the department's head"):
        services.supply_check(supply=kit, user=world.outsider, checked_on=D(2025, 6, 1), quantity_found=1)


@_at(D(2025, 6, 1))
def test_supply_reminders_are_raised_once_per_date(world):
    factories.supply(world, name="急救箱", expires_on=D(2025, 6, 5))
    services.emergency_reminders_send()
    services.emergency_reminders_send()
    assert Notification.objects.filter(recipient=world.head_a, message__contains="急救箱").count() == 1


@_at(D(2025, 6, 1))
def test_a_supply_expiring_and_due_for_a_check_is_reminded_of_each_once(world):
    factories.supply(world, name="呼吸器", expires_on=D(2025, 6, 5), last_checked_on=D(2025, 5, 3))
    services.emergency_reminders_send()
    services.emergency_reminders_send()
    messages = Notification.objects.filter(recipient=world.head_a, message__contains="呼吸器")
    # Stored texts (apps/core/text.py): the date is a parameter, read in the rendered text.
    texts = [str(m.message) for m in messages]
    assert sum("expires on 2025-06-05" in t for t in texts) == 1
    assert sum("check by 2025-06-03" in t for t in texts) == 1


def test_without_records_every_indicator_has_no_value(world):
    figures = _indicators(D(2025, 6, 1))
    assert set(figures) >= {
        "emergency.plans_filed_rate",
        "emergency.evaluations_current_rate",
        "emergency.evaluations_overdue",
        "emergency.drills_due",
        "emergency.drills_on_time_rate",
        "emergency.supplies_in_date_rate",
        "emergency.improvements_closed_rate",
        "emergency.drills_on_time_rate.comprehensive",
        "emergency.drills_on_time_rate.specialist",
        "emergency.drills_on_time_rate.onsite",
    }
    assert all(i.value is None for i in figures.values())
    assert all(i.element == 11 for i in figures.values())


def test_drills_on_time_rate_counts_drills_held_by_their_due_date(world):
    onsite = factories.plan(world, kind="onsite", published_on=D(2024, 1, 10))  # due 2024-07-10
    with _at(D(2025, 6, 1)):
        factories.drill(world, onsite, held_on=D(2024, 9, 1))  # late; next due 2025-03-01
        factories.drill(world, onsite, held_on=D(2025, 2, 1))  # on time
    assert _indicators(D(2025, 6, 1))["emergency.drills_on_time_rate"].value == 50
    assert Plan.objects.get().next_drill_due == D(2025, 8, 1)


def test_drills_on_time_rate_per_plan_kind(world):
    onsite = factories.plan(world, kind="onsite", published_on=D(2024, 1, 10))  # due 2024-07-10
    yearly = factories.plan(world, code="YA-2", kind="comprehensive", published_on=D(2024, 1, 10))
    with _at(D(2025, 6, 1)):
        factories.drill(world, onsite, held_on=D(2024, 9, 1))  # late
        factories.drill(world, yearly, held_on=D(2024, 12, 1))  # on time
    figures = _indicators(D(2025, 6, 1))
    assert figures["emergency.drills_on_time_rate"].value == 50
    assert figures["emergency.drills_on_time_rate.onsite"].value == 0
    assert figures["emergency.drills_on_time_rate.onsite"].ok is False
    assert figures["emergency.drills_on_time_rate.comprehensive"].value == 100
    assert figures["emergency.drills_on_time_rate.specialist"].value is None


def test_the_reminders_run_daily_from_beat(settings):
    tasks_in_beat = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "apps.emergency.tasks.send_emergency_reminders" in tasks_in_beat


def test_a_plan_with_an_unknown_kind_or_no_evaluation_interval_is_refused_by_field(world):
    with pytest.raises(ValidationError, match="Value 'seasonal' is not a valid choice") as error:
        factories.plan(world, kind="seasonal")
    assert "kind" in error.value.message_dict
    with pytest.raises(ValidationError, match="greater than or equal to 1") as error:
        factories.plan(world, code="YA-0", evaluation_interval_years=0)
    assert "evaluation_interval_years" in error.value.message_dict


@pytest.mark.parametrize(
    ("held", "due"),
    [
        # Entered out of order: each drill is due a frequency after the one before it.
        ([D(2025, 2, 1), D(2024, 6, 1)], {D(2024, 6, 1): D(2024, 7, 10), D(2025, 2, 1): D(2024, 12, 1)}),
        ([D(2024, 6, 1), D(2025, 2, 1)], {D(2024, 6, 1): D(2024, 7, 10), D(2025, 2, 1): D(2024, 12, 1)}),
        (
            [D(2025, 2, 1), D(2024, 9, 1), D(2024, 6, 1)],
            {D(2024, 6, 1): D(2024, 7, 10), D(2024, 9, 1): D(2024, 12, 1), D(2025, 2, 1): D(2025, 3, 1)},
        ),
    ],
)
def test_a_backdated_drill_takes_its_due_date_from_the_drill_before_and_moves_the_later_ones(world, held, due):
    onsite = factories.plan(world, kind="onsite", published_on=D(2024, 1, 10))  # due 2024-07-10
    with _at(D(2025, 6, 1)):
        for day in held:
            factories.drill(world, onsite, held_on=day)
    assert {d.held_on: d.due_on for d in onsite.drills.all()} == due
    onsite.refresh_from_db()
    assert onsite.last_drill_on == max(held)
    assert onsite.next_drill_due == max(held) + relativedelta(months=6)


@_at(D(2025, 6, 1))
def test_a_backdated_supply_check_is_kept_in_the_history_without_changing_the_item(world):
    kit = factories.supply(
        world, name="急救箱", quantity=5, required_quantity=5, expires_on=D(2026, 1, 1), last_checked_on=D(2025, 5, 20)
    )
    check = services.supply_check(
        supply=kit, user=world.head_a, checked_on=D(2025, 4, 1), quantity_found=2, expires_on=D(2025, 9, 1)
    )
    kit.refresh_from_db()
    assert check.pk and kit.checks.count() == 1
    assert (kit.quantity, kit.last_checked_on, kit.next_check_due, kit.expires_on) == (
        5,
        D(2025, 5, 20),
        D(2025, 6, 20),
        D(2026, 1, 1),
    )
    # The same day as the last check, or later, is the current state.
    services.supply_check(supply=kit, user=world.head_a, checked_on=D(2025, 5, 20), quantity_found=4)
    kit.refresh_from_db()
    assert kit.quantity == 4


def _filed(world, **data):
    the_plan = factories.plan(world, published_on=D(2025, 1, 6), **data)
    services.plan_file(
        plan=the_plan, user=world.safety_manager, filed_on=D(2025, 1, 20), filing_number="苏应急预备〔2025〕01"
    )
    workflow.reminder_claim(subject=the_plan, kind="filing_overdue", due=the_plan.filing_due)
    return the_plan


def _filing(the_plan):
    the_plan.refresh_from_db()
    filing_reminded = reminded(the_plan, "filing_overdue") == the_plan.filing_due
    return the_plan.filed_on, the_plan.filing_number, filing_reminded


@_at(D(2025, 6, 1))
def test_a_republished_plan_must_be_filed_again_and_the_old_filing_stays_in_the_history(world):
    the_plan = _filed(world)
    services.emergency_plan_save(plan=the_plan, data={"title": "新标题"}, user=world.safety_manager)
    assert _filing(the_plan) == (D(2025, 1, 20), "苏应急预备〔2025〕01", True)
    services.emergency_plan_save(plan=the_plan, data={"published_on": D(2025, 5, 6)}, user=world.safety_manager)
    assert _filing(the_plan) == (None, "", False)
    assert the_plan.history.filter(filing_number="苏应急预备〔2025〕01").exists()


@_at(D(2025, 6, 1))
@pytest.mark.parametrize(("result", "new_version", "cleared"), [("revise", "2.0", True), ("adequate", "", False)])
def test_a_revised_plan_must_be_filed_again(world, result, new_version, cleared):
    the_plan = _filed(world)
    services.plan_evaluate(
        plan=the_plan,
        user=world.safety_manager,
        evaluated_on=D(2025, 5, 1),
        result=result,
        revision="更新通讯录",
        new_version=new_version,
    )
    assert (_filing(the_plan)[0] is None) is cleared
    if cleared:
        assert _filing(the_plan) == (None, "", False)
        assert the_plan.history.filter(filed_on=D(2025, 1, 20), version="2.0").exists() is False
        assert the_plan.history.filter(filed_on=D(2025, 1, 20)).exists()


@_at(D(2025, 6, 1))
def test_the_filing_is_written_only_through_the_filing_with_its_checks(world):
    the_plan = factories.plan(world, published_on=D(2025, 1, 6))
    services.emergency_plan_save(
        plan=the_plan, user=world.safety_manager, data={"filed_on": D(2024, 1, 1), "filing_number": " "}
    )
    assert _filing(the_plan)[:2] == (None, "")


@_at(D(2025, 3, 1))
def test_saving_a_plan_keeps_the_reminders_raised_meanwhile(world):
    the_plan = factories.plan(world, published_on=D(2024, 1, 10))
    stale = Plan.objects.get(pk=the_plan.pk)  # read before the reminders ran, as a form does
    services.emergency_reminders_send()
    services.emergency_plan_save(plan=stale, data={"title": "新标题"}, user=world.safety_manager)
    fresh = Plan.objects.get(pk=the_plan.pk)
    assert fresh.title == "新标题"
    assert reminded(fresh, "filing_overdue") == fresh.filing_due
    assert reminded(fresh, "drill_overdue") == D(2025, 1, 10)


def test_a_plan_changing_kind_or_publication_redates_its_drills(world):
    the_plan = factories.plan(world, kind="specialist", published_on=D(2024, 1, 10))
    with _at(D(2025, 6, 1)):
        factories.drill(world, the_plan, held_on=D(2024, 9, 1))
        services.emergency_plan_save(plan=the_plan, data={"kind": "onsite"}, user=world.safety_manager)
    drill = the_plan.drills.get()
    assert drill.due_on == D(2024, 7, 10) and not drill.on_time
    the_plan.refresh_from_db()
    assert the_plan.next_drill_due == D(2025, 3, 1)


@_at(D(2025, 6, 1))
def test_an_unfiled_plan_republished_is_reminded_of_its_new_filing_deadline(world):
    the_plan = factories.plan(world, published_on=D(2025, 1, 6))
    services.emergency_reminders_send()
    services.emergency_plan_save(plan=the_plan, data={"published_on": D(2025, 4, 1)}, user=world.safety_manager)
    assert _filing(the_plan) == (None, "", False)


@pytest.mark.parametrize(
    ("reported_on", "error"),
    [
        (D(2026, 3, 1), None),  # the day of the drill
        (D(2026, 3, 31), None),
        (D(2026, 2, 28), "a drill is reported after it is held"),
        (D(2026, 4, 2), "in the future"),
    ],
)
@_at(D(2026, 4, 1))
def test_a_drill_is_reported_to_the_authority_after_it_is_held(world, reported_on, error):
    drill = factories.drill(world, factories.plan(world, published_on=D(2026, 1, 5)), held_on=D(2026, 3, 1))
    if error is None:
        services.drill_report(drill=drill, user=world.head_a, reported_on=reported_on)
        drill.refresh_from_db()
        assert drill.reported_on == reported_on
    else:
        with pytest.raises(ApplicationError, match=error):
            services.drill_report(drill=drill, user=world.head_a, reported_on=reported_on)


@_at(D(2026, 4, 1))
def test_a_unit_of_article_8_sees_and_records_whether_a_drill_was_reported(world, client_for):
    drill = factories.drill(world, factories.plan(world, published_on=D(2026, 1, 5)), held_on=D(2026, 3, 1))
    client = client_for("head_a")
    url = f"/emergency/drills/{drill.pk}/"
    assert 'data-testid="drill-reported"' not in client.get(url).content.decode()
    org_services.company_update(data={"name": "测试公司", "emergency_unit_kind": "mine"}, user=world.safety_manager)
    page = client.get(url).content.decode()
    assert 'data-testid="drill-reported"' in page and "Not reported" in page
    assert client.post(f"{url}report/", {"reported_on": "2026-03-05"}).status_code == 302
    page = client.get(url).content.decode()
    assert "2026-03-05" in page and "Not reported" not in page
    assert client_for("outsider").post(f"{url}report/", {"reported_on": "2026-03-06"}).status_code in (403, 404)
    drill.refresh_from_db()
    assert drill.reported_on == D(2026, 3, 5)


@pytest.mark.parametrize(("unit_kind", "reminded_drills"), [("", set()), ("crowded_place", {"未报送演练"})])
def test_a_drill_not_reported_is_reminded_once_for_a_unit_of_article_8(world, unit_kind, reminded_drills):
    plan = factories.plan(world, published_on=D(2024, 1, 5))
    with _at(D(2026, 4, 1)):
        old = factories.drill(world, plan, held_on=D(2025, 3, 31), scenario="一年前演练")  # 366 days before
        unreported = factories.drill(world, plan, held_on=D(2026, 3, 1), scenario="未报送演练")
        reported = factories.drill(world, plan, held_on=D(2026, 3, 2), scenario="已报送演练")
        services.drill_report(drill=reported, user=world.head_a, reported_on=D(2026, 3, 3))
        factories.drill(world, plan, held_on=D(2026, 4, 1), scenario="今日演练")  # reminded from tomorrow
        org_services.company_update(
            data={"name": "测试公司", "emergency_unit_kind": unit_kind}, user=world.safety_manager
        )
        counts = [services.emergency_reminders_send()["reports"] for _ in range(2)]
    assert counts == [len(reminded_drills), 0]
    texts = [str(m.message) for m in Notification.objects.filter(recipient=world.head_a, message__contains="演练")]
    assert {
        d for d in ("一年前演练", "未报送演练", "已报送演练", "今日演练") if any(d in t for t in texts)
    } == reminded_drills
    assert all("not reported to the authority" in t for t in texts)
    if reminded_drills:
        assert reminded(unreported, "drill_unreported") == D(2026, 3, 1)
        assert reminded(old, "drill_unreported") is None
