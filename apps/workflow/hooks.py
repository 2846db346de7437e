"""What other apps want done when a task they raised is decided.

An app registers a callback for its source model in AppConfig.ready(); task_sign_off calls it
in the same transaction, so the source record and the task never disagree. Workflow never
imports the apps above it.
"""

from __future__ import annotations

from collections.abc import Callable

SignOffHook = Callable[..., None]  # (task=..., signoff=...) -> None

_hooks: dict[str, SignOffHook] = {}


def on_sign_off(model_label: str, hook: SignOffHook) -> None:
    """model_label is "app_label.model", e.g. "assessment.assessment"."""
    _hooks[model_label.lower()] = hook


def run(task, signoff) -> None:
    if task.source_type_id is None:
        return
    hook = _hooks.get(f"{task.source_type.app_label}.{task.source_type.model}")
    if hook is not None:
        hook(task=task, signoff=signoff)


# Tasks whose source record runs its own flow (a hazard's rectification, an inspection plan's
# inspection): they are submitted, changed and reopened only through that record's services.
_owned: set[str] = set()


def owned_by_source(model_label: str) -> None:
    _owned.add(model_label.lower())


def is_owned(task) -> bool:
    if task.source_type_id is None:
        return False
    return f"{task.source_type.app_label}.{task.source_type.model}" in _owned
