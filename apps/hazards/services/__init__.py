"""All writes of the hazards app, by subject: the hazard's closed loop (hazards), checklists and
inspection plans (plans), inspection records (inspections) and the statistics reminders
(statistics). Callers keep using `from apps.hazards import services; services.hazard_report(...)`."""

from apps.hazards.services.hazards import (
    MAJOR_ESCALATE_AFTER_DAYS,
    MAJOR_PLAN_FIELDS,
    MAJOR_REMIND_EVERY_DAYS,
    PLAN_FIELDS,
    after_photos,
    hazard_assign,
    hazard_rectify,
    hazard_report,
    hazard_verify,
    on_rectification_decided,
)
from apps.hazards.services.inspections import hazard_from_check, inspection_record
from apps.hazards.services.plans import (
    checklist_create,
    inspection_plan_save,
    inspection_tasks_raise,
    on_inspection_task_decided,
)
from apps.hazards.services.statistics import statistics_reminders_send

__all__ = [
    "MAJOR_ESCALATE_AFTER_DAYS",
    "MAJOR_PLAN_FIELDS",
    "MAJOR_REMIND_EVERY_DAYS",
    "PLAN_FIELDS",
    "after_photos",
    "checklist_create",
    "hazard_assign",
    "hazard_from_check",
    "hazard_rectify",
    "hazard_report",
    "hazard_verify",
    "inspection_plan_save",
    "inspection_record",
    "inspection_tasks_raise",
    "on_inspection_task_decided",
    "on_rectification_decided",
    "statistics_reminders_send",
]
