"""The hazards pages by subject; urls.py reaches every view as `views.<name>`."""

from apps.hazards.views.hazards import (
    hazard_assign,
    hazard_detail,
    hazard_list,
    hazard_photo,
    hazard_rectify,
    hazard_report,
    hazard_verify,
)
from apps.hazards.views.inspections import (
    inspection_detail,
    inspection_list,
    inspection_photo,
    inspection_raise,
    inspection_record,
)
from apps.hazards.views.plans import checklist_create, plan_edit, plan_list
from apps.hazards.views.statistics import statistics

__all__ = [
    "checklist_create",
    "hazard_assign",
    "hazard_detail",
    "hazard_list",
    "hazard_photo",
    "hazard_rectify",
    "hazard_report",
    "hazard_verify",
    "inspection_detail",
    "inspection_list",
    "inspection_photo",
    "inspection_raise",
    "inspection_record",
    "plan_edit",
    "plan_list",
    "statistics",
]
