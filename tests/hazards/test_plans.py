"""Inspection plans recur keeping their own day of the month (apps/core/recurrence.py)."""

import datetime as dt
import importlib

import pytest
from django.apps import apps as django_apps

from apps.hazards import services
from apps.hazards.models import InspectionKind, InspectionPlan
from apps.workflow.models import Task

D = dt.date

pytestmark = pytest.mark.usefixtures("english")


def _plan(world, next_due, recurrence="monthly"):
    return services.inspection_plan_save(
        data={
            "name": "月末综合检查",
            "kind": InspectionKind.COMPREHENSIVE,
            "department": world.dept_a,
            "checklist": None,
            "recurrence": recurrence,
            "next_due": next_due,
        },
        user=world.safety_manager,
    )


def _due_dates(plan):
    return list(
        Task.objects.filter(source_id=plan.pk, source_type__model="inspectionplan")
        .order_by("due_date")
        .values_list("due_date", flat=True)
    )


def test_a_monthly_plan_of_31_january_runs_31_jan_28_feb_31_mar(world):
    plan = _plan(world, D(2026, 1, 31))
    assert plan.anchor_day == 31
    steps = []
    for today in (D(2026, 1, 31), D(2026, 2, 28), D(2026, 3, 31)):
        assert services.inspection_tasks_raise(today=today) == 1
        plan.refresh_from_db()
        steps.append(plan.next_due)
    assert steps == [D(2026, 2, 28), D(2026, 3, 31), D(2026, 4, 30)]
    assert _due_dates(plan) == [D(2026, 1, 31), D(2026, 2, 28), D(2026, 3, 31)]


def test_a_plan_that_fell_behind_raises_one_task_and_keeps_its_day(world):
    plan = _plan(world, D(2026, 1, 31))
    assert services.inspection_tasks_raise(today=D(2026, 3, 15)) == 1
    plan.refresh_from_db()
    assert plan.next_due == D(2026, 3, 31)
    assert _due_dates(plan) == [D(2026, 1, 31)]


def test_an_edit_keeps_the_anchor_unless_the_date_changes(world):
    plan = _plan(world, D(2026, 1, 31))
    services.inspection_tasks_raise(today=D(2026, 1, 31))
    plan.refresh_from_db()
    assert plan.next_due == D(2026, 2, 28)
    # The form sends every field: an edit of the name leaves 28 February as it is.
    plan = services.inspection_plan_save(
        plan=plan, data={"name": "月末检查", "next_due": D(2026, 2, 28)}, user=world.safety_manager
    )
    assert plan.anchor_day == 31
    plan = services.inspection_plan_save(plan=plan, data={"next_due": D(2026, 3, 15)}, user=world.safety_manager)
    assert plan.anchor_day == 15
    services.inspection_tasks_raise(today=D(2026, 3, 15))
    plan.refresh_from_db()
    assert plan.next_due == D(2026, 4, 15)


def test_a_plan_saved_before_anchors_were_kept_keeps_the_day_of_its_next_date(world):
    """The data migration: a plan without an anchor takes the day of its current next date."""
    plans = [_plan(world, day) for day in (D(2026, 1, 31), D(2026, 2, 28), D(2026, 3, 5))]
    InspectionPlan.objects.update(anchor_day=None)
    migration = importlib.import_module("apps.hazards.migrations.0004_inspectionplan_anchor_day")
    migration.anchor_on_next_due(django_apps, None)
    anchors = [InspectionPlan.objects.get(pk=p.pk).anchor_day for p in plans]
    assert anchors == [31, 28, 5]


def test_a_plan_without_an_anchor_keeps_the_day_of_its_next_date(world):
    plan = _plan(world, D(2026, 1, 31))
    InspectionPlan.objects.filter(pk=plan.pk).update(anchor_day=None)
    services.inspection_tasks_raise(today=D(2026, 1, 31))
    plan.refresh_from_db()
    assert (plan.next_due, plan.anchor_day) == (D(2026, 2, 28), 31)
