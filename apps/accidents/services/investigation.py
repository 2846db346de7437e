"""The investigation (team, causes, findings, the report and its one extension) and the
corrective and preventive measures it raises as tasks."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from apps.accidents import policies, rules
from apps.accidents.models import Accident, AccidentMeasureKind, AccidentStatus, Measure
from apps.accidents.services._common import _refuse_if_closed, _save
from apps.core.exceptions import ApplicationError
from apps.core.text import Label, stored
from apps.org.policy import require
from apps.workflow import services as workflow

INVESTIGATION_FIELDS = (
    "investigation_team",
    "direct_causes",
    "indirect_causes",
    "responsibility_findings",
    "handling_opinions",
    "extension_days",
    "extension_reason",
    "extension_approved_by",
    "appraisal_days",
    "report_submitted_on",
    "cause_found",
    "responsible_handled",
    "staff_educated",
    "measures_taken",
)


@transaction.atomic
def investigation_save(*, accident: Accident, data: dict, user) -> Accident:
    require(policies.can_investigate(user, accident))
    _refuse_if_closed(accident)
    stored_extension = Accident.objects.filter(pk=accident.pk).values_list("extension_days", flat=True).first() or 0
    for field in INVESTIGATION_FIELDS:
        if field in data:
            setattr(accident, field, data[field])
    accident.extension_days = accident.extension_days or 0
    # 第二十九条: extended once, so at most 60 + 60 days in all.
    if stored_extension and accident.extension_days != stored_extension:
        raise ApplicationError(
            _(
                "Extension: the report deadline has already been extended by %(days)d days; it may "
                "be extended only once."
            )
            % {"days": stored_extension}
        )
    submitted = accident.report_submitted_on
    if submitted and submitted < accident.occurred_on:
        raise ApplicationError(_("Investigation report submitted on: it cannot be before the accident."))
    if submitted and submitted > timezone.localdate():
        raise ApplicationError(_("Investigation report submitted on: it cannot be in the future."))
    if accident.extension_days > rules.MAX_EXTENSION_DAYS:
        raise ApplicationError(
            _("Extension: the report deadline may be extended once by at most %(days)d days.")
            % {"days": rules.MAX_EXTENSION_DAYS}
        )
    if accident.extension_days and not accident.extension_reason.strip():
        raise ApplicationError(_("Reason for the extension: give the reason for extending."))
    # 第二十九条: 经负责事故调查的人民政府批准.
    if accident.extension_days and not accident.extension_approved_by.strip():
        raise ApplicationError(
            _("Extension approved by: name the people's government responsible for the investigation that approved it.")
        )
    accident.appraisal_days = accident.appraisal_days or 0
    if accident.status == AccidentStatus.REPORTED:
        accident.status = AccidentStatus.INVESTIGATING
    _save(accident, user=user)
    return accident


@transaction.atomic
def measure_add(
    *, accident: Accident, user, kind: str, title: str, department, due_date: dt.date, description: str = ""
) -> Measure:
    """A corrective or preventive measure as a task of the responsible department."""
    require(policies.can_add_measure(user, accident))
    _refuse_if_closed(accident)
    if kind not in AccidentMeasureKind.values:
        raise ApplicationError(_("Kind: choose corrective or preventive."))
    task = workflow.task_create(
        title=stored(
            gettext_noop("[%(code)s] %(kind)s: %(title)s"),
            code=accident.code,
            kind=Label(AccidentMeasureKind, kind),
            title=title,
        ),
        department=department,
        due_date=due_date,
        user=user,
        description=description,
        source=accident,
        requires_evidence=True,
    )
    measure = Measure(accident=accident, kind=kind, task=task)
    _save(measure, user=user)
    return measure
