"""The one place role and department-scope checks are written, for HTML views and the API."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from rest_framework import permissions

from apps.org.access import Access, access_for


def role_required(predicate: Callable[[Access], bool]):
    """View decorator: sign in first, then the user's access must satisfy the predicate."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not predicate(access_for(request.user)):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def manages(access: Access) -> bool:
    return access.manages_everything


def sees_everything(access: Access) -> bool:
    """Safety managers and leadership."""
    return access.sees_everything


def reads_org(access: Access) -> bool:
    """Safety managers, leadership and department heads (for their departments)."""
    return access.sees_everything or access.is_department_head


class DepartmentScoped(permissions.BasePermission):
    """Reads are filtered by each viewset's selector; writes need the safety-manager role,
    or head rights over the object's department where `head_writes` is set on the view."""

    def has_permission(self, request, view) -> bool:
        if not request.user.is_authenticated:
            return False
        access = access_for(request.user)
        if request.method in permissions.SAFE_METHODS:
            read_access = getattr(view, "read_access", None)
            return read_access is None or read_access(access)
        return access.manages_everything or (
            getattr(view, "head_writes", False) and access.is_department_head
        )

    def has_object_permission(self, request, view, obj) -> bool:
        if request.method in permissions.SAFE_METHODS:
            return True
        access = access_for(request.user)
        department_id = getattr(obj, "department_id", None)
        return access.manages_everything or (
            getattr(view, "head_writes", False) and access.heads(department_id)
        )


def for_user(predicate: Callable[[Access], bool]) -> Callable[[object], bool]:
    """The same predicate taking a user, for menu items."""
    return lambda user: predicate(access_for(user))
