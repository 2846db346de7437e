"""Compliance per person and per department, plans approved by sign-off, the evidence."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from apps.core.exceptions import ApplicationError
from apps.org import services as org_services
from apps.org.models import Employee
from apps.scoring import registry
from apps.training import evidence, selectors, services
from apps.training.models import PlanStatus, RuleSet
from apps.workflow import services as workflow
from tests.training.factories import attend, make_course, make_session

pytestmark = pytest.mark.usefixtures("english")

AS_OF = dt.date(2026, 6, 30)


def _row(world, employee, as_of=AS_OF):
    rows = selectors.compliance(Employee.objects.filter(pk=employee.pk), as_of=as_of)
    return rows[0]


@pytest.fixture
def worker(world):
    return Employee.objects.get(user=world.employee_a)


def _induct(world, people, *, on=dt.date(2020, 3, 2), hours=(16, 16, 8)):
    for level, h in zip(("company", "workshop", "team"), hours, strict=True):
        session = make_session(user=world.safety_manager, department=world.dept_a, level=level, on=on, hours=h)
        attend(session, people, user=world.safety_manager)


def test_a_worker_short_of_hours_is_listed_with_the_shortfall(world, worker):
    _induct(world, [worker], hours=(16, 8, 8))
    refresher = make_session(user=world.safety_manager, department=world.dept_a, on=AS_OF, hours=6)
    attend(refresher, [worker], user=world.safety_manager)
    row = _row(world, worker)
    assert (row.initial_hours, row.initial_required, row.initial_short) == (32, 40, 8)
    assert (row.annual_hours, row.annual_required, row.annual_short) == (6, 16, 10)
    assert row.induction_complete and not row.is_compliant
    last_year = make_session(user=world.safety_manager, department=world.dept_a, on=dt.date(2025, 12, 31), hours=8)
    attend(last_year, [worker], user=world.safety_manager)
    assert _row(world, worker).annual_hours == 6  # last year's hours do not count


def test_the_national_rule_set_and_the_high_risk_flag_change_the_requirement(world, worker):
    services.settings_update(data={"ruleset": RuleSet.objects.get(code="national")}, user=world.safety_manager)
    row = _row(world, worker)
    assert (row.initial_required, row.annual_required) == (24, 8)
    org_services.company_update(data={"name": "测试公司", "is_high_risk": True}, user=None)
    row = _row(world, worker)
    assert (row.initial_required, row.annual_required) == (72, 20)
    worker.is_principal_head = True
    worker.save()
    assert (_row(world, worker).initial_required, _row(world, worker).annual_required) == (48, 16)


def test_edited_rule_rows_apply(world, worker):
    row = RuleSet.objects.get(code="default").rows.get(role="worker", high_risk=False)
    services.ruleset_row_update(row=row, data={"annual_hours": 24}, user=world.safety_manager)
    assert _row(world, worker).annual_required == 24
    with pytest.raises(PermissionDenied, match="Only a safety manager may change this"):
        services.ruleset_row_update(row=row, data={"annual_hours": 1}, user=world.leader)


def test_new_hires_are_held_to_initial_hours_only_this_year(world, worker):
    worker.hire_date = dt.date(2026, 2, 1)
    worker.save()
    assert _row(world, worker).annual_required == 0


def test_induction_needs_all_three_levels_passed_and_again_after_a_post_change(world, worker):
    _induct(world, [worker])
    assert _row(world, worker).induction_complete
    failed = make_session(user=world.safety_manager, department=world.dept_a, level="team", on=dt.date(2026, 5, 1))
    services.reinduction_create(
        data={"employee": worker, "reason": "post_change", "since": dt.date(2026, 4, 1)}, user=world.head_a
    )
    row = _row(world, worker)
    assert row.induction_missing == ["workshop", "team"]
    attend(failed, [worker], user=world.safety_manager, passed=False)
    assert _row(world, worker).induction_missing == ["workshop", "team"]
    workshop = make_session(
        user=world.safety_manager, department=world.dept_a, level="workshop", on=dt.date(2026, 5, 2)
    )
    team = make_session(user=world.safety_manager, department=world.dept_a, level="team", on=dt.date(2026, 5, 3))
    attend(workshop, [worker], user=world.safety_manager)
    attend(team, [worker], user=world.safety_manager)
    assert _row(world, worker).induction_complete


def test_compliance_is_scoped_and_filtered_by_department(world):
    rows = selectors.compliance_rows(user=world.head_a, as_of=AS_OF)
    assert {r.name for r in rows} == {"张敏", "李强", "赵磊"}
    rows = selectors.compliance_rows(user=world.leader, filters={"department": world.team_a.pk})
    assert {r.name for r in rows} == {"赵磊"}
    assert [r.name for r in selectors.compliance_rows(user=world.employee_a)] == ["赵磊"]
    departments = selectors.by_department(selectors.compliance_rows(user=world.safety_manager))
    assert sum(d.people for d in departments) == 5 and all(d.hours_ok == 0 for d in departments)


def test_the_compliance_page_lists_who_is_short_and_by_how_much(world, client_for, worker):
    _induct(world, [worker], on=dt.date(2020, 1, 1), hours=(16, 16, 4))
    html = client_for("head_a").get("/training/compliance/").content.decode()
    assert "赵磊" in html and "何静" not in html
    assert 'data-testid="initial-short">−4' in html


def _plan(world, *, user=None):
    course = make_course(user=world.safety_manager)
    plan = services.plan_create(data={"department": world.dept_a, "year": 2026}, user=user or world.head_a)
    item = services.plan_item_save(plan=plan, data={"course": course, "month": 3}, user=user or world.head_a)
    return plan, item


def test_a_plan_is_approved_by_leadership_sign_off(world):
    plan, item = _plan(world)
    assert item.hours == Decimal(8)  # from the course
    with pytest.raises(ApplicationError, match="Add the planned courses"):
        services.plan_submit(
            plan=services.plan_create(data={"department": world.dept_a, "year": 2027}, user=world.head_a),
            user=world.head_a,
        )
    plan = services.plan_submit(plan=plan, user=world.head_a)
    assert plan.status == PlanStatus.SUBMITTED
    with pytest.raises(ApplicationError, match="it can no longer be changed"):
        services.plan_item_save(plan=plan, data={"course": item.course, "month": 4}, user=world.head_a)
    with pytest.raises(PermissionDenied, match="Only leadership may sign off"):
        workflow.task_sign_off(task=plan.approval_task, user=world.head_a, decision="approve")
    workflow.task_sign_off(task=plan.approval_task, user=world.leader, decision="approve")
    plan.refresh_from_db()
    assert plan.status == PlanStatus.APPROVED and plan.approved_at is not None


def test_a_rejected_plan_can_be_changed_and_resubmitted(world):
    plan, item = _plan(world)
    plan = services.plan_submit(plan=plan, user=world.head_a)
    workflow.task_sign_off(
        task=plan.approval_task, user=world.leader, decision="reject", comment="补充特种作业复审培训"
    )
    plan.refresh_from_db()
    assert plan.status == PlanStatus.REJECTED and plan.approval_task is None
    services.plan_item_save(plan=plan, data={"course": item.course, "month": 9}, user=world.head_a)
    assert services.plan_submit(plan=plan, user=world.head_a).status == PlanStatus.SUBMITTED


def test_heads_plan_only_their_departments(world):
    with pytest.raises(PermissionDenied, match="Only a head of the department"):
        services.plan_create(data={"department": world.dept_b, "year": 2026}, user=world.head_a)


def test_plan_completion_counts_items_held(world):
    plan, item = _plan(world)
    services.plan_item_save(plan=plan, data={"course": item.course, "month": 11}, user=world.head_a)
    plan = services.plan_submit(plan=plan, user=world.head_a)
    workflow.task_sign_off(task=plan.approval_task, user=world.leader, decision="approve")
    assert selectors.plan_completion(as_of=AS_OF) == (0, 1)  # the November item is not due
    make_session(user=world.head_a, department=world.dept_a, on=dt.date(2026, 3, 20), plan_item=item)
    assert selectors.plan_completion(as_of=AS_OF) == (1, 1)
    listed = selectors.plan_list(user=world.head_a, as_of=AS_OF).get(pk=plan.pk)
    assert (listed.planned, listed.held) == (2, 1)


def test_the_evidence_provider_gives_the_four_indicators(world, worker, django_assert_max_num_queries):
    _induct(world, [worker])
    with django_assert_max_num_queries(10):
        found = {i.key: i for i in evidence.provider(AS_OF)}
    assert set(found) == {
        "training.annual_hours_compliance",
        "training.induction_complete_rate",
        "training.certificates_valid_rate",
        "training.plan_completion_rate",
    }
    assert found["training.induction_complete_rate"].value == Decimal("20.0")  # 1 of 5
    # Mid-year only the initial hours are judged: the inducted worker meets theirs.
    assert found["training.annual_hours_compliance"].value == Decimal("20.0")
    assert "in progress" in found["training.annual_hours_compliance"].label
    assert found["training.certificates_valid_rate"].value is None  # no certificates
    assert all(i.element == 5 and i.unit == "%" and i.url for i in found.values())
    assert "training.plan_completion_rate" in registry.indicators(AS_OF)


def test_after_a_repeated_induction_only_the_new_hours_count_toward_initial(world, worker):
    _induct(world, [worker], on=dt.date(2020, 3, 2), hours=(16, 16, 16))
    assert _row(world, worker).initial_hours == 48
    services.reinduction_create(
        data={"employee": worker, "reason": "return", "since": dt.date(2026, 4, 1)}, user=world.head_a
    )
    for level, day in (("workshop", 4), ("team", 5)):  # the two levels repeated: 2 h
        again = make_session(
            user=world.safety_manager, department=world.dept_a, level=level, on=dt.date(2026, 5, day), hours=1
        )
        attend(again, [worker], user=world.safety_manager)
    row = _row(world, worker)
    assert (row.initial_hours, row.initial_required, row.initial_short) == (2, 40, 38)
    assert row.induction_complete and not row.hours_ok and not row.is_compliant
    # Before the repeated induction took effect the old hours still counted.
    assert _row(world, worker, as_of=dt.date(2026, 3, 31)).initial_hours == 48


def test_a_principal_heads_external_qualification_course_is_initial_training(world, worker):
    course = make_session(
        user=world.safety_manager, department=world.dept_a, level="external", on=dt.date(2025, 9, 1), hours=32
    )
    attend(course, [worker], user=world.safety_manager)
    assert _row(world, worker).initial_hours == 0  # other staff: induction only
    worker.is_principal_head = True
    worker.save()
    row = _row(world, worker)
    assert (row.initial_hours, row.initial_required, row.initial_short) == (32, 32, 0)
    worker.is_principal_head, worker.is_safety_manager = False, True
    worker.save()
    assert _row(world, worker).initial_short == 0


def test_shortening_a_session_caps_the_hours_credited(world, worker):
    head = Employee.objects.get(user=world.head_a)
    session = make_session(user=world.safety_manager, department=world.dept_a, hours=8, on=dt.date(2026, 3, 2))
    attend(session, [worker], user=world.safety_manager)
    attend(session, [head], user=world.safety_manager, hours_credited=Decimal(3))
    services.session_update(session=session, data={"hours": Decimal(4)}, user=world.head_a)
    credited = dict(session.attendances.values_list("employee_id", "hours_credited"))
    assert credited == {worker.pk: 4, head.pk: 3}
    assert _row(world, worker).annual_hours == 4
    capped = session.attendances.get(employee=worker)
    assert capped.history.first().history_user == world.head_a  # the correction is audited
