"""Who may report, investigate, close and teach from accidents; read by views, the API, the
templates (which buttons show, and why not) and the services."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from apps.accidents.models import AccidentStatus
from apps.org.policy import (
    NOT_APPLICABLE,
    Decision,
    allow_if,
    heads,
    heads_some_department,
    is_safety_manager,
    reads_org,
)

REPORTERS_ONLY = _("Only a safety manager or the department's head may report its accidents.")
INVESTIGATORS_ONLY = _("Only a safety manager may investigate and close accidents.")

# The register, statistics, man-hours and case education: safety managers, leadership and
# department heads (for their departments, by the selectors' scope).
can_read_accidents = reads_org
can_export_accidents = reads_org


def may_report(user, department_id: int | None) -> Decision:
    """Safety managers for every department; heads for the departments they head."""
    return heads(user, department_id, reason=REPORTERS_ONLY)


def can_report_accident(user, accident=None) -> Decision:
    """Report an accident, correct its report, record its reporting times, people and
    casualties. Without an accident: whether the person reports for some department."""
    if accident is None:
        return heads_some_department(user, reason=REPORTERS_ONLY)
    return may_report(user, accident.department_id)


def can_investigate(user, accident=None) -> Decision:
    """The investigation, its measures and closing: the safety office leads them."""
    return allow_if(is_safety_manager(user), INVESTIGATORS_ONLY)


can_add_measure = can_investigate
can_close_accident = can_investigate
# The safety office's other records of accidents keep its refusal.
can_edit_lesson = can_investigate
can_record_man_hours = can_investigate


def _while_open(accident, decision: Decision) -> Decision:
    return decision if accident.status != AccidentStatus.CLOSED else NOT_APPLICABLE


def accident_actions(user, accident) -> dict[str, Decision]:
    """What the detail page offers: a closed accident is kept as it was, but its lessons are
    shared whenever (most often after it is closed)."""
    return {
        "report": _while_open(accident, can_report_accident(user, accident)),
        "investigate": _while_open(accident, can_investigate(user, accident)),
        "lesson": can_edit_lesson(user, accident),
    }
