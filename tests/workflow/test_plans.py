"""The one approvable-plan mechanism: submit raises a task, its sign-off decides the plan."""

from types import SimpleNamespace

import pytest
from django.apps import apps as django_apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied

from apps.core.exceptions import ApplicationError
from apps.org.models import Role
from apps.responsibility.models import DepartmentAssessment
from apps.training.models import TrainingPlan
from apps.workflow import services
from apps.workflow.models import PlanStatus, SignOff, Task, TaskStatus
from apps.workflow.plan_migrations import backfill_decisions

pytestmark = pytest.mark.usefixtures("english")


def _plan(world, year=2026) -> TrainingPlan:
    return TrainingPlan.objects.create(
        department=world.dept_a, year=year, title=f"{year} plan", created_by=world.head_a
    )


def _submit(world, plan, role=Role.LEADERSHIP):
    return services.plan_submit(plan=plan, user=world.head_a, title=f"Approve {plan}", approver_role=role)


def _tasks(plan):
    return Task.objects.filter(source_type=ContentType.objects.get_for_model(plan), source_id=plan.pk)


def test_submitting_raises_one_submitted_task_for_the_approver(world):
    plan = _submit(world, _plan(world))
    [task] = _tasks(plan)
    assert plan.status == PlanStatus.SUBMITTED and plan.approval_task == task
    assert task.status == TaskStatus.SUBMITTED and task.sign_off_role == Role.LEADERSHIP
    assert task.assignee == world.head_a and task.department == world.dept_a
    assert plan.submitted_by == world.head_a and plan.submitted_at == task.submitted_at
    assert not plan.is_editable and plan.decided_at is None


def test_approval_by_sign_off_approves_the_plan(world):
    plan = _submit(world, _plan(world))
    signoff = services.task_sign_off(task=plan.approval_task, user=world.leader, decision="approve")
    plan.refresh_from_db()
    assert plan.status == PlanStatus.APPROVED
    assert plan.decided_by == world.leader and plan.decided_at == signoff.signed_at
    assert plan.approved_at == signoff.signed_at and plan.approval_task == signoff.task
    with pytest.raises(ApplicationError, match="“Approved”: it can no longer be changed"):
        _submit(world, plan)


def test_a_rejected_plan_is_edited_and_resubmitted_with_a_new_task(world):
    plan = _submit(world, _plan(world))
    first = plan.approval_task
    services.task_sign_off(task=first, user=world.leader, decision="reject", comment="补充")
    plan.refresh_from_db()
    assert plan.status == PlanStatus.REJECTED and plan.is_editable
    assert plan.approval_task is None and plan.decided_by == world.leader
    assert plan.approved_at is None
    services.plan_require_editable(plan)  # the app may change it again
    plan = _submit(world, plan)
    assert plan.status == PlanStatus.SUBMITTED and plan.approval_task != first
    assert plan.decided_at is None and plan.decided_by is None
    assert _tasks(plan).count() == 2


def test_a_plan_cannot_be_submitted_twice(world):
    plan = _submit(world, _plan(world))
    with pytest.raises(ApplicationError, match="“Submitted for approval”: it can no longer be changed"):
        _submit(world, plan)
    assert _tasks(plan).count() == 1


def test_without_a_role_the_heads_of_the_department_approve(world):
    plan = _submit(world, _plan(world), role="")
    with pytest.raises(PermissionDenied, match="Only a head of the department"):
        services.task_sign_off(task=plan.approval_task, user=world.outsider, decision="approve")
    with pytest.raises(PermissionDenied, match="You submitted this task yourself"):
        services.task_sign_off(task=plan.approval_task, user=world.head_a, decision="approve")
    services.task_sign_off(task=plan.approval_task, user=world.safety_manager, decision="approve")
    plan.refresh_from_db()
    assert plan.status == PlanStatus.APPROVED and plan.decided_by == world.safety_manager


def test_the_approval_task_is_worked_only_through_the_plan(world):
    plan = _submit(world, _plan(world))
    with pytest.raises(ApplicationError, match="worked from the record that raised it"):
        services.task_update(task=plan.approval_task, data={"title": "x"}, user=world.head_a)


def test_a_sign_off_of_another_task_does_not_decide_the_plan(world):
    plan = _submit(world, _plan(world))
    stale = SimpleNamespace(task_id=plan.approval_task_id + 1, decision="approve")
    with pytest.raises(ApplicationError, match="This task no longer decides “2026 plan”"):
        services.plan_decide(plan=plan, signoff=stale)


def test_the_migration_fills_the_decisions_and_turns_old_returns_into_rejections(world):
    """An assessment rejected under the old flow was put back to draft with no task."""
    returned = DepartmentAssessment.objects.create(year=2025, department=world.dept_a)
    returned = services.plan_submit(plan=returned, user=world.safety_manager, title="a", approver_role=Role.LEADERSHIP)
    task = returned.approval_task
    services.task_sign_off(task=task, user=world.leader, decision="reject", comment="补充")
    approved = services.plan_submit(
        plan=DepartmentAssessment.objects.create(year=2025, department=world.dept_b),
        user=world.safety_manager,
        title="b",
        approver_role=Role.LEADERSHIP,
    )
    services.task_sign_off(task=approved.approval_task, user=world.leader, decision="approve")
    untouched = DepartmentAssessment.objects.create(year=2024, department=world.dept_a)
    # the old state: back to draft, and no submitter or decider recorded
    DepartmentAssessment.objects.filter(pk=returned.pk).update(status="draft")
    DepartmentAssessment.objects.update(submitted_at=None, submitted_by=None, decided_by=None)
    backfill_decisions("responsibility", "DepartmentAssessment")(django_apps, None)
    returned.refresh_from_db()
    assert returned.status == PlanStatus.REJECTED
    assert returned.submitted_by == world.safety_manager
    assert returned.decided_by == world.leader
    assert returned.decided_at == SignOff.objects.get(task=task).signed_at
    approved.refresh_from_db()
    assert approved.status == PlanStatus.APPROVED and approved.decided_by == world.leader
    assert approved.submitted_at == approved.approval_task.submitted_at
    untouched.refresh_from_db()
    assert untouched.status == PlanStatus.DRAFT and untouched.submitted_by is None
