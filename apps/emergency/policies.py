"""Who may read and change emergency records: plans (safety managers), and the teams,
supplies, drills and yearly drill plans of a department (its head or a safety manager)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from apps.org.policy import Decision, access, allow_if, heads, heads_record, is_safety_manager, only_while, reads_org

PLAN_MESSAGE = _("Only a safety manager may change emergency plans.")
RECORD_MESSAGE = _("Only a safety manager or the department's head may change its emergency records.")

# Safety managers, leadership and department heads read the emergency pages.
can_read_emergency = reads_org


def can_edit_plan(user, plan=None) -> Decision:
    """Plans, their filing and evaluation are the safety managers' (the plan is company-wide)."""
    return allow_if(bool(is_safety_manager(user)), PLAN_MESSAGE)


can_file_plan = can_evaluate_plan = can_edit_plan


def can_act_for_department(user, department_id: int | None) -> Decision:
    """Head rights over this department (or a safety manager)."""
    return heads(user, department_id, reason=RECORD_MESSAGE)


def can_change_record(user, record=None) -> Decision:
    """A team, supply, drill or drill plan of a department: its head or a safety manager;
    without a record (the create buttons), any department head or a safety manager."""
    return heads_record(user, record, reason=RECORD_MESSAGE)


can_edit_team = can_edit_supply = can_check_supply = can_change_record
can_record_drill = can_evaluate_drill = can_report_drill = can_raise_improvement = can_change_record


@only_while(lambda drill_plan: drill_plan.is_editable)
def can_edit_drill_plan(user, drill_plan=None) -> Decision:
    """Items are added and the plan submitted while it is still a draft (or sent back)."""
    return can_change_record(user, drill_plan)


can_submit_drill_plan = can_edit_drill_plan


def may_drill_plan(user, plan, department=None) -> bool:
    """A plan may be drilled by a safety manager, the head of the plan's department, or in a
    department under the plan's (a company plan drilled in a workshop)."""
    if access(user).heads(plan.department_id):
        return True
    return department is not None and department.path.startswith(plan.department.path)


def plan_actions(user, plan) -> dict[str, Decision]:
    return {"edit": can_edit_plan(user, plan), "file": can_file_plan(user, plan)}


def record_actions(user, record) -> dict[str, Decision]:
    """What the detail page of a team, supply or drill offers."""
    return {"edit": can_change_record(user, record)}


def drill_plan_actions(user, drill_plan) -> dict[str, Decision]:
    return {"edit": can_edit_drill_plan(user, drill_plan)}
