"""Who may do what with hazards, inspections, plans and checklists: the one answer the views,
the API, the templates, the menu, the exporters and the services ask.

The `can_*` questions are about the person (and the record's department or task); what a
record's state allows is the services' rule, and `hazard_actions` adds it for the detail page
(an action that does not apply in this state shows nothing)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from apps.hazards.models import Hazard, HazardStatus
from apps.org.policy import (
    NOT_APPLICABLE,
    Decision,
    allow_if,
    heads,
    heads_some_department,
    is_safety_manager,
    is_signed_in,
    reads_org,
)
from apps.workflow.policies import can_sign_off_task, can_work_on_task

# Anyone signed in reports a hazard and reads the ledger (scoped by the selector).
can_report_hazard = is_signed_in
can_read_hazards = is_signed_in

# Inspections, plans, checklists and the statistics: the safety side of the organisation.
can_read_inspections = reads_org
can_read_plans = reads_org
can_read_statistics = reads_org
can_export_hazards = reads_org
# A failed check item becomes a hazard, which anyone may report: whoever sees the inspection.
can_raise_hazard = reads_org

can_assign_hazard = is_safety_manager
can_verify_hazard = is_safety_manager
can_edit_plan = is_safety_manager
can_create_checklist = is_safety_manager

RECTIFIES = _("Only the responsible department records the rectification.")
INSPECTS = _("Only a safety manager or the department's head records inspections.")


def can_rectify_hazard(user, hazard: Hazard | None = None) -> Decision:
    """Whoever works on the rectification task: its assignee, the department's head or a safety
    manager."""
    if hazard is None:
        return is_signed_in(user)
    if hazard.task is None:
        return NOT_APPLICABLE
    return allow_if(bool(can_work_on_task(user, hazard.task)), RECTIFIES)


def can_sign_hazard(user, hazard: Hazard | None = None) -> Decision:
    """The task's sign-off rule: the head of the responsible department, not the person who
    submitted."""
    if hazard is None or hazard.task is None:
        return NOT_APPLICABLE
    return can_sign_off_task(user, hazard.task)


def can_record_inspection(user, inspection=None) -> Decision:
    """A safety manager, or the head of the inspected department (any head, before one is
    chosen)."""
    if inspection is None or getattr(inspection, "department_id", None) is None:
        return allow_if(bool(heads_some_department(user)), INSPECTS)
    return allow_if(bool(heads(user, inspection.department_id)), INSPECTS)


VERIFIABLE = (HazardStatus.RECTIFYING, HazardStatus.SUBMITTED, HazardStatus.SIGNED_OFF)


def hazard_actions(user, hazard: Hazard) -> dict[str, Decision]:
    """What the detail page offers in the hazard's state, and why not."""
    status = hazard.status

    def when(applies: bool, decision: Decision) -> Decision:
        return decision if applies else NOT_APPLICABLE

    return {
        "assign": when(status == HazardStatus.REPORTED, can_assign_hazard(user, hazard)),
        "rectify": when(status == HazardStatus.RECTIFYING, can_rectify_hazard(user, hazard)),
        "sign": when(status == HazardStatus.SUBMITTED, can_sign_hazard(user, hazard)),
        "verify": when(status in VERIFIABLE, can_verify_hazard(user, hazard)),
    }
