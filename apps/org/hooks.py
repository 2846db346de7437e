"""What other apps want checked or done when an employee moves or leaves.

An app registers a callback in its AppConfig.ready(); the org services call it for every change,
whether it comes from a form, the API or an import, so no path skips it. Org never imports the
apps above it.

- `before_position_change(hook)`: `hook(employee=..., position=..., user=...)` runs before an
  employee is saved into a position or department that differs from the stored one (or a new
  employee is first saved). `employee` carries the new values, unsaved (`pk` is None for a new
  one); `position` is the new position (or None). A hook refuses by raising `ApplicationError`
  or `ValidationError`; the refusal is shown on the "position" field.
- `on_employee_leave(hook)`: `hook(employee=..., handover_to=..., user=...)` runs in the same
  transaction once an employee has left, so each app can hand over the leaver's open work to
  `handover_to` (an employee, or None).
- `on_company_change(hook)`: `hook(company=..., before=..., user=...)` runs in the same transaction
  once the company profile is saved; `before` is the profile as it was (None when first filled in).
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import ValidationError

from apps.core.exceptions import ApplicationError

Hook = Callable[..., None]

_position_checks: list[Hook] = []
_leave_hooks: list[Hook] = []
_company_hooks: list[Hook] = []


def before_position_change(hook: Hook) -> None:
    if hook not in _position_checks:
        _position_checks.append(hook)


def on_employee_leave(hook: Hook) -> None:
    if hook not in _leave_hooks:
        _leave_hooks.append(hook)


def on_company_change(hook: Hook) -> None:
    if hook not in _company_hooks:
        _company_hooks.append(hook)


def unregister(hook: Hook) -> None:
    for hooks in (_position_checks, _leave_hooks, _company_hooks):
        if hook in hooks:
            hooks.remove(hook)


def check_position_change(*, employee, position, user) -> None:
    """Ask every registered app; the first refusal is raised on the "position" field."""
    for hook in list(_position_checks):
        try:
            hook(employee=employee, position=position, user=user)
        except ApplicationError as exc:
            raise ValidationError({"position": exc.message}) from exc
        except ValidationError as exc:
            if hasattr(exc, "error_dict"):
                raise
            raise ValidationError({"position": exc.messages}) from exc


def run_leave(*, employee, handover_to, user) -> None:
    for hook in list(_leave_hooks):
        hook(employee=employee, handover_to=handover_to, user=user)


def run_company_change(*, company, before, user) -> None:
    for hook in list(_company_hooks):
        hook(company=company, before=before, user=user)
