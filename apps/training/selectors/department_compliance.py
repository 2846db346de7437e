"""Compliance per department: the same people's rows totalled per department, and everyone's
counted per department path for the evidence and the dashboard."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from apps.org.models import Employee
from apps.training.selectors.person_compliance import ZERO, PersonCompliance, compliance


def compliance_by_path(*, as_of: dt.date):
    """Everyone's compliance counted per department path: {path: (people, hours_ok,
    induction_ok)}, with when it was computed. Shared by the evidence provider and the dashboard,
    and cached until a training or organisation record changes (apps/scoring/live.py)."""
    from apps.scoring import live

    def compute() -> dict[str, tuple[int, int, int]]:
        counts: dict[str, list[int]] = {}
        for row in compliance(Employee.objects.all(), as_of=as_of):
            entry = counts.setdefault(row.department_path, [0, 0, 0])
            entry[0] += 1
            entry[1] += row.hours_ok
            entry[2] += row.induction_complete
        return {path: tuple(entry) for path, entry in counts.items()}

    return live.memo(f"training.compliance:{as_of.isoformat()}", apps=("training",), compute=compute)


@dataclass
class DepartmentCompliance:
    department_id: int
    name: str
    path: str
    people: int = 0
    hours_ok: int = 0
    induction_ok: int = 0
    short_hours: Decimal = ZERO

    @property
    def hours_rate(self) -> Decimal | None:
        return _percent(self.hours_ok, self.people)

    @property
    def induction_rate(self) -> Decimal | None:
        return _percent(self.induction_ok, self.people)

    @property
    def depth(self) -> int:
        return max(0, self.path.count("/") - 2)


def by_department(rows: list[PersonCompliance]) -> list[DepartmentCompliance]:
    """Per-department totals of the same rows (no further query)."""
    result: dict[int, DepartmentCompliance] = {}
    for row in rows:
        entry = result.setdefault(
            row.department_id, DepartmentCompliance(row.department_id, row.department_name, row.department_path)
        )
        entry.people += 1
        entry.hours_ok += row.hours_ok
        entry.induction_ok += row.induction_complete
        entry.short_hours += row.initial_short + row.annual_short
    return sorted(result.values(), key=lambda d: d.path)


def _percent(part: int, whole: int) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(part) * 100 / whole).quantize(Decimal("0.1"))
