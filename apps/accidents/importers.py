"""All-or-nothing import of monthly man-hours per department."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from apps.accidents import policies, services
from apps.accidents.models import ManHours
from apps.accidents.services.man_hours import first_of_month
from apps.core.exceptions import RowError
from apps.core.importing import (
    Column,
    a_date,
    decimal,
    integer,
    raise_row_errors,
    read_sheet,
    text,
    validation_row_errors,
)
from apps.org.models import Department
from apps.org.policy import require
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
    require(policies.can_record_man_hours(user))
    rows, errors = read_sheet(upload, MAN_HOURS_COLUMNS)
    labels = {c.key: str(c.label) for c in MAN_HOURS_COLUMNS}
    departments_by_pk = {d.pk: d for d in Department.objects.all()}
    departments = {d.code: d.pk for d in departments_by_pk.values()}
    existing = set(ManHours.objects.values_list("department_id", "month"))
    seen: dict[tuple, int] = {}
    checked = []
    for row in rows:
        values = row.values
        code = values.get("department")
        department_id = departments.get(code) if code else None
        if code and department_id is None:
            errors.append(
                RowError(row.number, labels["department"], _("No department has the code “%(code)s”.") % {"code": code})
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
                    _("This department and month already appear in row %(row)d.") % {"row": seen[key]},
                )
            )
            continue
        seen[key] = row.number
        checked.append((row.number, key, hours, headcount))
    if errors:
        raise_row_errors(errors)
    # A year of months per department at most: each row through the same service as the form.
    created = 0
    for number, (department_id, month), hours, headcount in checked:
        try:
            with transaction.atomic():
                services.man_hours_save(
                    department=departments_by_pk[department_id],
                    month=month,
                    hours=hours,
                    headcount=headcount,
                    user=user,
                )
        except ValidationError as exc:
            errors.extend(validation_row_errors(number, exc, labels))
        created += (department_id, month) not in existing
    if errors:
        raise_row_errors(errors)
    return ImportResult(created=created, updated=len(checked) - created)
