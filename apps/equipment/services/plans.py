"""Inspection and maintenance plans, and the daily job raising what falls due: plan tasks on
their day (apps/core/recurrence.py), statutory inspections and calibrations a month ahead
(apps/equipment/rules.py)."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_noop

from apps.core import recurrence
from apps.core.text import Label, stored
from apps.equipment import policies, rules
from apps.equipment.models import Equipment, EquipmentStatus, MaintenancePlan, PlanKind, SafetyDevice
from apps.equipment.services._common import _cancel_open_tasks, _save
from apps.equipment.services.ledger import refuse_if_scrapped
from apps.org.models import Role
from apps.org.policy import require
from apps.org.selectors import users_with_role
from apps.workflow import services as workflow

MAINTENANCE_PLAN_FIELDS = ("equipment", "kind", "title", "recurrence", "next_due", "is_active")


@transaction.atomic
def maintenance_plan_save(*, plan: MaintenancePlan | None = None, data: dict, user) -> MaintenancePlan:
    plan = plan or MaintenancePlan()
    if plan.pk:
        require(policies.can_act_for_department(user, plan.equipment.department_id))
    for field in MAINTENANCE_PLAN_FIELDS:
        if field in data:
            setattr(plan, field, data[field])
    if data.get("next_due"):
        plan.anchor_day = data["next_due"].day
    require(policies.can_act_for_department(user, plan.equipment.department_id))
    refuse_if_scrapped(plan.equipment)
    _save(plan, user=user)
    return plan


def on_inspection_task_decided(*, task, signoff) -> None:
    """Nothing to change: the task records that the work was done."""


def _raise_plan_tasks(today: dt.date, creator) -> int:
    """Each plan due by today raises one task and moves to its next date after today."""
    created = 0
    plans = (
        MaintenancePlan.objects.select_for_update()
        .filter(is_active=True, next_due__lte=today)
        .exclude(equipment__status=EquipmentStatus.SCRAPPED)
        .select_related("equipment__department")
    )
    for plan in plans:
        workflow.task_create(
            title=stored(
                gettext_noop("%(kind)s: %(equipment)s"),
                **{"kind": Label(PlanKind, plan.kind), "equipment": plan.equipment},
            ),
            description=plan.title,
            department=plan.equipment.department,
            due_date=plan.next_due,
            user=creator,
            source=plan,
        )
        created += 1
        anchor = plan.anchor_day or plan.next_due.day
        # A plan that fell behind moves to its next date after today, not through every missed one.
        plan.next_due = recurrence.next_due_after(plan.next_due, plan.recurrence, today, anchor_day=anchor)
        plan.anchor_day = anchor
        plan.save(update_fields=["next_due", "anchor_day", "updated_at"])
    return created


def _equipment_due(horizon: dt.date):
    """Equipment not scrapped whose statutory inspection is due by the horizon."""
    return (
        Equipment.objects.select_for_update()
        .filter(next_inspection_due__lte=horizon)
        .exclude(status=EquipmentStatus.SCRAPPED)
        .select_related("department")
    )


def _devices_due(horizon: dt.date):
    """Safety devices in use whose calibration or test is due by the horizon."""
    return (
        SafetyDevice.objects.select_for_update(of=("self",))
        .filter(is_active=True, next_due__lte=horizon)
        .exclude(equipment__status=EquipmentStatus.SCRAPPED)
        .select_related("department")
    )


# What raises one task for each due date: the records due, their due-date field, the task's
# title (naming the record as its parameter) and what the task says.
_ONCE_PER_DUE_DATE = (
    (
        _equipment_due,
        "next_inspection_due",
        "equipment",
        gettext_noop("Statutory inspection due: %(equipment)s"),
        gettext_noop("Ask the inspection body at least one month before the due date."),
    ),
    (_devices_due, "next_due", "device", gettext_noop("Calibration or test due: %(device)s"), ""),
)


def _raise_once_per_due_date(records, *, due: str, creator, title: str, name: str, description: str) -> int:
    """One task for each record's due date (the field `due`), remembered in `task_raised_for`.
    The title names the record as its parameter `name`."""
    created = 0
    for record in records:
        due_date = getattr(record, due)
        if record.task_raised_for == due_date:
            continue
        # A due date moved by hand supersedes the task raised for the old one.
        _cancel_open_tasks(record, user=creator, reason=stored(gettext_noop("Due date changed")).dumps())
        workflow.task_create(
            title=stored(title, **{name: record}),
            description=stored(description) if description else "",
            department=record.department,
            due_date=due_date,
            user=creator,
            source=record,
        )
        type(record).objects.filter(pk=record.pk).update(task_raised_for=due_date)
        created += 1
    return created


@transaction.atomic
def due_tasks_raise(*, today: dt.date | None = None, user=None) -> int:
    """Raise each due task exactly once: plans move to their next date, statutory inspections
    and calibrations remember the due date they were raised for."""
    today = today or timezone.localdate()
    creator = user or users_with_role(Role.SAFETY_MANAGER).first()
    if creator is None:
        return 0
    horizon = today + dt.timedelta(days=rules.REQUEST_LEAD_DAYS)
    return _raise_plan_tasks(today, creator) + sum(
        _raise_once_per_due_date(due_by(horizon), due=due, creator=creator, title=title, name=name, description=text)
        for due_by, due, name, title, text in _ONCE_PER_DUE_DATE
    )
