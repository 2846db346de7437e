"""The hazard ledger export on 50,000 hazards against openpyxl writing the same rows alone.

Prints both times and their ratio (our overhead: the query, the label lookups, the renderer).
Target: ratio <= 1.5. Runs against a throwaway SQLite database.
"""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

from _common import best_of, setup_django  # noqa: E402

setup_django()

from django.core.management import call_command  # noqa: E402
from django.utils import timezone, translation  # noqa: E402
from openpyxl import Workbook  # noqa: E402

HAZARDS = 50_000


def seed() -> object:
    from apps.hazards.models import Hazard, HazardStatus
    from apps.org.models import Department, Employee

    call_command("migrate", verbosity=0)
    call_command("load_demo", "--quiet-users", stdout=io.StringIO())
    departments = list(Department.objects.exclude(kind="company"))
    manager = Employee.objects.get(employee_no="E0002").user
    statuses = list(HazardStatus.values)
    today = timezone.localdate()
    Hazard.objects.bulk_create(
        [
            Hazard(
                code=f"YH-B{i:06d}",
                description=f"隐患描述 {i}：防护设施缺失或损坏，需要整改",
                location=f"车间 {i % 30} 号区域",
                department=departments[i % len(departments)],
                category="condition",
                grade="major" if i % 50 == 0 else "general",
                status=statuses[i % len(statuses)],
                found_on=today - dt.timedelta(days=i % 365),
                deadline=today - dt.timedelta(days=i % 30 - 10),
                reporter=manager,
                measures="加装防护罩，纳入点检" if i % 5 == 4 else "",
                cost=Decimal(i % 2000),
                rectified_on=today if i % 5 == 4 else None,
                verified_by=manager if i % 5 == 4 else None,
            )
            for i in range(HAZARDS)
        ],
        batch_size=2000,
    )
    return manager


def main() -> None:
    from apps.hazards.exporters import LedgerExporter

    user = seed()
    with translation.override("zh-hans"):
        exporter = LedgerExporter(user=user, params={})
        header = [str(h) for h in exporter.header()]
        rows = list(exporter.rows())

        def bare() -> bytes:
            workbook = Workbook(write_only=True)
            sheet = workbook.create_sheet("台账")
            sheet.append(header)
            for row in rows:
                sheet.append(row)
            buffer = io.BytesIO()
            workbook.save(buffer)
            return buffer.getvalue()

        ours = best_of(lambda: LedgerExporter(user=user, params={}).render())
        alone = best_of(bare)
    print(f"hazards:                         {len(rows)}")
    print(f"ledger export (query + render):  {ours:.2f} s")
    print(f"openpyxl alone, same rows:       {alone:.2f} s")
    print(f"ratio (ours / openpyxl):         {ours / alone:.2f}  (target <= 1.5)")


if __name__ == "__main__":
    main()
