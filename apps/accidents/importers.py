"""All-or-nothing import of monthly man-hours per department."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from apps.accidents.models import ManHours
from apps.accidents.services._common import _require_manager
from apps.accidents.services.man_hours import first_of_month
from apps.core.exceptions import RowError
from apps.core.importing import Column, a_date, decimal, integer, raise_row_errors, read_sheet, text
from apps.org.models import Department
from apps.org.services import ImportResult

MAN_HOURS_COLUMNS = [
    Column("department", gettext_lazy("Department code"), text, required=True),
    Column("month", gettext_lazy("Month"), a_date, required=True),
    Column("hours", gettext_lazy("Hours worked"), decimal, required=True),
    Column("headcount", gettext_lazy("Staff"), integer),
]


@transaction.atomic
def man_hours_import(*, upload, user) -> ImportResult:
    """Every row is checked before anything is written; a month already entered is replaced."""
    _require_manager(user)
    rows, errors = read_sheet(upload, MAN_HOURS_COLUMNS)
    labels = {c.key: str(c.label) for c in MAN_HOURS_COLUMNS}
    departments = dict(Department.objects.values_list("code", "pk"))
    existing = {(m.department_id, m.month): m for m in ManHours.objects.all()}
    seen: dict[tuple, int] = {}
    new, changed = [], []
    for row in rows:
        values = row.values
        code = values.get("department")
        department_id = departments.get(code) if code else None
        if code and department_id is None:
            errors.append(
                RowError(
                    row.number,
                    labels["department"],
                    _("No department has the code “%(code)s”.") % {"code": code},
                )
            )
            continue
        hours = values.get("hours")
        if hours is not None and hours < 0:
            errors.append(RowError(row.number, labels["hours"], _("Hours cannot be negative.")))
            continue
        headcount = values.get("headcount")
        if headcount is not None and headcount < 0:
            errors.append(RowError(row.number, labels["headcount"], _("Staff cannot be negative.")))
            continue
        if not row.valid or department_id is None or values.get("month") is None:
            continue
        key = (department_id, first_of_month(values["month"]))
        if key in seen:
            errors.append(
                RowError(
                    row.number,
                    labels["month"],
                    _("This department and month already appear in row %(row)d.")
                    % {"row": seen[key]},
                )
            )
            continue
        seen[key] = row.number
        item = existing.get(key) or ManHours(department_id=key[0], month=key[1])
        item.hours, item.headcount = hours, headcount or 0
        (changed if item.pk else new).append(item)
    if errors:
        raise_row_errors(errors)
    bulk_create_with_history(new, ManHours, batch_size=500, default_user=user)
    bulk_update_with_history(
        changed, ManHours, ["hours", "headcount"], batch_size=500, default_user=user
    )
    return ImportResult(created=len(new), updated=len(changed))
