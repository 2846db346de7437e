"""Reads of training records, by subject: who sees what, the rule set in force, compliance per
person and department, sessions and attendance, certificates and plans. Every public read is
importable from here (`from apps.training import selectors; selectors.compliance(...)`)."""

from apps.training.selectors.certificates import (
    EXPIRED_REMINDER,
    EXPIRY_REMINDER,
    PERMIT_REMINDERS,
    REVIEW_REMINDER,
    certificate_list,
    certificate_type_list,
    certificate_validity,
    expired_unnotified,
    expiries_due,
    permit_expiries_due,
    reviews_due,
)
from apps.training.selectors.department_compliance import DepartmentCompliance, by_department, compliance_by_path
from apps.training.selectors.person_compliance import PersonCompliance, compliance, compliance_rows
from apps.training.selectors.plans import plan_completion, plan_items, plan_list
from apps.training.selectors.rulesets import Requirements, requirements, ruleset_list, training_settings, training_year
from apps.training.selectors.sessions import attendance_list, course_list, reinduction_list, session_list
from apps.training.selectors.visibility import creditable_employees, visible_employees

__all__ = [
    "EXPIRED_REMINDER",
    "EXPIRY_REMINDER",
    "PERMIT_REMINDERS",
    "REVIEW_REMINDER",
    "DepartmentCompliance",
    "PersonCompliance",
    "Requirements",
    "attendance_list",
    "by_department",
    "certificate_list",
    "certificate_type_list",
    "certificate_validity",
    "compliance",
    "compliance_by_path",
    "compliance_rows",
    "course_list",
    "creditable_employees",
    "expired_unnotified",
    "expiries_due",
    "permit_expiries_due",
    "plan_completion",
    "plan_items",
    "plan_list",
    "reinduction_list",
    "requirements",
    "reviews_due",
    "ruleset_list",
    "session_list",
    "training_settings",
    "training_year",
    "visible_employees",
]
