"""The emergency pages, one module per subject; urls.py reaches every view from here."""

from apps.emergency.views.drill_plans import (
    drillplan_create,
    drillplan_detail,
    drillplan_item_add,
    drillplan_item_delete,
    drillplan_list,
    drillplan_submit,
)
from apps.emergency.views.drills import (
    drill_create,
    drill_detail,
    drill_evaluate,
    drill_list,
    drill_report,
    improvement_add,
    overdue,
)
from apps.emergency.views.plans import attachment_download, plan_detail, plan_edit, plan_evaluate, plan_file, plan_list
from apps.emergency.views.supplies import supply_check, supply_detail, supply_edit, supply_list
from apps.emergency.views.teams import member_add, member_remove, team_detail, team_edit, team_list

__all__ = [
    "attachment_download",
    "drill_create",
    "drill_detail",
    "drill_evaluate",
    "drill_report",
    "drill_list",
    "drillplan_create",
    "drillplan_detail",
    "drillplan_item_add",
    "drillplan_item_delete",
    "drillplan_list",
    "drillplan_submit",
    "improvement_add",
    "member_add",
    "member_remove",
    "overdue",
    "plan_detail",
    "plan_edit",
    "plan_evaluate",
    "plan_file",
    "plan_list",
    "supply_check",
    "supply_detail",
    "supply_edit",
    "supply_list",
    "team_detail",
    "team_edit",
    "team_list",
]
