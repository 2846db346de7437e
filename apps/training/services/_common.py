"""What every training service does: check who may write, apply the data, save with history."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from apps.org.access import access_for


def _save(obj, *, user, reason: str = "") -> None:
    """full_clean then save, recording who made the change in the audit history."""
    obj.full_clean()
    if user is not None:
        obj._history_user = user
    if reason:
        obj._change_reason = reason
    obj.save()


def _require_manager(user) -> None:
    if user is not None and not access_for(user).manages_everything:
        raise PermissionDenied(_("Only a safety manager may change this."))


def _require_head(user, department_id: int | None) -> None:
    if user is not None and not access_for(user).heads(department_id):
        raise PermissionDenied(
            _("Only a head of the department or a safety manager may change this.")
        )


def _apply(obj, data: dict, fields) -> None:
    for name in fields:
        if name in data:
            setattr(obj, name, data[name])
