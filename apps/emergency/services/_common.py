"""Checks and helpers every emergency service uses."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext as _

from apps.core.exceptions import ApplicationError
from apps.core.services import attachment_add
from apps.org.selectors import department_head_users


def _apply(obj, data: dict, fields) -> None:
    for name in fields:
        if name in data:
            setattr(obj, name, data[name])


def _save(obj, *, user, reason: str = "") -> None:
    obj.full_clean()
    if user is not None:
        obj._history_user = user
    if reason:
        obj._change_reason = reason
    obj.save()


def _attach_all(owner, files, user) -> None:
    for upload in files or ():
        attachment_add(owner=owner, upload=upload, user=user)


def _not_future(day: dt.date | None, field: str) -> None:
    if day is not None and day > timezone.localdate():
        raise ApplicationError(_("%(field)s cannot be in the future.") % {"field": field})


def _recipients(department_ids, managers) -> dict[int, list]:
    """Who is told of a department's emergency records: its heads and the safety managers."""
    heads = department_head_users(department_ids=department_ids)
    return {pk: [*heads.get(pk, []), *managers] for pk in department_ids}
