"""Courses, sessions, attendance and repeated inductions the user may read."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from apps.core.selectors import as_int, by_flag, matching, searched
from apps.org.policy import in_scope
from apps.org.selectors import in_department
from apps.training.models import Attendance, Course, Reinduction, TrainingSession
from apps.training.selectors.certificates import _expired_flag
from apps.training.selectors.visibility import _only, visible_employees


def course_list(*, filters: dict | None = None) -> QuerySet[Course]:
    filters = filters or {}
    qs = Course.objects.annotate(session_count=Count("sessions"))
    qs = searched(qs, filters.get("q"), "name", "code")
    qs = by_flag(qs, filters.get("active"), Q(is_active=True))
    return qs.order_by("code")


def session_list(*, user, filters: dict | None = None) -> QuerySet[TrainingSession]:
    filters = filters or {}
    qs = TrainingSession.objects.select_related("course", "department").annotate(
        attendee_count=Count("attendances", filter=Q(attendances__present=True))
    )
    # Heads see sessions their departments ran or their people attended.
    attended = in_scope(
        Attendance.objects.filter(session=OuterRef("pk")), user, "employee__department_id", heads_only=True
    )
    qs = in_scope(qs, user, heads_only=True, also=Q(Exists(attended)))
    qs = in_department(qs, filters.get("department"))
    qs = matching(qs, filters, "level")
    if year := as_int(filters.get("year")):
        qs = qs.filter(start_date__year=year)
    qs = searched(qs, filters.get("q"), "course__name", "trainer")
    return qs.order_by("-start_date", "-pk")


def attendance_list(*, user, filters: dict | None = None, as_of: dt.date | None = None) -> QuerySet[Attendance]:
    """Attendance rows the user may read, each with `holder_expired` for the red flag."""
    filters = filters or {}
    as_of = as_of or timezone.localdate()
    people = visible_employees(user=user, filters={"active": "", **_only(filters, "department")})
    qs = (
        Attendance.objects.filter(employee_id__in=people.values("id"))
        .select_related("session__course", "session__department", "employee__department")
        .annotate(holder_expired=_expired_flag(as_of))
    )
    if session := as_int(filters.get("session")):
        qs = qs.filter(session_id=session)
    if employee := as_int(filters.get("employee")):
        qs = qs.filter(employee_id=employee)
    if year := as_int(filters.get("year")):
        qs = qs.filter(date__year=year)
    qs = matching(qs, filters, "level")
    return qs.order_by("-date", "session_id", "employee__employee_no")


def reinduction_list(*, user) -> QuerySet[Reinduction]:
    people = visible_employees(user=user, filters={"active": ""})
    return Reinduction.objects.filter(employee_id__in=people.values("id")).select_related("employee__department")
