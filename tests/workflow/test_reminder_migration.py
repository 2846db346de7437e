"""The reminders the apps kept in their own columns become Reminder rows meaning the same
(apps/workflow/migrations/0007_reminders_carried_over.py), and back."""

import datetime as dt
from importlib import import_module

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from apps.workflow.models import Reminder
from tests.emergency import factories as emergency_factories
from tests.workflow.factories import make_task

D = dt.date

# Each app just before its reminder columns went, and workflow before the carrying over.
BEFORE = [
    target
    for target in import_module("apps.workflow.migrations.0007_reminders_carried_over").Migration.dependencies
    if target[0] != "contenttypes"
]

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def _latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def _rows():
    return set(Reminder.objects.values_list("subject_type__model", "subject_id", "kind", "due", "sent_on"))


def test_the_reminder_columns_are_carried_over_and_back(world):
    plan = emergency_factories.plan(world, published_on=D(2025, 1, 6))
    task = make_task(department=world.dept_a, user=world.safety_manager, days=-3)
    soon = make_task(department=world.dept_a, user=world.safety_manager, days=2, title="将到期")
    try:
        old = _migrate(BEFORE)
        OldPlan, OldTask = old.get_model("emergency", "Plan"), old.get_model("workflow", "Task")
        OldPlan.objects.filter(pk=plan.pk).update(filing_reminded=True, drill_overdue_reminded_for=D(2026, 1, 10))
        late = task.due_date + dt.timedelta(days=1)
        OldTask.objects.filter(pk=task.pk).update(last_reminded_on=late)
        OldTask.objects.filter(pk=soon.pk).update(last_reminded_on=soon.due_date)
        old.get_model("hazards", "StatisticsReminder").objects.create(period="2025-Q4", sent_on=D(2026, 1, 6))
        _migrate(_latest())
        carried = _rows()
        assert {r[:4] for r in carried} >= {
            ("plan", plan.pk, "filing_overdue", plan.filing_due),  # 20 working days on
            ("plan", plan.pk, "drill_overdue", D(2026, 1, 10)),
            ("task", soon.pk, "task_due_soon", soon.due_date),
            ("hazard", 0, "hazard_statistics", D(2026, 1, 15)),
        }
        # A task reminded after its due date was reminded as overdue, on that day.
        assert ("task", task.pk, "task_overdue", task.due_date, late) in carried
        assert ("hazard", 0, "hazard_statistics", D(2026, 1, 15), D(2026, 1, 6)) in carried

        # Backwards the columns hold the same again, and forwards again the same rows.
        old = _migrate(BEFORE)
        restored = old.get_model("emergency", "Plan").objects.get(pk=plan.pk)
        assert restored.filing_reminded and restored.drill_overdue_reminded_for == D(2026, 1, 10)
        assert old.get_model("workflow", "Task").objects.get(pk=task.pk).last_reminded_on == late
        assert list(old.get_model("hazards", "StatisticsReminder").objects.values_list("period", "sent_on")) == [
            ("2025-Q4", D(2026, 1, 6))
        ]
    finally:
        _migrate(_latest())
    assert _rows() == carried
