"""Import a scoring standard from the three-sheet workbook that the export writes."""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from apps.core.exceptions import ApplicationError, RowError
from apps.core.importing import decimal, open_workbook, parse_sheet, raise_row_errors
from apps.scoring import services
from apps.scoring.models import Standard
from apps.scoring.sheets import (
    ELEMENT_COLUMNS,
    ELEMENT_SHEET,
    INFO_COLUMNS,
    INFO_FIELDS,
    INFO_SHEET,
    ITEM_COLUMNS,
    ITEM_SHEET,
)

NUMERIC_INFO = {"full_points", "threshold_1", "threshold_2", "threshold_3", "element_min_share"}


def _find_sheet(workbook, label) -> object:
    names = set()
    for code, _name in (("zh-hans", ""), ("en", "")):
        with translation.override(code):
            names.add(str(label).strip().lower())
    for sheet in workbook.worksheets:
        if sheet.title.strip().lower() in names:
            return sheet
    raise ApplicationError(
        _("The workbook has no sheet named “%(name)s”.") % {"name": str(label)},
        errors=[RowError(0, "", _("Sheet “%(name)s” is missing.") % {"name": str(label)})],
    )


def _info_key(label: str) -> str | None:
    wanted = label.strip().lower()
    for key, field_label in INFO_FIELDS:
        for code in ("zh-hans", "en"):
            with translation.override(code):
                if str(field_label).strip().lower() == wanted:
                    return key
        if key == wanted:
            return key
    return None


def _read_sheets(upload) -> tuple[list, list, list, list[RowError]]:
    """The rows of the three sheets (information, elements, items) and their cell errors."""
    workbook = open_workbook(upload)
    try:
        info_rows, errors = parse_sheet(_find_sheet(workbook, INFO_SHEET), INFO_COLUMNS, sheet_label=str(INFO_SHEET))
        element_rows, more = parse_sheet(
            _find_sheet(workbook, ELEMENT_SHEET), ELEMENT_COLUMNS, sheet_label=str(ELEMENT_SHEET)
        )
        errors += more
        item_rows, more = parse_sheet(_find_sheet(workbook, ITEM_SHEET), ITEM_COLUMNS, sheet_label=str(ITEM_SHEET))
        errors += more
    finally:
        workbook.close()
    return info_rows, element_rows, item_rows, errors


def _info_error(row, column: int, message: str) -> RowError:
    return RowError(row.number, str(INFO_COLUMNS[column].label), message, str(INFO_SHEET))


def _info_into(data: dict, info_rows: list) -> list[RowError]:
    """The standard's fields (name, version, points, thresholds …) from the information sheet."""
    errors: list[RowError] = []
    thresholds: list = [Decimal(90), Decimal(75), Decimal(60)]
    for row in info_rows:
        key = _info_key(row.values.get("field", ""))
        value = row.values.get("value", "") or ""
        if key is None:
            message = _("Unknown field “%(field)s”.") % {"field": row.values.get("field")}
            errors.append(_info_error(row, 0, message))
            continue
        data["_rows"][key] = row.number
        if key not in NUMERIC_INFO:
            data[key] = value
            continue
        try:
            number = decimal(value)
        except ValueError as exc:
            errors.append(_info_error(row, 1, str(exc)))
            continue
        if not key.startswith("threshold_"):
            data[key] = number
        elif number is None:
            errors.append(_info_error(row, 1, _("This cell is required.")))
        else:
            thresholds[int(key[-1]) - 1] = number
    data["thresholds"] = thresholds
    return errors


def _elements_into(data: dict, element_rows: list) -> tuple[dict[str, dict], list[RowError]]:
    """The elements by code, each added to the data once; a code seen twice is an error."""
    errors: list[RowError] = []
    elements: dict[str, dict] = {}
    for row in element_rows:
        if not row.valid:
            continue
        node = {**row.values, "b_items": [], "_row": row.number, "_sheet": str(ELEMENT_SHEET)}
        if row.values["code"] in elements:
            errors.append(
                RowError(
                    row.number,
                    str(ELEMENT_COLUMNS[0].label),
                    _("The element code “%(code)s” appears twice.") % {"code": row.values["code"]},
                    str(ELEMENT_SHEET),
                )
            )
            continue
        elements[row.values["code"]] = node
        data["elements"].append(node)
    return elements, errors


def _item_node(row) -> dict:
    values = row.values
    return {
        "code": values["code"],
        "requirement": values["requirement"],
        "points": values["points"],
        "method": values["method"],
        "veto": values.get("veto") or False,
        "group": values.get("group") or "basic",
        "indicator": values.get("indicator") or None,
        "auto_rule": values.get("auto_rule") or "",
        "_row": row.number,
        "_sheet": str(ITEM_SHEET),
    }


def _items_into(data: dict, elements: dict[str, dict], item_rows: list) -> list[RowError]:
    """Each item under its element's B-item (made on first sight); an unknown element makes an
    orphan, a B-item named two ways an error."""
    errors: list[RowError] = []
    b_items: dict[tuple[str, str], dict] = {}
    for row in item_rows:
        values = row.values
        if not row.valid:
            continue
        item = _item_node(row)
        element = elements.get(values["element"])
        if element is None:
            data["orphans"].append({"element": values["element"], "_row": row.number, "_sheet": str(ITEM_SHEET)})
            continue
        key = (values["element"], values["b_code"])
        if key not in b_items:
            b_items[key] = {"code": values["b_code"], "name": values["b_name"], "items": []}
            element["b_items"].append(b_items[key])
        elif b_items[key]["name"] != values["b_name"]:
            errors.append(
                RowError(
                    row.number,
                    str(ITEM_COLUMNS[2].label),
                    _("B-item %(code)s is named “%(name)s” in an earlier row.")
                    % {"code": values["b_code"], "name": b_items[key]["name"]},
                    str(ITEM_SHEET),
                )
            )
        b_items[key]["items"].append(item)
    return errors


def workbook_to_data(upload) -> tuple[dict, list[RowError]]:
    """The standard as data (the fixture's shape, with rows for messages) and every error."""
    info_rows, element_rows, item_rows, errors = _read_sheets(upload)
    data: dict = {"_row": 1, "_sheet": str(INFO_SHEET), "_rows": {}, "elements": [], "orphans": []}
    errors += _info_into(data, info_rows)
    elements, more = _elements_into(data, element_rows)
    errors += more
    errors += _items_into(data, elements, item_rows)
    return data, errors


@transaction.atomic
def standard_import(*, upload, user) -> Standard:
    data, errors = workbook_to_data(upload)
    errors += services.standard_validate(data) if data.get("elements") or not errors else []
    if errors:
        raise_row_errors(errors)
    return services.standard_create(data=data, user=user)
