"""The equipment ledger export on 10,000 items (with 100,000 inspection and maintenance records)
against openpyxl writing the same rows alone.

Prints both times and their ratio (our overhead: the query, the label lookups, the renderer).
Target: ratio <= 1.5. Runs against a throwaway SQLite database.
"""

from __future__ import annotations

import datetime as dt
import io

from _common import best_of, setup_django  # noqa: E402

setup_django()

from django.core.management import call_command  # noqa: E402
from django.utils import timezone, translation  # noqa: E402
from openpyxl import Workbook  # noqa: E402

ITEMS = 10_000
RECORDS_PER_ITEM = 10


def seed() -> object:
    from apps.equipment.models import Equipment, Record, SpecialEquipmentType
    from apps.org.models import Department, Employee

    call_command("migrate", verbosity=0)
    call_command("load_demo", "--quiet-users", stdout=io.StringIO())
    departments = list(Department.objects.exclude(kind="company"))
    manager = Employee.objects.get(employee_no="E0002").user
    types = list(SpecialEquipmentType.objects.all())
    today = timezone.localdate()
    Equipment.objects.bulk_create(
        [
            Equipment(
                code=f"SB-B{i:06d}",
                name=f"设备 {i}",
                category="通用设备",
                special_type=types[i % len(types)] if i % 4 == 0 else None,
                model_number=f"XH-{i % 97}",
                maker="某某机械厂",
                serial_number=f"SN{i:08d}",
                location=f"车间 {i % 30} 号区域",
                department=departments[i % len(departments)],
                owner=manager,
                commissioned_on=today - dt.timedelta(days=i % 3000),
                inspection_interval_months=12 if i % 4 == 0 else None,
                last_inspected_on=today - dt.timedelta(days=i % 365) if i % 4 == 0 else None,
                next_inspection_due=today + dt.timedelta(days=i % 365) if i % 4 == 0 else None,
            )
            for i in range(ITEMS)
        ],
        batch_size=2000,
    )
    ids = list(Equipment.objects.values_list("pk", flat=True))
    Record.objects.bulk_create(
        (
            Record(
                equipment_id=pk,
                kind="daily_check",
                result="pass" if n % 20 else "fail",
                performed_on=today - dt.timedelta(days=n),
                performed_by=manager,
                findings="" if n % 20 else "防护罩松动",
            )
            for pk in ids
            for n in range(RECORDS_PER_ITEM)
        ),
        batch_size=5000,
    )
    return manager


def main() -> None:
    from apps.equipment.exporters import LedgerExporter
    from apps.equipment.models import Record

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
    print(f"equipment:                       {len(rows)}")
    print(f"records:                         {Record.objects.count()}")
    print(f"ledger export (query + render):  {ours:.2f} s")
    print(f"openpyxl alone, same rows:       {alone:.2f} s")
    print(f"ratio (ours / openpyxl):         {ours / alone:.2f}  (target <= 1.5)")


if __name__ == "__main__":
    main()
