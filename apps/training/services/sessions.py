"""Courses, sessions, attendance (by hand; the sign-in sheet import shares its checks) and
repeated inductions."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_update_with_history

from apps.org.models import Employee
from apps.training import policies
from apps.training.models import Attendance, Course, Reinduction, TrainingSession
from apps.training.services._common import _apply, _check, _save

COURSE_FIELDS = ("code", "name", "level", "hours", "content", "is_active")
SESSION_FIELDS = ("course", "department", "level", "start_date", "end_date", "hours", "trainer", "place", "plan_item")


@transaction.atomic
def course_save(*, course: Course | None = None, data: dict, user) -> Course:
    _check(policies.can_edit_course, user, course)
    course = course or Course()
    _apply(course, data, COURSE_FIELDS)
    _save(course, user=user)
    return course


def _check_session(session: TrainingSession) -> None:
    if session.end_date is None:
        session.end_date = session.start_date
    if not session.level and session.course_id:
        session.level = session.course.level
    if session.start_date and session.end_date and session.end_date < session.start_date:
        raise ValidationError({"end_date": _("The last day cannot be before the first.")})
    item = session.plan_item
    if item is not None and item.plan.department_id != session.department_id:
        raise ValidationError({"plan_item": _("Choose an item of the organising department's plan.")})


@transaction.atomic
def session_create(*, data: dict, user) -> TrainingSession:
    session = TrainingSession()
    _apply(session, data, SESSION_FIELDS)
    _check(policies.can_edit_session, user, session)
    _check_session(session)
    _save(session, user=user)
    return session


@transaction.atomic
def session_update(*, session: TrainingSession, data: dict, user) -> TrainingSession:
    _check(policies.can_edit_session, user, session)
    _apply(session, data, SESSION_FIELDS)
    _check(policies.can_edit_session, user, session)  # and over the department it moves to
    _check_session(session)
    _save(session, user=user)
    # Attendance keeps the session's level and a date within the session.
    attendances = Attendance.objects.filter(session=session)
    attendances.exclude(level=session.level).update(level=session.level)
    attendances.exclude(date__range=(session.start_date, session.end_date)).update(date=session.start_date)
    # Nobody is credited more hours than the session now has: in bulk, with one audit-history
    # row per corrected attendance (credited hours are compliance evidence).
    over = list(attendances.filter(hours_credited__gt=session.hours))
    now = timezone.now()
    for attendance in over:
        attendance.hours_credited = session.hours
        attendance.updated_at = now
    bulk_update_with_history(over, Attendance, ["hours_credited", "updated_at"], batch_size=500, default_user=user)
    return session


def require_session_head(user, session: TrainingSession) -> None:
    _check(policies.can_edit_session, user, session)


def not_creditable_message(employee_no: str) -> str:
    return _(
        "Employee %(number)s is not in your departments: only a head of their department or a "
        "safety manager may credit their training hours."
    ) % {"number": employee_no}


def credited_hours(session: TrainingSession, present: bool, hours: Decimal | None) -> Decimal:
    if not present:
        return Decimal(0)
    return session.hours if hours is None else Decimal(hours)


def attendance_problems(
    session: TrainingSession, *, hours: Decimal | None, date: dt.date | None, exam_score: Decimal | None = None
) -> dict[str, str]:
    """What is wrong with one attendance of this session, by field (shared by the form, the
    API and the sign-in sheet import)."""
    problems = {}
    if hours is not None and (hours < 0 or hours > session.hours):
        problems["hours_credited"] = _("Hours credited must be between 0 and the session's %(hours)s hours.") % {
            "hours": session.hours.normalize()
        }
    if date is not None and not (session.start_date <= date <= session.end_date):
        problems["date"] = _("%(date)s is outside the session (%(start)s to %(end)s).") % {
            "date": date.isoformat(),
            "start": session.start_date.isoformat(),
            "end": session.end_date.isoformat(),
        }
    if exam_score is not None and not (0 <= exam_score <= 100):
        problems["exam_score"] = _("An exam score is between 0 and 100.")
    return problems


@transaction.atomic
def attendance_record(
    *,
    session: TrainingSession,
    employee: Employee,
    user,
    present: bool = True,
    hours_credited: Decimal | None = None,
    exam_score: Decimal | None = None,
    passed: bool | None = None,
    date: dt.date | None = None,
) -> Attendance:
    """Record (or correct) one person's attendance of a session: the session's department and
    the person must both be the user's (a head's departments; anyone for a safety manager)."""
    _check(policies.can_record_attendance, user, session)
    if user is not None and not policies.can_credit_hours(user, employee):
        raise ValidationError({"employee": not_creditable_message(employee.employee_no)})
    problems = attendance_problems(session, hours=hours_credited, date=date, exam_score=exam_score)
    if problems:
        raise ValidationError(problems)
    attendance = Attendance.objects.filter(session=session, employee=employee).first()
    attendance = attendance or Attendance(session=session, employee=employee)
    attendance.level = session.level
    attendance.date = date or session.start_date
    attendance.present = present
    attendance.hours_credited = credited_hours(session, present, hours_credited)
    attendance.exam_score = exam_score
    attendance.passed = passed
    _save(attendance, user=user)
    return attendance


@transaction.atomic
def reinduction_create(*, data: dict, user) -> Reinduction:
    _check(policies.can_create_reinduction, user, data.get("employee"))
    reinduction = Reinduction()
    _apply(reinduction, data, ("employee", "reason", "since", "note"))
    _save(reinduction, user=user)
    return reinduction
