"""Checks and saving shared by the accidents services."""

from __future__ import annotations

from django.utils.translation import gettext as _

from apps.accidents.models import Accident, AccidentStatus
from apps.core.exceptions import ApplicationError


def _save(obj, *, user) -> None:
    obj.full_clean()
    if user is not None:
        obj._history_user = user
    obj.save()


def _refuse_if_closed(accident: Accident) -> None:
    if accident.pk and Accident.objects.filter(pk=accident.pk, status=AccidentStatus.CLOSED).exists():
        raise ApplicationError(_("This accident is closed and is kept as it was."))
