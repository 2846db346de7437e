"""The training pages, by subject; urls.py reaches every view as `views.<name>`."""

from apps.training.views.certificates import certificate_edit, certificate_list, certificate_review
from apps.training.views.plans import plan_create, plan_detail, plan_item_add, plan_item_delete, plan_list, plan_submit
from apps.training.views.records import compliance, employee_record, my_record, reinduction_create
from apps.training.views.rulesets import ruleset_list, ruleset_row_edit, settings_edit
from apps.training.views.sessions import (
    attendance_add,
    course_edit,
    course_list,
    session_detail,
    session_edit,
    session_import,
    session_list,
    sign_in_template,
)

__all__ = [
    "attendance_add",
    "certificate_edit",
    "certificate_list",
    "certificate_review",
    "compliance",
    "course_edit",
    "course_list",
    "employee_record",
    "my_record",
    "plan_create",
    "plan_detail",
    "plan_item_add",
    "plan_item_delete",
    "plan_list",
    "plan_submit",
    "reinduction_create",
    "ruleset_list",
    "ruleset_row_edit",
    "session_detail",
    "session_edit",
    "session_import",
    "session_list",
    "settings_edit",
    "sign_in_template",
]
