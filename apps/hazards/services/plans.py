"""Checklists and inspection plans; due plans raise inspection tasks."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from apps.core import recurrence
from apps.core.text import Label, stored
from apps.hazards import policies
from apps.hazards.models import Checklist, ChecklistItem, InspectionKind, InspectionPlan
from apps.org.models import Role
from apps.org.policy import require
from apps.org.selectors import users_with_role
from apps.workflow import services as workflow


def _checklist_items(items_text: str) -> list[ChecklistItem]:
    """Items come one per line as 区域｜检查内容｜依据 (the last part optional)."""
    rows = []
    for number, line in enumerate(items_text.splitlines(), start=1):
        if not line.strip():
            continue
        parts = [p.strip() for p in line.replace("|", "｜").split("｜")]
        if len(parts) < 2 or not parts[0] or not parts[1]:
            raise ValidationError({"items_text": _("Line %(line)d: write 区域｜检查内容｜依据.") % {"line": number}})
        rows.append(
            ChecklistItem(area=parts[0], content=parts[1], basis=(parts[2] if len(parts) > 2 else ""), order=number)
        )
    if not rows:
        raise ValidationError({"items_text": _("A checklist needs at least one check item.")})
    return rows


@transaction.atomic
def checklist_create(*, name: str, kind: str, items_text: str, user) -> Checklist:
    """Items come one per line as 区域｜检查内容｜依据 (the last part optional)."""
    require(policies.can_create_checklist(user))
    checklist = Checklist(name=name, kind=kind)
    checklist.full_clean()
    rows = _checklist_items(items_text)
    checklist.save()
    for row in rows:
        row.checklist = checklist
    ChecklistItem.objects.bulk_create(rows)
    return checklist


@transaction.atomic
def inspection_plan_save(*, plan: InspectionPlan | None = None, data: dict, user) -> InspectionPlan:
    require(policies.can_edit_plan(user, plan))
    plan = plan or InspectionPlan()
    previous_due = plan.next_due
    for field in ("name", "kind", "department", "checklist", "recurrence", "next_due", "is_active"):
        if field in data:
            setattr(plan, field, data[field])
    if data.get("next_due") and (plan.anchor_day is None or data["next_due"] != previous_due):
        # A date a person gives sets the day the plan keeps to; an edit that leaves the date as
        # it is (28 February of a plan of the 31st) keeps the anchor.
        plan.anchor_day = data["next_due"].day
    plan.full_clean()
    plan._history_user = user
    plan.save()
    return plan


def on_inspection_task_decided(*, task, signoff) -> None:
    """Nothing to change on the plan: the task records that the inspection was done."""


@transaction.atomic
def inspection_tasks_raise(*, today: dt.date | None = None, user=None) -> int:
    """Inspections due become tasks of the responsible department; plans move to their next date."""
    today = today or timezone.localdate()
    creator = user or users_with_role(Role.SAFETY_MANAGER).first()
    if creator is None:
        return 0
    created = 0
    for plan in InspectionPlan.objects.select_for_update().filter(is_active=True, next_due__lte=today):
        due = plan.next_due
        workflow.task_create(
            title=stored(
                gettext_noop("%(kind)s inspection: %(name)s"),
                **{"kind": Label(InspectionKind, plan.kind), "name": plan.name},
            ),
            description=stored(
                gettext_noop("Record the inspection in the hazards module; failed items raise hazards.")
            ),
            department=plan.department,
            due_date=due,
            user=creator,
            source=plan,
        )
        created += 1
        anchor = plan.anchor_day or due.day
        # A plan that fell behind moves to its next date after today, not through every missed one.
        following = recurrence.next_due_after(due, plan.recurrence, today, anchor_day=anchor)
        if following is None:
            plan.is_active = False
        else:
            plan.next_due = following
        plan.anchor_day = anchor
        plan.save(update_fields=["next_due", "anchor_day", "is_active", "updated_at"])
    return created
