"""Helpers every test package shares: counting queries, reading PDFs back, making uploads.

Persona fixtures (`world`, `client_for`, `api_for`, `english`) live in tests/conftest.py; these are
plain functions to import.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import Workbook, load_workbook


def count_queries(fn: Callable[[], object]) -> int:
    """How many queries `fn()` runs, starting from cold ContentType caches so that two
    measurements compare; a response it returns must be a 200."""
    ContentType.objects.clear_cache()
    with CaptureQueriesContext(connection) as ctx:
        result = fn()
    status = getattr(result, "status_code", None)
    assert status in (None, 200), f"expected 200, got {status}"
    return len(ctx.captured_queries)


def _poppler(tool: str, content: bytes | Path, *args: str) -> str:
    with tempfile.TemporaryDirectory() as folder:
        if isinstance(content, bytes | bytearray):
            path = Path(folder) / "document.pdf"
            path.write_bytes(content)
        else:
            path = Path(content)
        return subprocess.run(
            [shutil.which(tool) or tool, *args, str(path), *(["-"] if tool == "pdftotext" else [])],
            capture_output=True,
            text=True,
            check=True,
        ).stdout


def pdf_text(content: bytes | Path, *, layout: bool = True) -> str:
    """The text of a PDF (bytes or a path), as poppler's pdftotext reads it."""
    return _poppler("pdftotext", content, *(["-layout"] if layout else []))


def pdf_embedded_cjk_fonts(content: bytes | Path) -> list[str]:
    """The lines of `pdffonts` naming an embedded Noto Sans CJK font: without the font installed,
    Chinese renders as boxes although pdftotext still returns the right text."""
    fonts = _poppler("pdffonts", content)
    cjk = [line for line in fonts.splitlines() if "NotoSansCJK" in line.replace("-", "")]
    # Columns: name type encoding emb sub uni object ID; "emb" must be yes for every one of them.
    embedded = [line for line in cjk if " yes " in line]
    assert embedded == cjk, f"a CJK font is not embedded:\n{fonts}"
    return embedded


def xlsx_upload(rows: list[list], name: str = "sheet.xlsx", *, header: list | None = None) -> SimpleUploadedFile:
    """An uploaded workbook whose first sheet holds `header` (when given) and then `rows`."""
    workbook = Workbook()
    sheet = workbook.active
    if header is not None:
        sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def xlsx_rows(content: bytes, sheet: str | None = None) -> list[tuple]:
    """The rows of a workbook's sheet (the active one unless named), as value tuples."""
    workbook = load_workbook(io.BytesIO(content), read_only=True)
    worksheet = workbook[sheet] if sheet else workbook.active
    return [tuple(row) for row in worksheet.iter_rows(values_only=True)]


def reminded(subject, kind: str, *, field: str = "due"):
    """Of the latest Reminder of `kind` about `subject`: the due date it was for (or, with
    field="sent_on", the day it was last sent); None if never reminded."""
    from apps.workflow.models import Reminder

    return (
        Reminder.objects.filter(
            subject_type=ContentType.objects.get_for_model(subject), subject_id=subject.pk, kind=kind
        )
        .order_by(f"-{field}")
        .values_list(field, flat=True)
        .first()
    )
