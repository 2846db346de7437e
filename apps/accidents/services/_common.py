"""Checks and saving shared by the accidents services."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from apps.accidents.models import Accident, AccidentStatus
from apps.core.exceptions import ApplicationError
from apps.org.access import access_for


def may_report(user, department_id: int | None) -> bool:
    """Safety managers for every department; heads for the departments they head."""
    return access_for(user).heads(department_id)


def _require_report(user, department_id: int | None) -> None:
    if not may_report(user, department_id):
        raise PermissionDenied(
            _("Only a safety manager or the department's head may report its accidents.")
        )


def _require_manager(user) -> None:
    if not access_for(user).manages_everything:
        raise PermissionDenied(_("Only a safety manager may investigate and close accidents."))


def _save(obj, *, user) -> None:
    obj.full_clean()
    if user is not None:
        obj._history_user = user
    obj.save()


def _refuse_if_closed(accident: Accident) -> None:
    if (
        accident.pk
        and Accident.objects.filter(pk=accident.pk, status=AccidentStatus.CLOSED).exists()
    ):
        raise ApplicationError(_("This accident is closed and is kept as it was."))
