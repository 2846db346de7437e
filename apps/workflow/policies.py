"""Who may create, edit, work on, sign off, reopen and cancel tasks, (approvable plans are
submitted through a task, so these rules decide them too).

Each function answers `(user, obj=None) -> Decision`; without a record it answers whether the
person may do this to some record (to show the button). The `*_task` functions that take a
task also say "not applicable" (no reason) when the task's state does not allow the action, so
the page shows nothing rather than a reason."""

from __future__ import annotations

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from apps.org.policy import (
    NOT_APPLICABLE,
    Decision,
    access,
    allow_if,
    heads,
    heads_record,
    heads_some_department,
    is_safety_manager,
    is_signed_in,
)
from apps.org.selectors import headless_department_ids
from apps.workflow import hooks
from apps.workflow.models import WORKING_STATUSES, TaskStatus

can_mark_notification_read = is_signed_in  # the selector finds only the person's own


def can_create_task(user, task=None) -> Decision:
    """Create a task: any head (or a safety manager) may try; for the task's department, its
    head (or one above it) or a safety manager."""
    if task is None:
        return heads_some_department(user)
    return can_create_task_in(user, task.department)


def can_create_task_in(user, department=None) -> Decision:
    """Create a task for this department: its head (or one above it), or a safety manager."""
    if department is None:
        return can_create_task(user)
    return allow_if(bool(heads(user, department.pk)), _("You may only create tasks for departments you head."))


def can_edit_task(user, task=None) -> Decision:
    """The rights only: a head of the task's department or a safety manager."""
    if task is None:
        return heads_some_department(user)
    return allow_if(bool(heads_record(user, task)), _("Only a head of the department or a safety manager may edit it."))


def can_work_on_task(user, task=None) -> Decision:
    """The assignee, a head of the task's department, or a safety manager."""
    if task is None:
        return is_signed_in(user)
    return allow_if(
        task.assignee_id == user.pk or bool(heads_record(user, task)),
        _("Only the assignee or a head of the department may submit it."),
    )


def can_sign_off_task(user, task=None) -> Decision:
    """Heads of the department (or safety managers); for a role task, holders of that role."""
    if task is None:
        return heads_some_department(user)
    if task.sign_off_role:
        rights = allow_if(task.sign_off_role in access(user).roles, _("Only leadership may sign off this task."))
    else:
        rights = allow_if(
            bool(heads_record(user, task)), _("Only a head of the department or a safety manager may sign off.")
        )
    # Four eyes: whoever submitted the work does not approve it.
    return rights & allow_if(
        task.submitted_by_id is None or task.submitted_by_id != user.pk,
        _("You submitted this task yourself: another head or a safety manager signs it off."),
    )


def can_reopen_task(user, task=None) -> Decision:
    """A rejected task: who works on it; a signed-off task: a safety manager."""
    if task is None:
        return heads_some_department(user)
    if task.status == TaskStatus.SIGNED_OFF:
        return allow_if(bool(is_safety_manager(user)), _("Only a safety manager may reopen a signed-off task."))
    return allow_if(
        bool(can_work_on_task(user, task)), _("Only the assignee or a head of the department may reopen it.")
    )


def can_cancel_task(user, task=None) -> Decision:
    """Cancel work no longer needed (its own record cancels it through the service)."""
    return allow_if(bool(is_safety_manager(user)), _("Only a safety manager may cancel a task."))


def task_actions(user, task) -> dict[str, Decision]:
    """What the task's page offers, in its current state."""
    owned = hooks.is_owned(task)
    final_approval = bool(task.sign_off_role) and task.status == TaskStatus.REJECTED
    if owned or final_approval or task.status not in WORKING_STATUSES:
        submit = NOT_APPLICABLE
    else:
        submit = can_work_on_task(user, task)
    submitted = task.status == TaskStatus.SUBMITTED
    sign = can_sign_off_task(user, task) if submitted else NOT_APPLICABLE
    reopenable = task.status in (TaskStatus.REJECTED, TaskStatus.SIGNED_OFF)
    reopen = NOT_APPLICABLE if task.sign_off_role or owned or not reopenable else can_reopen_task(user, task)
    edit = NOT_APPLICABLE if owned or task.status == TaskStatus.SIGNED_OFF else can_edit_task(user, task)
    return {"submit": submit, "sign": sign, "reopen": reopen, "edit": edit}


# The same rules as filters, for the inbox.


def unassigned_work_q(user) -> Q:
    """Unassigned tasks that wait for this person's work: those of the departments they head;
    for safety managers also those of units with no head anywhere above them, so that nothing
    is in nobody's inbox."""
    a = access(user)
    condition = Q(assignee__isnull=True, department_id__in=a.headed_department_ids)
    if a.manages_everything:
        condition |= Q(assignee__isnull=True, department_id__in=headless_department_ids())
    return condition


def sign_off_q(user) -> Q:
    """The tasks this person may sign off (whatever their state): `can_sign_off_task` as a
    filter."""
    a = access(user)
    by_role = Q(sign_off_role__in=a.roles) if a.roles else Q(pk__in=[])
    if a.manages_everything:
        return Q(sign_off_role="") | by_role
    return Q(sign_off_role="", department_id__in=a.headed_department_ids) | by_role
