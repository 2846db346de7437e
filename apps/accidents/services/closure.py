"""Closing an accident: the whole 四不放过 checklist, the investigation report and every
measure done."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.accidents import policies
from apps.accidents.models import FOUR_NO_LET_GO, Accident, AccidentStatus
from apps.accidents.services._common import _refuse_if_closed, _save
from apps.core.exceptions import ApplicationError
from apps.org.policy import require
from apps.workflow.models import TaskStatus


@transaction.atomic
def accident_close(*, accident: Accident, user, closed_on: dt.date | None = None) -> Accident:
    """Closing needs the whole 四不放过 checklist; the refusal names each missing item."""
    require(policies.can_close_accident(user, accident))
    _refuse_if_closed(accident)
    missing = accident.four_no_let_go_missing
    if missing:
        raise ApplicationError(
            _("The accident cannot be closed until the four-no-let-go checklist is complete; missing: %(missing)s.")
            % {"missing": ", ".join(missing)}
        )
    if not accident.is_near_miss and accident.report_submitted_on is None:
        raise ApplicationError(_("The accident cannot be closed before its investigation report is submitted."))
    unfinished = [
        str(m.task.title)
        for m in accident.measures.select_related("task").order_by("pk")
        if m.task.status not in (TaskStatus.SIGNED_OFF, TaskStatus.CANCELLED)
    ]
    if unfinished:
        raise ApplicationError(
            _("The accident cannot be closed while its measures are unfinished: %(measures)s.")
            % {"measures": "; ".join(unfinished)}
        )
    accident.status = AccidentStatus.CLOSED
    accident.closed_on = closed_on or timezone.localdate()
    _save(accident, user=user)
    return accident


def missing_checklist_labels() -> list[str]:
    return [str(label) for _field, label in FOUR_NO_LET_GO]
