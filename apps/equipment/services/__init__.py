"""All writes of the equipment app, by subject: the ledger and safety devices (ledger), plans and
the daily job raising due tasks (plans), inspection and maintenance records (records), 三同时
projects (projects) and scrapping (scrapping). Callers keep using
`from apps.equipment import services; services.equipment_save(...)`."""

from apps.equipment.services.ledger import (
    DEVICE_FIELDS,
    EQUIPMENT_FIELDS,
    apply_equipment_data,
    device_check,
    device_save,
    equipment_save,
    refuse_if_scrapped,
)
from apps.equipment.services.plans import (
    MAINTENANCE_PLAN_FIELDS,
    due_tasks_raise,
    maintenance_plan_save,
    on_inspection_task_decided,
)
from apps.equipment.services.projects import PROJECT_FIELDS, project_save
from apps.equipment.services.records import record_create
from apps.equipment.services.scrapping import SCRAP_DECISION_DAYS, equipment_scrap_request, on_task_decided

__all__ = [
    "DEVICE_FIELDS",
    "EQUIPMENT_FIELDS",
    "MAINTENANCE_PLAN_FIELDS",
    "PROJECT_FIELDS",
    "SCRAP_DECISION_DAYS",
    "apply_equipment_data",
    "device_check",
    "device_save",
    "due_tasks_raise",
    "equipment_save",
    "equipment_scrap_request",
    "maintenance_plan_save",
    "on_inspection_task_decided",
    "on_task_decided",
    "project_save",
    "record_create",
    "refuse_if_scrapped",
]
