"""All-or-nothing imports of the department tree and the employee roster."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from apps.core.exceptions import RowError
from apps.core.importing import ParsedRow, raise_row_errors, read_sheet, validation_row_errors
from apps.org.models import Department, Employee, Position
from apps.org.services import (
    EMPLOYEE_FIELDS,
    ImportResult,
    department_save,
    employee_create,
    employee_update,
    position_save,
)
from apps.org.sheets import DEPARTMENT_COLUMNS, EMPLOYEE_COLUMNS


def _labels(columns) -> dict[str, str]:
    return {c.key: str(c.label) for c in columns}


def _duplicates(rows: list[ParsedRow], key: str, label: str) -> list[RowError]:
    seen: dict[str, int] = {}
    errors = []
    for row in rows:
        value = row.values.get(key)
        if not value:
            continue
        if value in seen:
            errors.append(
                RowError(
                    row.number,
                    label,
                    _("“%(value)s” already appears in row %(row)d.") % {"value": value, "row": seen[value]},
                )
            )
        else:
            seen[value] = row.number
    return errors


def _parents_first(
    rows: list[ParsedRow], sheet_codes: dict, existing: dict, labels: dict
) -> tuple[list[ParsedRow], list[RowError]]:
    """The rows ordered so that every parent comes before its children; an unknown parent or a
    loop of parents is an error (a row with an unknown parent is marked invalid)."""
    errors: list[RowError] = []
    ordered: list[ParsedRow] = []
    placed: set[str] = set()
    visiting: set[str] = set()

    def place(row: ParsedRow) -> None:
        code = row.values.get("code")
        if not code:
            return
        if code in placed:
            return
        if code in visiting:
            errors.append(RowError(row.number, labels["parent_code"], _("The parents form a loop.")))
            return
        visiting.add(code)
        parent_code = row.values.get("parent_code")
        if parent_code:
            if parent_code in sheet_codes:
                place(sheet_codes[parent_code])
            elif parent_code not in existing:
                row.valid = False
                errors.append(
                    RowError(
                        row.number,
                        labels["parent_code"],
                        _("No department has the code “%(code)s”.") % {"code": parent_code},
                    )
                )
        visiting.discard(code)
        placed.add(code)
        ordered.append(row)

    for row in rows:
        place(row)
    return ordered, errors


def _department_from_row(values: dict, existing: dict) -> Department:
    """The department of the row's code (new or existing) with the row's values set."""
    department = existing.get(values["code"]) or Department(code=values["code"])
    department.name = values["name"]
    department.kind = values["kind"]
    parent_code = values.get("parent_code")
    department.parent = existing.get(parent_code) if parent_code else None
    if values.get("sort_order") is not None:
        department.sort_order = values["sort_order"]
    if "is_active" in values and values.get("is_active") is not None:
        department.is_active = values["is_active"]
    return department


@transaction.atomic
def department_import(*, upload, user) -> ImportResult:
    rows, errors = read_sheet(upload, DEPARTMENT_COLUMNS)
    labels = _labels(DEPARTMENT_COLUMNS)
    labels["parent"] = labels["parent_code"]
    errors += _duplicates(rows, "code", labels["code"])
    existing = {d.code: d for d in Department.objects.all()}
    sheet_codes = {r.values["code"]: r for r in rows if r.values.get("code")}
    ordered, more = _parents_first(rows, sheet_codes, existing, labels)
    errors += more

    created = updated = 0
    for row in ordered:
        parent_row = sheet_codes.get(row.values.get("parent_code") or "")
        if not row.valid or (parent_row is not None and not parent_row.valid):
            row.valid = False
            continue
        department = _department_from_row(row.values, existing)
        is_new = department.pk is None
        try:
            with transaction.atomic():
                department_save(department, user=user)
        except ValidationError as exc:
            errors.extend(validation_row_errors(row.number, exc, labels))
            row.valid = False
            continue
        existing[department.code] = department
        created += is_new
        updated += not is_new
    if errors:
        # Rows checked after earlier ones were saved: roll the whole import back.
        transaction.set_rollback(True)
        raise_row_errors(errors)
    return ImportResult(created=created, updated=updated)


EMPLOYEE_OPTIONAL = (
    "hire_date",
    "phone",
    "email",
    "is_principal_head",
    "is_safety_manager",
    "safety_officer",
    "is_special_operation_worker",
    "is_high_risk_post",
)


def _employee_from_row(values: dict, department: Department, existing: dict) -> Employee:
    """The employee of the row's number (new or existing) with the row's values set, to check
    the row before anything is written."""
    employee = existing.get(values["employee_no"]) or Employee(employee_no=values["employee_no"])
    employee.name = values["name"]
    employee.department = department
    for field in EMPLOYEE_OPTIONAL:
        if field in values and values[field] is not None:
            setattr(employee, field, values[field])
    if values.get("employment_type"):
        employee.employment_type = values["employment_type"]
    if values.get("is_active") is not None:
        employee.is_active = values["is_active"]
    return employee


def _employee_data(employee: Employee) -> dict:
    return {f: getattr(employee, f) for f in EMPLOYEE_FIELDS if f != "position"}


def _employees_save(
    prepared: list[tuple[int, Employee, str]], positions: dict[str, Position], *, user, labels
) -> ImportResult:
    """Save the checked employees through the same services as the forms (which also take a
    leaver's login away), creating the positions they name on first sight."""
    created = updated = 0
    errors = []
    for number, employee, position_name in prepared:
        data = _employee_data(employee)
        try:
            with transaction.atomic():
                if position_name:
                    if position_name not in positions:
                        positions[position_name] = position_save(data={"name": position_name}, user=user)
                    data["position"] = positions[position_name]
                if employee.pk is None:
                    employee_create(data=data, user=user)
                else:
                    employee_update(employee=employee, data=data, user=user)
        except ValidationError as exc:
            errors.extend(validation_row_errors(number, exc, labels))
            continue
        created += employee.pk is None
        updated += employee.pk is not None
    if errors:
        raise_row_errors(errors)
    return ImportResult(created=created, updated=updated)


@transaction.atomic
def employee_import(*, upload, user) -> ImportResult:
    rows, errors = read_sheet(upload, EMPLOYEE_COLUMNS)
    labels = _labels(EMPLOYEE_COLUMNS)
    labels["department"] = labels["department_code"]
    errors += _duplicates(rows, "employee_no", labels["employee_no"])
    departments = {d.code: d for d in Department.objects.all()}
    positions = {p.name: p for p in Position.objects.all()}
    numbers = [r.values.get("employee_no") for r in rows]
    existing = {e.employee_no: e for e in Employee.objects.filter(employee_no__in=numbers)}

    prepared: list[tuple[int, Employee, str]] = []
    for row in rows:
        values = row.values
        if not values.get("employee_no") or not values.get("department_code"):
            continue  # already reported as a missing required cell
        department = departments.get(values["department_code"])
        if department is None:
            errors.append(
                RowError(
                    row.number,
                    labels["department_code"],
                    _("No department has the code “%(code)s”.") % {"code": values["department_code"]},
                )
            )
            continue
        if not row.valid:
            continue
        employee = _employee_from_row(values, department, existing)
        try:
            employee.full_clean(exclude=["position", "user"], validate_unique=False)
        except ValidationError as exc:
            errors.extend(validation_row_errors(row.number, exc, labels))
            continue
        prepared.append((row.number, employee, values.get("position") or ""))
    if errors:
        raise_row_errors(errors)
    return _employees_save(prepared, positions, user=user, labels=labels)
