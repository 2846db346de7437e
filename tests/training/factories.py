from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile

from apps.training import services
from apps.training.catalogues import load_catalogues
from apps.training.models import CertificateType, Course
from tests.helpers import xlsx_upload


def make_course(*, user, code: str = "C-1", level: str = "refresher", hours: int = 8) -> Course:
    course = Course.objects.filter(code=code).first()
    return course or services.course_save(
        data={"code": code, "name": f"课程{code}", "level": level, "hours": Decimal(hours)}, user=user
    )


def make_session(
    *, user, department, level: str = "refresher", on: dt.date | None = None, hours: int = 8, days: int = 1, **extra
):
    on = on or dt.date(2026, 3, 2)
    course = make_course(user=None, code=f"C-{level}", level=level, hours=hours)
    return services.session_create(
        data={
            "course": course,
            "department": department,
            "level": level,
            "start_date": on,
            "end_date": on + dt.timedelta(days=days - 1),
            "hours": Decimal(hours),
            "trainer": "张敏",
            "place": "培训教室",
            **extra,
        },
        user=user,
    )


def attend(session, employees, *, user, **kw) -> None:
    for employee in employees:
        services.attendance_record(session=session, employee=employee, user=user, **kw)


def certificate_type(kind: str = "special_operation", code: str = "2.1") -> CertificateType:
    if not CertificateType.objects.exists():
        load_catalogues(CertificateType)  # a flushed database has no seed rows
    return CertificateType.objects.get(kind=kind, code=code)


def make_certificate(*, holder, issued_on: dt.date, user, number: str = "T001", **data):
    return services.certificate_create(
        data={"type": certificate_type(), "number": number, "holder": holder, "issued_on": issued_on, **data}, user=user
    )


# The sign-in sheet's headers, the employee number's in Chinese and the others in English: every
# language's labels are accepted, and the Chinese ones arrive with the translations.
SIGN_IN_HEADER = ["工号", "Full name", "Date", "Present", "Hours credited", "Exam score", "Passed"]


def sheet(rows: list[list], header: list[str] | None = None) -> SimpleUploadedFile:
    """An uploaded sign-in sheet with these rows."""
    return xlsx_upload(rows, name="签到表.xlsx", header=header or SIGN_IN_HEADER)
