"""The one place a policy is turned into a refusal, for HTML views and the API.

Views and viewsets never decide who may act: they name the app's policy (`apps/*/policies.py`)
and these two pieces ask it."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from rest_framework import permissions

from apps.org.policy import Decision, is_safety_manager, require

Check = Callable[..., Decision | bool]


def policy_required(check: Check):
    """View decorator: sign in first, then `check(user)` must allow; a refusal is the 403 page
    with the policy's reason."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            require(check(request.user))
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


# Every viewset's permission (the REST framework default). A viewset maps its actions to the
# app's policies:
#
#     policies = {"read": policies.can_read_plans, "create": policies.can_create_plan,
#                 "update": policies.can_edit_plan, "approve": policies.can_approve_plan}
#
# `read` covers every reading action without an entry of its own (list, retrieve, and GET
# actions); `update` covers `partial_update` too; `save` covers both `create` and `update`
# where they are one check, as `{"read": policies.can_read_plans, "save": policies.can_edit_plan}`.
# Each check is called as `check(user, obj)`: with `obj=None` before the record is read (list,
# create, and detail actions' first pass, which only needs the person to be signed in), then
# with the record for detail actions. An action without an entry may be read by anyone signed
# in (the selector's scope decides what is found; out of scope is 404) and written only by a
# safety manager: a new action is closed until its policy is named.
class PolicyPermission(permissions.BasePermission):
    message = None

    @staticmethod
    def check_for(view, method: str) -> Check | None:
        table = getattr(view, "policies", None) or {}
        action = getattr(view, "action", None) or method.lower()
        if action == "partial_update" and action not in table:
            action = "update"
        if action in table:
            return table[action]
        if action in ("create", "update") and "save" in table:
            return table["save"]
        if method in permissions.SAFE_METHODS:
            return table.get("read")
        return is_safety_manager

    def _decide(self, check, request, obj) -> bool:
        decision = check(request.user, obj)
        if not decision:
            self.message = getattr(decision, "reason", "") or None
        return bool(decision)

    def has_permission(self, request, view) -> bool:
        if not request.user.is_authenticated:
            return False
        check = self.check_for(view, request.method)
        if check is None or getattr(view, "detail", False):
            return True
        return self._decide(check, request, None)

    def has_object_permission(self, request, view, obj) -> bool:
        check = self.check_for(view, request.method)
        if check is None:
            return True
        return self._decide(check, request, obj)
