"""Scrapping: a head asks, leadership decides by sign-off; an approved request stops the item's
plans, devices and open tasks."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from apps.core.exceptions import ApplicationError
from apps.core.text import stored
from apps.equipment import policies
from apps.equipment.models import Equipment, EquipmentStatus, MaintenancePlan, SafetyDevice
from apps.equipment.services._common import _cancel_open_tasks, _save
from apps.org.models import Role
from apps.org.policy import require
from apps.workflow import services as workflow
from apps.workflow.models import SignOffDecision, Task, TaskStatus

SCRAP_DECISION_DAYS = 14


@transaction.atomic
def equipment_scrap_request(*, equipment: Equipment, user, reason: str) -> Task:
    equipment = Equipment.objects.select_for_update().get(pk=equipment.pk)
    require(policies.can_act_for_department(user, equipment.department_id))
    if equipment.status == EquipmentStatus.SCRAPPED:
        raise ApplicationError(_("This equipment is already scrapped."))
    if equipment.scrap_task_id and equipment.scrap_task.status == TaskStatus.SUBMITTED:
        raise ApplicationError(_("A scrapping request is already waiting for a decision."))
    if not reason.strip():
        raise ApplicationError(_("Give the reason for scrapping."))
    task = workflow.task_create(
        title=stored(gettext_noop("Approve scrapping %(equipment)s"), **{"equipment": equipment}),
        description=reason.strip(),
        department=equipment.department,
        due_date=timezone.localdate() + dt.timedelta(days=SCRAP_DECISION_DAYS),
        user=user,
        source=equipment,
        sign_off_role=Role.LEADERSHIP,
    )
    task = workflow.task_submit(task=task, user=user, via_source=True, note=reason.strip())
    equipment.scrap_task = task
    equipment.scrap_reason = reason.strip()
    _save(equipment, user=user)
    return task


def on_task_decided(*, task, signoff) -> None:
    """Leadership's decision on a scrapping request; inspection tasks change nothing here."""
    equipment = Equipment.objects.select_for_update().get(pk=task.source_id)
    if equipment.scrap_task_id != task.pk:
        return
    if signoff.decision == SignOffDecision.APPROVE:
        equipment.status = EquipmentStatus.SCRAPPED
        equipment._change_reason = stored(gettext_noop("Scrapping approved")).dumps()
        _save(equipment, user=signoff.signer)
        plans = list(MaintenancePlan.objects.filter(equipment=equipment))
        devices = list(SafetyDevice.objects.filter(equipment=equipment))
        MaintenancePlan.objects.filter(equipment=equipment).update(is_active=False)
        SafetyDevice.objects.filter(equipment=equipment).update(is_active=False)
        # The work that was waiting on the item stops with it.
        for source in (equipment, *plans, *devices):
            _cancel_open_tasks(source, user=signoff.signer, reason=stored(gettext_noop("Equipment scrapped")).dumps())
