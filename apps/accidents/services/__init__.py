"""All writes of the accidents app, by subject: reports and grading, the reporting clock,
casualties, investigation and measures, closure (四不放过), case education, man-hours and
reminders."""

from apps.accidents.policies import may_report
from apps.accidents.services.casualties import casualty_update, late_update_message, person_add, person_status_change
from apps.accidents.services.clock import accident_report_times, check_report_times
from apps.accidents.services.closure import accident_close, missing_checklist_labels
from apps.accidents.services.investigation import INVESTIGATION_FIELDS, investigation_save, measure_add
from apps.accidents.services.lessons import lesson_save
from apps.accidents.services.man_hours import first_of_month, man_hours_save
from apps.accidents.services.reminders import REMIND_DAYS, REPORT_REMIND_DAYS, accident_reminders_send
from apps.accidents.services.reports import (
    CASUALTY_FIELDS,
    NUMBER_ATTEMPTS,
    REPORT_FIELDS,
    accident_attach,
    accident_save,
    next_code,
    regrade,
)

__all__ = [
    "CASUALTY_FIELDS",
    "INVESTIGATION_FIELDS",
    "NUMBER_ATTEMPTS",
    "REMIND_DAYS",
    "REPORT_FIELDS",
    "REPORT_REMIND_DAYS",
    "accident_attach",
    "accident_close",
    "accident_reminders_send",
    "accident_report_times",
    "accident_save",
    "casualty_update",
    "check_report_times",
    "first_of_month",
    "investigation_save",
    "late_update_message",
    "lesson_save",
    "man_hours_save",
    "may_report",
    "measure_add",
    "missing_checklist_labels",
    "next_code",
    "person_add",
    "person_status_change",
    "regrade",
]
