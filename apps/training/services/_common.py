"""What every training service does: ask the policy who may write, apply the data, save
with history."""

from __future__ import annotations

from apps.org.policy import require


def _save(obj, *, user, reason: str = "") -> None:
    """full_clean then save, recording who made the change in the audit history."""
    obj.full_clean()
    if user is not None:
        obj._history_user = user
    if reason:
        obj._change_reason = reason
    obj.save()


def _check(check, user, obj=None) -> None:
    """Refuse (PermissionDenied with the policy's reason) unless the policy allows; a call
    without a user (the demo, imports run by the system) is not checked."""
    if user is not None:
        require(check(user, obj))


def _apply(obj, data: dict, fields) -> None:
    for name in fields:
        if name in data:
            setattr(obj, name, data[name])
