"""The one xlsx renderer: openpyxl write-only, bold header row, progress callback."""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

ProgressCallback = Callable[[int, int | None], None]

# How often (in rows) the progress callback is told; each call may write to the database.
PROGRESS_EVERY = 500


def _width(value) -> int:
    text = str(value or "")
    # CJK characters take two columns in a spreadsheet.
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def render_xlsx(
    header: Sequence[str],
    rows: Iterable[Sequence],
    *,
    sheet_title: str = "Sheet1",
    total: int | None = None,
    progress: ProgressCallback | None = None,
) -> bytes:
    """Write one sheet: the header row in bold, then every data row. Returns the file's bytes."""
    return render_xlsx_sheets([(sheet_title, header, rows)], total=total, progress=progress)


def render_xlsx_sheets(
    sheets: Sequence[tuple[str, Sequence[str], Iterable[Sequence]]],
    *,
    total: int | None = None,
    progress: ProgressCallback | None = None,
) -> bytes:
    """Write several sheets (title, header, rows) into one workbook."""
    workbook = Workbook(write_only=True)
    written = 0
    try:
        for sheet_title, header, rows in sheets:
            written = _write_sheet(workbook, sheet_title, header, rows, written, total, progress)
    except BaseException:
        # A failing row source leaves the sheets' writers open on their temporary files; close
        # them here rather than when they are garbage-collected.
        for sheet in workbook.worksheets:
            with contextlib.suppress(Exception):
                sheet.close()
        raise
    if progress:
        progress(written, total)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _write_sheet(workbook, sheet_title, header, rows, written, total, progress) -> int:
    sheet = workbook.create_sheet(title=str(sheet_title)[:31])
    for index, title in enumerate(header, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(10, _width(title) + 4)
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    cells = []
    for title in header:
        cell = WriteOnlyCell(sheet, value=str(title))
        cell.font = bold
        cells.append(cell)
    sheet.append(cells)
    for row in rows:
        sheet.append([_cell_value(v) for v in row])
        written += 1
        if progress and written % PROGRESS_EVERY == 0:
            progress(written, total)
    return written


def _cell_value(value):
    if value is None or isinstance(value, int | float | date | datetime):
        if isinstance(value, datetime) and value.tzinfo is not None:
            # Excel has no time zones: write local wall-clock time.
            from django.utils import timezone

            return timezone.localtime(value).replace(tzinfo=None)
        return value
    return str(value)
