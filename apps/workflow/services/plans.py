"""Approvable plans: a record submitted for approval through a task whose sign-off decides it.

The app checks who may submit and what the plan needs before calling `plan_submit`; the
decision comes back through the sign-off hook that `approvable` registers.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from apps.core.exceptions import ApplicationError
from apps.core.text import stored
from apps.workflow import hooks
from apps.workflow.models import ApprovablePlan, PlanStatus, SignOffDecision
from apps.workflow.services.tasks import task_create, task_submit

APPROVAL_DAYS = 7  # the approver's task is due this many days after submission


def _save(plan: ApprovablePlan, *, user, reason: str = "") -> None:
    plan.full_clean()
    plan._history_user = user
    if reason:
        plan._change_reason = reason
    plan.save()


def plan_require_editable(plan: ApprovablePlan) -> None:
    """Refuse to change (or submit) a plan that waits for approval or is approved."""
    if not plan.is_editable:
        raise ApplicationError(
            _("“%(plan)s” is “%(status)s”: it can no longer be changed.")
            % {"plan": plan, "status": plan.get_status_display()}
        )


@transaction.atomic
def plan_submit(
    *,
    plan: ApprovablePlan,
    user,
    title: str,
    description: str = "",
    note: str = "",
    approver_role: str = "",
    due_days: int = APPROVAL_DAYS,
) -> ApprovablePlan:
    """Submit a draft or rejected plan: raise one task for the approver, already submitted.

    approver_role: the role whose holders sign off; empty: the heads of the plan's department.
    The caller has checked its permissions and locked the plan (select_for_update)."""
    plan_require_editable(plan)
    task = task_create(
        title=title,
        description=description,
        department=plan.department,
        due_date=timezone.localdate() + dt.timedelta(days=due_days),
        user=user,
        assignee=user,
        source=plan,
        sign_off_role=approver_role,
    )
    task = task_submit(
        task=task, user=user, note=note or stored(gettext_noop("Submitted for approval.")), via_source=True
    )
    plan.status = PlanStatus.SUBMITTED
    plan.approval_task = task
    plan.submitted_at = task.submitted_at
    plan.submitted_by = user
    plan.decided_at = None
    plan.decided_by = None
    _save(plan, user=user)
    return plan


def plan_decide(*, plan: ApprovablePlan, signoff) -> ApprovablePlan:
    """Apply the sign-off of the plan's approval task: approved, or rejected and editable again."""
    if plan.status != PlanStatus.SUBMITTED or plan.approval_task_id != signoff.task_id:
        raise ApplicationError(_("This task no longer decides “%(plan)s”.") % {"plan": plan})
    if signoff.decision == SignOffDecision.APPROVE:
        plan.status = PlanStatus.APPROVED
    else:
        plan.status = PlanStatus.REJECTED
        plan.approval_task = None
    plan.decided_at = signoff.signed_at
    plan.decided_by = signoff.signer
    _save(plan, user=signoff.signer, reason=signoff.comment)
    return plan


def _decide_from_task(*, task, signoff) -> None:
    model = task.source_type.model_class()
    plan = model.objects.select_for_update().get(pk=task.source_id)
    plan_decide(plan=plan, signoff=signoff)


def approvable(model_label: str) -> None:
    """Register an ApprovablePlan model ("app_label.model"), in its app's ready(): the sign-off of
    its approval task decides it, and the task is worked only through the plan."""
    hooks.on_sign_off(model_label, _decide_from_task)
    hooks.owned_by_source(model_label)
