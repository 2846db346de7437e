"""Helpers every responsibility service uses: the safety-manager check, a validated save with
its history user and reason, and copying given fields."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from apps.org.access import access_for


def _require_manager(user) -> None:
    if not access_for(user).manages_everything:
        raise PermissionDenied(_("Only a safety manager may do this."))


def _save(obj, *, user, reason: str = "") -> None:
    obj.full_clean()
    if user is not None:
        obj._history_user = user
    if reason:
        obj._change_reason = reason
    obj.save()


def _apply(obj, data: dict, fields) -> None:
    for name in fields:
        if name in data:
            setattr(obj, name, data[name])
