"""Checks and helpers every emergency service uses."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.core.exceptions import ApplicationError
from apps.core.services import attachment_add
from apps.emergency.models import Plan
from apps.org.access import access_for
from apps.org.selectors import department_head_users


def _require_head(user, department_id: int | None) -> None:
    if not access_for(user).heads(department_id):
        raise PermissionDenied(
            _("Only a safety manager or the department's head may change its emergency records.")
        )


def _require_manager(user) -> None:
    if not access_for(user).manages_everything:
        raise PermissionDenied(_("Only a safety manager may change emergency plans."))


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


def _may_drill(user, plan: Plan, department) -> bool:
    """A safety manager, the head of the plan's department, or a drill of a department under
    the plan's (a company plan drilled in a workshop)."""
    if access_for(user).heads(plan.department_id):
        return True
    return department is not None and department.path.startswith(plan.department.path)


def _recipients(department_ids, managers) -> dict[int, list]:
    """Who is told of a department's emergency records: its heads and the safety managers."""
    heads = department_head_users(department_ids=department_ids)
    return {pk: [*heads.get(pk, []), *managers] for pk in department_ids}
