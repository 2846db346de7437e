"""Overhead of the shared xlsx renderer over bare openpyxl write-only, on the same 20,000 rows."""

from __future__ import annotations

import io
from datetime import date

from _common import best_of, setup_django  # noqa: E402

setup_django(throwaway_db=False)

from openpyxl import Workbook  # noqa: E402

from apps.core.xlsx import render_xlsx  # noqa: E402

HEADER = ["工号", "姓名", "部门", "岗位", "入职日期", "特种作业", "用工形式", "在职"]
ROWS = [
    [f"E{i:05d}", f"员工{i}", f"部门{i % 40}", "车工", date(2020, 1, 1 + i % 28), "否", "正式员工", "是"]
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
    return render_xlsx(HEADER, ROWS, sheet_title="员工", total=len(ROWS), progress=lambda d, t: None)


if __name__ == "__main__":
    base, mine = best_of(bare), best_of(ours)
    print(f"bare openpyxl write-only: {base:.3f} s")
    print(f"render_xlsx:              {mine:.3f} s")
    print(f"ratio (ours / bare):      {mine / base:.2f}  (target <= 1.10)")
