"""The sign-in sheet (签到表) of a training session: one column list for import and template."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from apps.core.importing import Column, a_date, boolean, decimal, text

SIGN_IN_COLUMNS = [
    Column("employee_no", _("Employee number"), text, required=True),
    Column("name", _("Full name"), text),
    Column("date", _("Date"), a_date),
    Column("present", _("Present"), boolean),
    Column("hours_credited", _("Hours credited"), decimal),
    Column("exam_score", _("Exam score"), decimal),
    Column("passed", _("Passed"), boolean),
]
