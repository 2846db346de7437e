"""Every write of training records, by subject: rule sets and settings, courses, sessions and
attendance, certificates and their reminders, plans and their approval. Every service is
importable from here (`from apps.training import services; services.plan_submit(...)`)."""

from apps.training.services.certificates import (
    CERTIFICATE_FIELDS,
    certificate_create,
    certificate_reminders_send,
    certificate_review,
    certificate_update,
)
from apps.training.services.plans import plan_create, plan_item_delete, plan_item_save, plan_submit, plan_update
from apps.training.services.rulesets import ruleset_row_update, ruleset_save, settings_update
from apps.training.services.sessions import (
    COURSE_FIELDS,
    SESSION_FIELDS,
    attendance_problems,
    attendance_record,
    course_save,
    credited_hours,
    not_creditable_message,
    reinduction_create,
    require_session_head,
    session_create,
    session_update,
)

__all__ = [
    "CERTIFICATE_FIELDS",
    "COURSE_FIELDS",
    "SESSION_FIELDS",
    "attendance_problems",
    "attendance_record",
    "certificate_create",
    "certificate_reminders_send",
    "certificate_review",
    "certificate_update",
    "course_save",
    "credited_hours",
    "not_creditable_message",
    "plan_create",
    "plan_item_delete",
    "plan_item_save",
    "plan_submit",
    "plan_update",
    "reinduction_create",
    "require_session_head",
    "ruleset_row_update",
    "ruleset_save",
    "session_create",
    "session_update",
    "settings_update",
]
