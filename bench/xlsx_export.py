"""Overhead of the shared xlsx renderer over bare openpyxl write-only, on the same 20,000 rows."""

from __future__ import annotations

import io
import os
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402

django.setup()

from openpyxl import Workbook  # noqa: E402

from apps.core.xlsx import render_xlsx  # noqa: E402

HEADER = ["工号", "姓名", "部门", "岗位", "入职日期", "特种作业", "用工形式", "在职"]
ROWS = [
    [
        f"E{i:05d}",
        f"员工{i}",
        f"部门{i % 40}",
        "车工",
        date(2020, 1, 1 + i % 28),
        "否",
        "正式员工",
        "是",
    ]
    for i in range(20_000)
]


def bare() -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("员工")
    sheet.append(HEADER)
    for row in ROWS:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def ours() -> bytes:
    return render_xlsx(
        HEADER, ROWS, sheet_title="员工", total=len(ROWS), progress=lambda d, t: None
    )


def best_of(fn, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


if __name__ == "__main__":
    base, mine = best_of(bare), best_of(ours)
    print(f"bare openpyxl write-only: {base:.3f} s")
    print(f"render_xlsx:              {mine:.3f} s")
    print(f"ratio (ours / bare):      {mine / base:.2f}  (target <= 1.10)")
