"""Who may read and change the organisation: the company profile, departments, positions,
employees, their login accounts (roles and the departments they head), imports and leavers.

Everyone signed in reads the company profile and the departments in their scope; safety
managers, leadership and department heads read employees and positions; only safety managers
change anything."""

from __future__ import annotations

from apps.org.policy import NOT_APPLICABLE, Decision, is_safety_manager, is_signed_in, reads_org

can_read_company = is_signed_in
can_edit_company = is_safety_manager

can_read_departments = is_signed_in  # the selector keeps each person to their scope
can_edit_department = is_safety_manager  # create and edit
can_import_departments = is_safety_manager

can_read_positions = reads_org
can_edit_position = is_safety_manager

can_read_employees = reads_org  # the selector keeps heads to their departments
can_edit_employee = is_safety_manager  # create and edit
can_import_employees = is_safety_manager
can_set_account = is_safety_manager  # login, roles and the departments a person heads
can_assign_heads = can_set_account
can_record_leaver = is_safety_manager

can_export_org = reads_org


def employee_actions(user, employee) -> dict[str, Decision]:
    """What an employee's page offers."""
    return {
        "edit": can_edit_employee(user, employee),
        "account": can_set_account(user, employee),
        "leave": can_record_leaver(user, employee) if employee.is_active else NOT_APPLICABLE,
    }
