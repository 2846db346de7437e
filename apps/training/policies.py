"""Who may read and keep training records: the one place the pages, the API, the services,
the menu and the exports ask.

Department-wide training records (compliance, sessions, plans, certificates) are read by safety
managers, leadership and department heads; everyone reads their own record. Courses, rule sets,
the settings and certificates are kept by safety managers; sessions, attendance, repeated
inductions and plans by the head of the department concerned (or a safety manager).
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from apps.org.policy import Decision, access, allow_if, heads, heads_record, only_while
from apps.training.models import PlanStatus

CATALOGUE = _("Only a safety manager may change this.")
HEAD_ONLY = _("Only a head of the department or a safety manager may change this.")
READS = _("Only safety managers, leadership and department heads see department-wide training.")


def can_read_training(user, obj=None) -> Decision:
    """Department-wide records: safety managers, leadership and department heads (the selectors
    keep heads to their departments)."""
    a = access(user)
    return allow_if(a.sees_everything or a.is_department_head, READS)


def can_keep_catalogue(user, obj=None) -> Decision:
    """Courses, rule sets of hours, the training settings and certificates."""
    return allow_if(access(user).manages_everything, CATALOGUE)


can_edit_course = can_keep_catalogue
can_edit_rules = can_keep_catalogue
can_edit_certificate = can_keep_catalogue
can_review_certificate = can_keep_catalogue


def heads_department(user, department_id: int | None) -> Decision:
    """Head rights over this department (or one above it); any for a safety manager."""
    return heads(user, department_id, reason=HEAD_ONLY)


def _heads_record(user, obj) -> Decision:
    """Over the record's department; without a record, over some department (the button)."""
    return heads_record(user, obj, reason=HEAD_ONLY)


def can_edit_session(user, session=None) -> Decision:
    """Create or change a session, import its sign-in sheet, record attendance."""
    return _heads_record(user, session)


can_record_attendance = can_edit_session


def can_credit_hours(user, employee=None) -> Decision:
    """Training hours are credited by a head of the person's department (or a safety manager)."""
    return _heads_record(user, employee)


can_create_reinduction = can_credit_hours


def can_draft_plan(user, plan=None) -> Decision:
    """Create a plan, change it, add and remove items, submit it (while it is a draft or was
    rejected: the workflow says so)."""
    return _heads_record(user, plan)


@only_while(lambda plan: plan.is_editable)
def can_edit_plan(user, plan=None) -> Decision:
    """As `can_draft_plan`, and the plan is still editable (for the page's buttons)."""
    return can_draft_plan(user, plan)


@only_while(lambda plan: plan.status == PlanStatus.APPROVED)
def can_hold_plan_item(user, plan=None) -> Decision:
    """Record a session for an item of an approved plan."""
    return _heads_record(user, plan)


def plan_actions(user, plan) -> dict[str, Decision]:
    """What the plan page offers."""
    return {"edit": can_edit_plan(user, plan), "hold": can_hold_plan_item(user, plan)}


def session_actions(user, session) -> dict[str, Decision]:
    """What the session page offers."""
    edit = can_edit_session(user, session)
    return {"edit": edit, "attend": can_record_attendance(user, session)}
