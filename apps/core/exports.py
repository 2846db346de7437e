"""Exporters: each yields a header row and data rows; the shared renderer writes the file.

An app declares an exporter class and registers it with `@register`; `export_start` (services)
queues it as a Celery task that stores the result as a GeneratedFile.

Most exporters are a table over a selector's queryset: a `TableExporter` declares its `selector`
(or its own `queryset()`) and its `columns`, each a header label standing next to the value of its
cell, and inherits the header, the rows and the count.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, ClassVar

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.core.xlsx import ProgressCallback, render_xlsx

_registry: dict[str, type[Exporter]] = {}


class Exporter:
    kind: ClassVar[str]
    title: ClassVar[Any]  # lazy translation
    extension: ClassVar[str] = "xlsx"
    content_type: ClassVar[str] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    # The app's policy that answers who may export this (`can_export_…(user)`); without one, anyone
    # signed in may.
    policy: ClassVar[Callable[[Any], Any] | None] = None

    def __init__(self, *, user, params: dict | None = None) -> None:
        self.user = user
        self.params = params or {}

    @classmethod
    def allowed(cls, user) -> bool:
        if cls.policy is None:
            return user.is_authenticated
        return bool(cls.policy(user))

    def header(self) -> Sequence[str]:
        raise NotImplementedError

    def rows(self) -> Iterator[Sequence]:
        raise NotImplementedError

    def count(self) -> int | None:
        return None

    def filename(self) -> str:
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
        return f"{self.title}-{stamp}.{self.extension}".replace("/", "-")

    def render(self, progress: ProgressCallback | None = None) -> bytes:
        return render_xlsx(
            [str(h) for h in self.header()],
            self.rows(),
            sheet_title=str(self.title),
            total=self.count(),
            progress=progress,
        )


class PdfExporter(Exporter):
    """A document rather than a table: it overrides `render()`."""

    extension = "pdf"
    content_type = "application/pdf"


class Column:
    """One column of a table: its header label and how a record gives its cell.

    `fields` name what the cell is made of, as query paths (`department__name`); `show` turns their
    values into the cell (by default the one value as it is), `choices` shows a choice's label.
    Without fields, `show` is given the whole record.
    """

    def __init__(self, label, *fields: str, show: Callable | None = None, choices: type[models.Choices] | None = None):
        self.label = label
        self.fields = fields
        self.show = show
        self.choices = choices

    def cell(self, record, value: Callable[[Any, str], Any]):
        """The cell of a record, `value(record, field)` reading each of the fields."""
        values = [value(record, f) for f in self.fields] if self.fields else [record]
        if self.choices is not None:
            return choice_label(self.choices, values[0])
        if self.show is not None:
            return self.show(*values)
        return values[0]


def header(columns: Sequence[Column]) -> list:
    """The header row of a table: its columns' labels."""
    return [column.label for column in columns]


def row(columns: Sequence[Column], record) -> list:
    """One record's row of a table, its fields followed attribute by attribute."""
    return [column.cell(record, _follow) for column in columns]


def cell(*fields: str, show: Callable | None = None, choices: type[models.Choices] | None = None) -> Column:
    """A column whose label comes from elsewhere (see `sheet_columns`)."""
    return Column(None, *fields, show=show, choices=choices)


def sheet_columns(sheet: Sequence, **cells: str | Column) -> list[Column]:
    """An import sheet's columns (`core.importing.Column`) as the columns of its export: in the
    sheet's order and under its labels, so that a file goes out and comes back. `cells` says, by
    the sheet column's key, what each is read from: a field path, or a `cell(...)`; a column it
    does not name is read from the field of the column's key."""
    columns = []
    for column in sheet:
        how = cells.pop(column.key, column.key)
        how = cell(how) if isinstance(how, str) else how
        columns.append(Column(column.label, *how.fields, show=how.show, choices=how.choices))
    if cells:
        raise ValueError(f"Not columns of the sheet: {', '.join(cells)}")
    return columns


class TableExporter(Exporter):
    """One row per record of `queryset()`, one cell per column.

    The records are those of the app's `selector`, called with `user=` (the person exporting) and
    the export's parameters as `filters=`; an exporter whose records need more overrides
    `queryset()`. Records are model instances, their fields followed attribute by attribute; with
    `read_values`, the rows are read with `values_list()` of the columns' fields instead (one query,
    no instances).
    """

    selector: ClassVar[Callable[..., models.QuerySet] | None] = None
    columns: ClassVar[Sequence[Column]]
    read_values: ClassVar[bool] = False
    chunk_size: ClassVar[int] = 2000

    def queryset(self) -> models.QuerySet:
        # Read from the class, so the function is not bound to the exporter as a method.
        selector = type(self).selector
        if selector is None:
            raise NotImplementedError
        return selector(user=self.user, filters=self.params)

    def count(self) -> int:
        return self.queryset().count()

    def header(self) -> list:
        return header(self.columns)

    def records(self) -> Iterable:
        return self.queryset().iterator(chunk_size=self.chunk_size)

    def rows(self) -> Iterator[list]:
        if self.read_values:
            fields = list(dict.fromkeys(f for column in self.columns for f in column.fields))
            where = {f: i for i, f in enumerate(fields)}

            def read(values: tuple, field: str):
                return values[where[field]]

            for values in self.queryset().values_list(*fields).iterator(chunk_size=self.chunk_size):
                yield [column.cell(values, read) for column in self.columns]
        else:
            for record in self.records():
                yield row(self.columns, record)


def _follow(record, path: str):
    """The value at `department__name` of a model instance; None as soon as a link is empty."""
    for name in path.split("__"):
        if record is None:
            return None
        record = getattr(record, name)
    return record


def choice_label(choices: type[models.Choices], value) -> str:
    """The label of a stored choice in the active language; a value no longer a choice as itself."""
    try:
        return str(choices(value).label)
    except ValueError:
        return value


def local_time(value):
    """A moment as the company's wall clock reads it, without a zone (as a spreadsheet keeps it)."""
    return timezone.localtime(value).replace(tzinfo=None) if value else None


def yes_no(value) -> str:
    """Yes or No; an unknown (None) as an empty cell."""
    if value is None:
        return ""
    return _("Yes") if value else _("No")


def yes_or_blank(value) -> str:
    """Yes for a flag that is set, nothing for one that is not."""
    return _("Yes") if value else ""


def register(cls: type[Exporter]) -> type[Exporter]:
    if cls.kind in _registry and _registry[cls.kind] is not cls:
        raise RuntimeError(f"Exporter kind {cls.kind!r} registered twice")
    _registry[cls.kind] = cls
    return cls


def get(kind: str) -> type[Exporter] | None:
    return _registry.get(kind)
