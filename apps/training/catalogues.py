"""The special-operation and special-equipment catalogues, read from fixtures/training/.

The CSV files are the checked catalogue tables (their sources: docs/sources.md): 特种作业目录
(安监总局令第30号 as amended by 第63号 and 第80号) and 特种设备目录 (2014年第114号公告).
Doubts kept from docs/sources.md: special operations 1.4 电力电缆作业, 1.5 继电保护作业 and 1.6
电气试验作业 are in common use but not in the 2010 catalogue text, and their numbering is ours.
Only the categories and sub-categories are used here; the equipment app owns inspection
intervals.
"""

from __future__ import annotations

import csv
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent.parent / "fixtures" / "training"

OPERATIONS_FILE = FIXTURES / "special_operation_types.csv"
EQUIPMENT_FILE = FIXTURES / "special_equipment_types.csv"


# Each catalogue: its kind, its file, and the prefix of the columns that give its entries' code
# and name (the file's own naming: sub-types of operations, sub-categories of equipment).
CATALOGUES = [("special_operation", OPERATIONS_FILE, "subtype"), ("special_equipment", EQUIPMENT_FILE, "subcategory")]


def catalogue_rows() -> list[dict]:
    """Every catalogue entry as kind, category_code, category_name, code, name."""
    rows = []
    for kind, path, entry in CATALOGUES:
        with path.open(encoding="utf-8", newline="") as handle:
            rows.extend(
                {
                    "kind": kind,
                    "category_code": row["category_code"],
                    "category_name": row["category_zh"],
                    "code": row[f"{entry}_code"],
                    "name": row[f"{entry}_zh"],
                }
                for row in csv.DictReader(handle)
            )
    return rows


def load_catalogues(model) -> int:
    """Create the missing entries (model: CertificateType, or its historical version in a
    migration). Existing entries are left alone. Returns how many were created."""
    existing = set(model.objects.values_list("kind", "code"))
    missing = [model(**row) for row in catalogue_rows() if (row["kind"], row["code"]) not in existing]
    model.objects.bulk_create(missing)
    return len(missing)
