"""All-or-nothing import of a session's sign-in sheet, in bulk."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from apps.core.exceptions import RowError
from apps.core.importing import raise_row_errors, read_sheet
from apps.org.models import Employee
from apps.org.services import ImportResult
from apps.scoring import live
from apps.training import policies, services
from apps.training.models import Attendance, TrainingSession
from apps.training.sheets import SIGN_IN_COLUMNS

BATCH = 500


class _SheetCheck:
    """Checks each row of one sign-in sheet against the people in service and the session,
    adding every problem found to `errors`."""

    def __init__(self, *, session: TrainingSession, user, errors: list[RowError]):
        self.session = session
        self.user = user
        self.errors = errors
        self.labels = {c.key: str(c.label) for c in SIGN_IN_COLUMNS}
        self.people = {
            number: (pk, name, department_id)
            for number, pk, name, department_id in Employee.objects.filter(is_active=True).values_list(
                "employee_no", "pk", "name", "department_id"
            )
        }
        self.seen: dict[int, int] = {}

    def _error(self, row, key: str, message: str) -> None:
        self.errors.append(RowError(row.number, self.labels[key], message))

    def person(self, row) -> int | None:
        """The row's person (their pk): in service, theirs to credit for the user and not on an
        earlier row; None otherwise."""
        values = row.values
        number = values.get("employee_no")
        if not number:
            return None  # reported as a missing required cell
        person = self.people.get(number)
        if person is None:
            self._error(
                row, "employee_no", _("No employee in service has the number “%(number)s”.") % {"number": number}
            )
            return None
        pk, name, department_id = person
        if self.user is not None and not policies.heads_department(self.user, department_id):
            self._error(row, "employee_no", services.not_creditable_message(number))
            return None
        if values.get("name") and values["name"] != name:
            self._error(
                row,
                "name",
                _("Employee %(number)s is %(name)s, not “%(given)s”.")
                % {"number": number, "name": name, "given": values["name"]},
            )
        if pk in self.seen:
            self._error(
                row,
                "employee_no",
                _("%(number)s already appears in row %(row)d.") % {"number": number, "row": self.seen[pk]},
            )
            return None
        self.seen[pk] = row.number
        return pk

    def attendance_ok(self, row) -> bool:
        """Whether the row's hours, date and exam score fit the session (the shared checks)."""
        values = row.values
        problems = services.attendance_problems(
            self.session,
            hours=values.get("hours_credited"),
            date=values.get("date"),
            exam_score=values.get("exam_score"),
        )
        for key, message in problems.items():
            self._error(row, key, message)
        return not problems


def _fill(attendance: Attendance, session: TrainingSession, values: dict) -> Attendance:
    """The attendance as the row says; an empty "present" means present."""
    present = values.get("present")
    present = True if present is None else present
    attendance.level = session.level
    attendance.date = values.get("date") or session.start_date
    attendance.present = present
    attendance.hours_credited = services.credited_hours(session, present, values.get("hours_credited"))
    attendance.exam_score = values.get("exam_score")
    if values.get("passed") is not None:
        attendance.passed = values["passed"]
    return attendance


def _write(new: list[Attendance], changed: list[Attendance], user) -> None:
    """In bulk, with one audit-history row per attendance."""
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


@transaction.atomic
def attendance_import(*, session: TrainingSession, upload, user) -> ImportResult:
    """Every row is checked before anything is written; a sheet with one bad row imports
    nothing and names each bad row. Rows for people already on the session update them."""
    services.require_session_head(user, session)
    rows, errors = read_sheet(upload, SIGN_IN_COLUMNS)
    check = _SheetCheck(session=session, user=user, errors=errors)
    existing = {a.employee_id: a for a in Attendance.objects.filter(session=session)}
    new: list[Attendance] = []
    changed: list[Attendance] = []
    for row in rows:
        pk = check.person(row)
        if pk is None or not check.attendance_ok(row) or not row.valid:
            continue
        attendance = existing.get(pk) or Attendance(session=session, employee_id=pk)
        _fill(attendance, session, row.values)
        (changed if attendance.pk else new).append(attendance)
    if errors:
        raise_row_errors(errors)
    _write(new, changed, user)
    live.invalidate("training")  # bulk writes send no signals
    return ImportResult(created=len(new), updated=len(changed))
