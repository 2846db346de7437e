"""All-or-nothing import of a session's sign-in sheet, in bulk."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from apps.core.exceptions import RowError
from apps.core.importing import raise_row_errors, read_sheet
from apps.org.access import access_for
from apps.org.models import Employee
from apps.org.services import ImportResult
from apps.scoring import live
from apps.training import services
from apps.training.models import Attendance, TrainingSession
from apps.training.sheets import SIGN_IN_COLUMNS

BATCH = 500


@transaction.atomic
def attendance_import(*, session: TrainingSession, upload, user) -> ImportResult:
    """Every row is checked before anything is written; a sheet with one bad row imports
    nothing and names each bad row. Rows for people already on the session update them."""
    services.require_session_head(user, session)
    rows, errors = read_sheet(upload, SIGN_IN_COLUMNS)
    labels = {c.key: str(c.label) for c in SIGN_IN_COLUMNS}
    access = access_for(user)
    people = {
        number: (pk, name, department_id)
        for number, pk, name, department_id in Employee.objects.filter(is_active=True).values_list(
            "employee_no", "pk", "name", "department_id"
        )
    }
    existing = {a.employee_id: a for a in Attendance.objects.filter(session=session)}
    seen: dict[int, int] = {}
    new: list[Attendance] = []
    changed: list[Attendance] = []
    for row in rows:
        values = row.values
        number = values.get("employee_no")
        if not number:
            continue  # reported as a missing required cell
        person = people.get(number)
        if person is None:
            errors.append(
                RowError(
                    row.number,
                    labels["employee_no"],
                    _("No employee in service has the number “%(number)s”.") % {"number": number},
                )
            )
            continue
        pk, name, department_id = person
        if user is not None and not access.heads(department_id):
            errors.append(
                RowError(row.number, labels["employee_no"], services.not_creditable_message(number))
            )
            continue
        if values.get("name") and values["name"] != name:
            errors.append(
                RowError(
                    row.number,
                    labels["name"],
                    _("Employee %(number)s is %(name)s, not “%(given)s”.")
                    % {"number": number, "name": name, "given": values["name"]},
                )
            )
        if pk in seen:
            errors.append(
                RowError(
                    row.number,
                    labels["employee_no"],
                    _("%(number)s already appears in row %(row)d.")
                    % {"number": number, "row": seen[pk]},
                )
            )
            continue
        seen[pk] = row.number
        problems = services.attendance_problems(
            session,
            hours=values.get("hours_credited"),
            date=values.get("date"),
            exam_score=values.get("exam_score"),
        )
        for key, message in problems.items():
            errors.append(RowError(row.number, labels[key], message))
        if not row.valid or problems:
            continue
        present = values.get("present")
        present = True if present is None else present
        attendance = existing.get(pk) or Attendance(session=session, employee_id=pk)
        attendance.level = session.level
        attendance.date = values.get("date") or session.start_date
        attendance.present = present
        attendance.hours_credited = services.credited_hours(
            session, present, values.get("hours_credited")
        )
        attendance.exam_score = values.get("exam_score")
        if values.get("passed") is not None:
            attendance.passed = values["passed"]
        (changed if attendance.pk else new).append(attendance)
    if errors:
        raise_row_errors(errors)
    # In bulk, with one audit-history row per attendance.
    bulk_create_with_history(new, Attendance, batch_size=BATCH, default_user=user)
    now = timezone.now()
    for attendance in changed:
        attendance.updated_at = now
    bulk_update_with_history(
        changed,
        Attendance,
        ["level", "date", "present", "hours_credited", "exam_score", "passed", "updated_at"],
        batch_size=BATCH,
        default_user=user,
    )
    live.invalidate("training")  # bulk writes send no signals
    return ImportResult(created=len(new), updated=len(changed))
