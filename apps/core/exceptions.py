"""The one business-rule error. Services raise it; views and the API turn it into a message."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RowError:
    """One bad cell or row of an imported sheet, numbered as a spreadsheet shows it."""

    row: int
    column: str
    message: str
    sheet: str = ""

    def __str__(self) -> str:
        where = f"{self.sheet} " if self.sheet else ""
        return f"{where}{self.row} / {self.column}: {self.message}"


class ApplicationError(Exception):
    def __init__(self, message: str, *, errors: list[RowError] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.errors = errors or []
