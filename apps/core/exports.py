"""Exporters: each yields a header row and data rows; the shared renderer writes the file.

An app declares an exporter class and registers it with `@register`; `export_start` (services)
queues it as a Celery task that stores the result as a GeneratedFile.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, ClassVar

from django.utils import timezone

from apps.core.xlsx import ProgressCallback, render_xlsx

_registry: dict[str, type[Exporter]] = {}


class Exporter:
    kind: ClassVar[str]
    title: ClassVar[Any]  # lazy translation
    extension: ClassVar[str] = "xlsx"
    content_type: ClassVar[str] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    def __init__(self, *, user, params: dict | None = None) -> None:
        self.user = user
        self.params = params or {}

    @classmethod
    def allowed(cls, user) -> bool:
        return user.is_authenticated

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


def register(cls: type[Exporter]) -> type[Exporter]:
    if cls.kind in _registry and _registry[cls.kind] is not cls:
        raise RuntimeError(f"Exporter kind {cls.kind!r} registered twice")
    _registry[cls.kind] = cls
    return cls


def get(kind: str) -> type[Exporter] | None:
    return _registry.get(kind)
