"""Inspection records, with a result per check item; a failed item raises a hazard."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from apps.core.exceptions import ApplicationError
from apps.core.text import stored
from apps.hazards import policies
from apps.hazards.models import (
    Checklist,
    CheckResult,
    Hazard,
    HazardSource,
    Inspection,
    InspectionPlan,
    InspectionResult,
)
from apps.hazards.services._common import _attach_all
from apps.hazards.services.hazards import hazard_report
from apps.org.models import Department
from apps.org.policy import require
from apps.workflow import policies as workflow_policies
from apps.workflow import services as workflow
from apps.workflow.models import Task, TaskStatus


def _save_results(inspection: Inspection, checklist: Checklist, results: dict[int, tuple[str, str]]) -> None:
    items = {i.pk: i for i in checklist.items.all()}
    unknown = set(results) - set(items)
    if unknown:
        raise ValidationError({"results": _("A result belongs to another checklist.")})
    InspectionResult.objects.bulk_create(
        [
            InspectionResult(inspection=inspection, item=items[item_id], result=result, note=note[:300])
            for item_id, (result, note) in results.items()
            if result in CheckResult.values
        ]
    )


def _submit_plan_task(plan: InspectionPlan, user, inspected_on: dt.date) -> None:
    """The plan's earliest open task is submitted by the inspection, when the user works on it."""
    open_task = (
        Task.objects.filter(
            source_type__model="inspectionplan",
            source_id=plan.pk,
            status__in=(TaskStatus.OPEN, TaskStatus.REOPENED, TaskStatus.REJECTED),
        )
        .order_by("due_date")
        .first()
    )
    if open_task is not None and workflow_policies.can_work_on_task(user, open_task):
        workflow.task_submit(
            task=open_task,
            user=user,
            via_source=True,
            note=stored(gettext_noop("Inspection recorded on %(date)s."), date=inspected_on.isoformat()),
        )


@transaction.atomic
def inspection_record(
    *,
    user,
    kind: str,
    department: Department,
    location: str,
    inspected_on: dt.date,
    results: dict[int, tuple[str, str]],
    plan: InspectionPlan | None = None,
    checklist: Checklist | None = None,
    notes: str = "",
    photos=(),
) -> Inspection:
    """Record an inspection with a result per check item. A plan's open task is submitted."""
    inspection = Inspection(
        plan=plan,
        kind=kind,
        department=department,
        location=location,
        inspected_on=inspected_on,
        inspector=user,
        checklist=checklist,
        notes=notes,
    )
    require(policies.can_record_inspection(user, inspection))
    inspection.full_clean()
    inspection._history_user = user
    inspection.save()
    if checklist is not None:
        _save_results(inspection, checklist, results)
    _attach_all(inspection, photos, user)
    if plan is not None:
        _submit_plan_task(plan, user, inspected_on)
    return inspection


@transaction.atomic
def hazard_from_check(*, result: InspectionResult, user, category: str) -> Hazard:
    """A failed check item becomes a hazard in one step."""
    if result.result != CheckResult.FAIL:
        raise ApplicationError(_("Only a failed check item raises a hazard."))
    if Hazard.objects.filter(check_result=result).exists():
        raise ApplicationError(_("A hazard was already raised for this check item."))
    inspection = result.inspection
    hazard = hazard_report(
        user=user,
        description=f"{result.item.area}：{result.item.content}" + (f"（{result.note}）" if result.note else ""),
        location=inspection.location,
        department=inspection.department,
        category=category,
        source=HazardSource.INSPECTION,
        inspection=inspection,
        found_on=inspection.inspected_on,
    )
    Hazard.objects.filter(pk=hazard.pk).update(check_result=result)
    hazard.check_result = result
    return hazard
