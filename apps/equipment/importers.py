"""All-or-nothing import of the equipment ledger; existing codes are updated."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from apps.core.exceptions import RowError
from apps.core.importing import raise_row_errors, read_sheet, validation_row_errors
from apps.equipment.models import Equipment, EquipmentStatus, SpecialEquipmentType
from apps.equipment.services import EQUIPMENT_FIELDS, apply_equipment_data
from apps.equipment.sheets import EQUIPMENT_COLUMNS
from apps.org.access import access_for
from apps.org.models import Department
from apps.org.services import ImportResult
from apps.scoring import live

BATCH = 1000


@transaction.atomic
def equipment_import(*, upload, user) -> ImportResult:
    access = access_for(user)
    if not (access.manages_everything or access.is_department_head):
        raise PermissionDenied
    rows, errors = read_sheet(upload, EQUIPMENT_COLUMNS)
    labels = {c.key: str(c.label) for c in EQUIPMENT_COLUMNS}
    labels["department"] = labels["department_code"]
    labels["special_type"] = labels["special_type_code"]
    departments = {d.code: d for d in Department.objects.filter(is_active=True)}
    types = {t.code: t for t in SpecialEquipmentType.objects.all()}
    owners = {u.username: u for u in get_user_model().objects.filter(is_active=True)}
    existing = {e.code: e for e in Equipment.objects.all()}
    seen: dict[str, int] = {}
    to_create, to_update = [], []
    for row in rows:
        if not row.valid:
            continue
        values = dict(row.values)
        number = row.number
        code = values["code"]
        if code in seen:
            errors.append(
                RowError(
                    number,
                    labels["code"],
                    _("“%(value)s” already appears in row %(row)d.")
                    % {"value": code, "row": seen[code]},
                )
            )
            continue
        seen[code] = number
        row_errors = []
        department = departments.get(values.pop("department_code"))
        if department is None:
            row_errors.append(
                RowError(number, labels["department_code"], _("No department has this code."))
            )
        elif not access.heads(department.pk):
            row_errors.append(
                RowError(number, labels["department_code"], _("You do not head this department."))
            )
        type_code = values.pop("special_type_code", "")
        special_type = types.get(type_code) if type_code else None
        if type_code and special_type is None:
            row_errors.append(
                RowError(
                    number,
                    labels["special_type_code"],
                    _("No special equipment type has this code."),
                )
            )
        owner_name = values.pop("owner", "")
        owner = owners.get(owner_name) if owner_name else None
        if owner_name and owner is None:
            row_errors.append(RowError(number, labels["owner"], _("No active user has this name.")))
        if row_errors:
            errors += row_errors
            continue
        equipment = existing.get(code)
        if equipment is not None and not access.heads(equipment.department_id):
            errors.append(
                RowError(
                    number,
                    labels["code"],
                    _("This code belongs to equipment of a department you do not head."),
                )
            )
            continue
        is_new = equipment is None
        was_scrapped = not is_new and equipment.status == EquipmentStatus.SCRAPPED
        if was_scrapped:
            errors.append(
                RowError(
                    number, labels["code"], _("This equipment is scrapped and is kept as it was.")
                )
            )
            continue
        values.update(department=department, special_type=special_type, owner=owner)
        if not values.get("status"):
            values["status"] = equipment.status if equipment else EquipmentStatus.IN_USE
        equipment = apply_equipment_data(equipment or Equipment(), values)
        if equipment.status == EquipmentStatus.SCRAPPED and not was_scrapped:
            errors.append(
                RowError(
                    number,
                    labels["status"],
                    _("Equipment is scrapped only through an approved scrapping request."),
                )
            )
            continue
        try:
            # Foreign keys and the code's uniqueness were checked above against the loaded maps.
            equipment.full_clean(
                exclude=["department", "special_type", "owner"], validate_unique=False
            )
        except ValidationError as exc:
            errors += validation_row_errors(number, exc, labels)
            continue
        (to_create if is_new else to_update).append(equipment)
    if errors:
        raise_row_errors(errors)
    bulk_create_with_history(to_create, Equipment, batch_size=BATCH, default_user=user)
    if to_update:
        bulk_update_with_history(
            to_update,
            Equipment,
            [f for f in EQUIPMENT_FIELDS if f != "code"],
            batch_size=BATCH,
            default_user=user,
        )
    live.invalidate("equipment")  # bulk writes send no signals
    return ImportResult(created=len(to_create), updated=len(to_update))
