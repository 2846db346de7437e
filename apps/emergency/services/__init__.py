"""Every write of the emergency app, one module per subject; the services are importable from
here."""

from apps.emergency.services.drill_plans import (
    drill_plan_create,
    drill_plan_item_add,
    drill_plan_item_delete,
    drill_plan_submit,
)
from apps.emergency.services.drills import DRILL_FIELDS, drill_evaluate, drill_record, drill_report, improvement_raise
from apps.emergency.services.plans import PLAN_FIELDS, emergency_plan_save, plan_evaluate, plan_file
from apps.emergency.services.reminders import (
    DRILL_LEAD_DAYS,
    EVALUATION_LEAD_DAYS,
    SUPPLY_LEAD_DAYS,
    emergency_reminders_send,
)
from apps.emergency.services.supplies import SUPPLY_FIELDS, supply_check, supply_save
from apps.emergency.services.teams import team_member_remove, team_member_save, team_save

__all__ = [
    "DRILL_FIELDS",
    "DRILL_LEAD_DAYS",
    "EVALUATION_LEAD_DAYS",
    "PLAN_FIELDS",
    "SUPPLY_FIELDS",
    "SUPPLY_LEAD_DAYS",
    "drill_evaluate",
    "drill_plan_create",
    "drill_plan_item_add",
    "drill_plan_item_delete",
    "drill_plan_submit",
    "drill_record",
    "drill_report",
    "emergency_plan_save",
    "emergency_reminders_send",
    "improvement_raise",
    "plan_evaluate",
    "plan_file",
    "supply_check",
    "supply_save",
    "team_member_remove",
    "team_member_save",
    "team_save",
]
