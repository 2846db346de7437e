"""All-or-nothing import of the equipment ledger; existing codes are updated."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from apps.core.exceptions import RowError
from apps.core.importing import raise_row_errors, read_sheet, validation_row_errors
from apps.equipment import policies
from apps.equipment.models import Equipment, EquipmentStatus, SpecialEquipmentType
from apps.equipment.services import EQUIPMENT_FIELDS, apply_equipment_data
from apps.equipment.sheets import EQUIPMENT_COLUMNS
from apps.org.models import Department
from apps.org.policy import require
from apps.org.services import ImportResult
from apps.scoring import live

BATCH = 1000


@dataclass
class _Lookups:
    """What every row is checked against, loaded once: the importer, the column labels
    and the departments, types, users and items by code or name."""

    user: object
    labels: dict[str, str]
    departments: dict[str, Department]
    types: dict[str, SpecialEquipmentType]
    owners: dict[str, object]
    existing: dict[str, Equipment]

    @classmethod
    def load(cls, user) -> _Lookups:
        labels = {c.key: str(c.label) for c in EQUIPMENT_COLUMNS}
        labels["department"] = labels["department_code"]
        labels["special_type"] = labels["special_type_code"]
        return cls(
            user=user,
            labels=labels,
            departments={d.code: d for d in Department.objects.filter(is_active=True)},
            types={t.code: t for t in SpecialEquipmentType.objects.all()},
            owners={u.username: u for u in get_user_model().objects.filter(is_active=True)},
            existing={e.code: e for e in Equipment.objects.all()},
        )


def _references(values: dict, number: int, lookups: _Lookups) -> list[RowError]:
    """Replace the row's department code, type code and user name by what they name (in
    `values`); the errors of those that name nothing or what the importer does not head."""
    labels, errors = lookups.labels, []
    department = lookups.departments.get(values.pop("department_code"))
    if department is None:
        errors.append(RowError(number, labels["department_code"], _("No department has this code.")))
    elif not policies.can_act_for_department(lookups.user, department.pk):
        errors.append(RowError(number, labels["department_code"], _("You do not head this department.")))
    type_code = values.pop("special_type_code", "")
    special_type = lookups.types.get(type_code) if type_code else None
    if type_code and special_type is None:
        errors.append(RowError(number, labels["special_type_code"], _("No special equipment type has this code.")))
    owner_name = values.pop("owner", "")
    owner = lookups.owners.get(owner_name) if owner_name else None
    if owner_name and owner is None:
        errors.append(RowError(number, labels["owner"], _("No active user has this name.")))
    values.update(department=department, special_type=special_type, owner=owner)
    return errors


def _row_equipment(values: dict, number: int, lookups: _Lookups) -> tuple[Equipment | None, list[RowError]]:
    """The new or updated item of one row, or the row's errors."""
    labels = lookups.labels
    row_errors = _references(values, number, lookups)
    if row_errors:
        return None, row_errors
    equipment = lookups.existing.get(values["code"])
    if equipment is not None and not policies.can_act_for_department(lookups.user, equipment.department_id):
        message = _("This code belongs to equipment of a department you do not head.")
        return None, [RowError(number, labels["code"], message)]
    if equipment is not None and equipment.status == EquipmentStatus.SCRAPPED:
        message = _("This equipment is scrapped and is kept as it was.")
        return None, [RowError(number, labels["code"], message)]
    if not values.get("status"):
        values["status"] = equipment.status if equipment else EquipmentStatus.IN_USE
    equipment = apply_equipment_data(equipment or Equipment(), values)
    if equipment.status == EquipmentStatus.SCRAPPED:
        message = _("Equipment is scrapped only through an approved scrapping request.")
        return None, [RowError(number, labels["status"], message)]
    try:
        # Foreign keys and the code's uniqueness were checked above against the loaded maps.
        equipment.full_clean(exclude=["department", "special_type", "owner"], validate_unique=False)
    except ValidationError as exc:
        return None, validation_row_errors(number, exc, labels)
    return equipment, []


@transaction.atomic
def equipment_import(*, upload, user) -> ImportResult:
    require(policies.can_import_equipment(user))
    rows, errors = read_sheet(upload, EQUIPMENT_COLUMNS)
    lookups = _Lookups.load(user)
    seen: dict[str, int] = {}
    to_create, to_update = [], []
    for row in rows:
        if not row.valid:
            continue
        values = dict(row.values)
        code = values["code"]
        if code in seen:
            errors.append(
                RowError(
                    row.number,
                    lookups.labels["code"],
                    _("“%(value)s” already appears in row %(row)d.") % {"value": code, "row": seen[code]},
                )
            )
            continue
        seen[code] = row.number
        is_new = code not in lookups.existing
        equipment, row_errors = _row_equipment(values, row.number, lookups)
        if row_errors:
            errors += row_errors
        else:
            (to_create if is_new else to_update).append(equipment)
    if errors:
        raise_row_errors(errors)
    bulk_create_with_history(to_create, Equipment, batch_size=BATCH, default_user=user)
    if to_update:
        bulk_update_with_history(
            to_update, Equipment, [f for f in EQUIPMENT_FIELDS if f != "code"], batch_size=BATCH, default_user=user
        )
    live.invalidate("equipment")  # bulk writes send no signals
    return ImportResult(created=len(to_create), updated=len(to_update))
