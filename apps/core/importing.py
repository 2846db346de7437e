"""Reading an uploaded xlsx sheet into typed rows, collecting every bad cell.

Imports are all or nothing: a parser collects every error it can find, the service adds its
own cross-row checks, and nothing is saved unless the whole sheet is clean.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from apps.core.exceptions import ApplicationError, RowError

Parser = Callable[[Any], Any]


@dataclass(frozen=True)
class Column:
    key: str
    label: Any  # a lazy translation: the header is accepted in every language we speak
    parse: Parser = lambda v: v
    required: bool = False

    def headers(self) -> set[str]:
        names = {self.key.lower()}
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                names.add(str(self.label).strip().lower())
        return names


@dataclass
class ParsedRow:
    number: int
    values: dict[str, Any] = field(default_factory=dict)
    valid: bool = True  # False when one of its cells could not be read


# --- cell parsers: return the value or raise ValueError with a message a person can act on ---


def text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _number(value: Any, read: Callable[[str], Any], fits: Callable[[Any], bool], message: str):
    """The cell's text as `read` reads it (`Decimal`, `float`), or ValueError with `message` when it
    does not read or the number does not fit (finite, whole)."""
    try:
        number = read(str(value).strip())
    except (InvalidOperation, ValueError):
        number = None
    if number is None or not fits(number):
        raise ValueError(message % {"value": value})
    return number


def decimal(value: Any) -> Decimal | None:
    if value in (None, ""):
        return None
    return _number(value, Decimal, Decimal.is_finite, _("“%(value)s” is not a number."))


def integer(value: Any) -> int | None:
    if value in (None, ""):
        return None
    return int(_number(value, float, float.is_integer, _("“%(value)s” is not a whole number.")))


def a_date(value: Any) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    raw = str(value).strip()
    for fmt in ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日"):
        try:
            return datetime.strptime(raw, fmt).date()
        except ValueError:
            continue
    raise ValueError(_("“%(value)s” is not a date (write it as 2024-03-31).") % {"value": raw})


TRUE_WORDS = {"是", "y", "yes", "true", "1", "√", "✓"}
FALSE_WORDS = {"否", "n", "no", "false", "0", "×"}


def boolean(value: Any) -> bool | None:
    raw = text(value).lower()
    if raw == "":
        return None  # an empty cell changes nothing
    if raw in TRUE_WORDS:
        return True
    if raw in FALSE_WORDS:
        return False
    raise ValueError(_("“%(value)s” is not yes/no (write 是 or 否).") % {"value": value})


def choice(choices) -> Parser:
    """Accept a TextChoices value or its label in any language we speak."""

    def parse(value: Any) -> str:
        raw = text(value)
        if raw == "":
            return ""
        lookup = {}
        for member_value, label in choices.choices:
            lookup[str(member_value).lower()] = member_value
            for code, _name in settings.LANGUAGES:
                with translation.override(code):
                    lookup[str(label).lower()] = member_value
        if raw.lower() in lookup:
            return lookup[raw.lower()]
        labels = "、".join(str(label) for _v, label in choices.choices)
        raise ValueError(_("“%(value)s” is not one of: %(labels)s.") % {"value": raw, "labels": labels})

    return parse


def open_workbook(upload):
    """Open an uploaded xlsx read-only; a file that is not one raises ApplicationError."""
    if upload.size > settings.IMPORT_MAX_BYTES:
        raise ApplicationError(_("The file is too large to import."))
    try:
        upload.seek(0)
        return load_workbook(upload, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError):
        raise ApplicationError(_("The file could not be read as an Excel workbook (.xlsx).")) from None


def read_sheet(upload, columns: Sequence[Column]) -> tuple[list[ParsedRow], list[RowError]]:
    """Parse the first sheet of an uploaded xlsx into rows and the errors of their cells."""
    workbook = open_workbook(upload)
    try:
        return parse_sheet(workbook.worksheets[0], columns)
    finally:
        workbook.close()


def parse_sheet(sheet, columns: Sequence[Column], *, sheet_label: str = "") -> tuple[list[ParsedRow], list[RowError]]:
    """Parse one worksheet into typed rows and the errors of their cells.

    A missing required column raises at once; bad cells are returned so that the importer can
    add its own checks and report every problem in one go.
    """
    rows = sheet.iter_rows(values_only=True)
    header = next(rows, None)
    if header is None:
        raise ApplicationError(_("The sheet is empty."))
    positions: dict[str, int] = {}
    normalized = [text(h).lower() for h in header]
    errors: list[RowError] = []
    for column in columns:
        accepted = column.headers()
        index = next((i for i, h in enumerate(normalized) if h in accepted), None)
        if index is None:
            if column.required:
                errors.append(RowError(1, str(column.label), _("This required column is missing."), sheet_label))
            continue
        positions[column.key] = index
    if errors:
        raise ApplicationError(_("The sheet's header row is incomplete."), errors=errors)

    parsed: list[ParsedRow] = []
    for number, cells in enumerate(rows, start=2):
        if cells is None or all(c in (None, "") for c in cells):
            continue
        row = ParsedRow(number=number)
        for column in columns:
            index = positions.get(column.key)
            if index is None:
                continue  # a column the sheet does not have leaves that field as it is
            raw = cells[index] if index < len(cells) else None
            try:
                value = column.parse(raw)
            except ValueError as exc:
                errors.append(RowError(number, str(column.label), str(exc), sheet_label))
                row.valid = False
                continue
            if column.required and value in (None, ""):
                errors.append(RowError(number, str(column.label), _("This cell is required."), sheet_label))
                row.valid = False
                continue
            row.values[column.key] = value
        parsed.append(row)
    if not parsed:
        raise ApplicationError(_("The sheet has no data rows."))
    return parsed, errors


def raise_row_errors(errors: list[RowError]) -> None:
    errors = sorted(errors, key=lambda e: e.row)
    raise ApplicationError(
        _("Nothing was imported: %(count)d problem(s) found. Fix them and upload again.") % {"count": len(errors)},
        errors=errors,
    )


def validation_row_errors(number: int, exc: ValidationError, labels: dict[str, str]) -> list[RowError]:
    """Turn a model's full_clean() errors into row errors named by the sheet's column labels."""
    if not hasattr(exc, "error_dict"):
        return [RowError(number, "", " ".join(exc.messages))]
    return [RowError(number, labels.get(name, name), " ".join(messages)) for name, messages in exc.message_dict.items()]
