"""The equipment ledger sheet: one column list shared by import and export."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from apps.core.importing import Column, a_date, choice, integer, text
from apps.equipment.models import EquipmentStatus

EQUIPMENT_COLUMNS = [
    Column("code", _("Equipment code"), text, required=True),
    Column("name", _("Name"), text, required=True),
    Column("category", _("Category"), text),
    Column("special_type_code", _("Special equipment type code"), text),
    Column("model_number", _("Model"), text),
    Column("maker", _("Maker"), text),
    Column("serial_number", _("Serial number"), text),
    Column("location", _("Location"), text),
    Column("department_code", _("Department code"), text, required=True),
    Column("owner", _("Person responsible (user name)"), text),
    Column("commissioned_on", _("Commissioned on"), a_date),
    Column("registration_number", _("Registration certificate number"), text),
    Column("status", _("Status"), choice(EquipmentStatus)),
    Column("inspection_interval_months", _("Inspection interval (months)"), integer),
    Column("last_inspected_on", _("Last statutory inspection"), a_date),
    Column("next_inspection_due", _("Next statutory inspection"), a_date),
]
