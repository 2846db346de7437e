"""The shape of every app's `policies.py`: a decision with its reason, the department scope,
and the few questions about people that every app's rules are made of.

An app's `policies.py` answers, for each thing it keeps, who may create, edit, sign, verify or
export it: functions `can_<verb>_<thing>(user, obj=None) -> Decision`. Views, API permissions,
templates (which buttons show, and why not) and services ask only these; `access_for` itself is
read here, in `apps/org/` and in the apps' `policies.py`, nowhere else.

Reading is a matter of scope: selectors filter with `in_scope`, so a record outside a person's
departments is simply not found (404), never "forbidden".
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from apps.org.access import Access, access_for


@dataclass(frozen=True)
class Decision:
    """Whether a person may do something; when not, why (shown beside the missing button).

    An empty reason means the action does not apply (the record is in another state): the page
    shows nothing rather than a reason."""

    allowed: bool
    reason: str = ""

    def __bool__(self) -> bool:
        return self.allowed

    def __and__(self, other: Decision) -> Decision:
        return self if not self.allowed else other


ALLOWED = Decision(True)
NOT_APPLICABLE = Decision(False)


def deny(reason) -> Decision:
    return Decision(False, reason)


def allow_if(condition: bool, reason="") -> Decision:
    return ALLOWED if condition else Decision(False, reason)


def require(decision: Decision | bool) -> None:
    """For services (and the one view decorator): a refusal raises PermissionDenied with the
    reason, which `run_service` shows on the form and the API returns as 403."""
    if not decision:
        raise PermissionDenied(getattr(decision, "reason", "") or _("You may not do this."))


def only_while(fits: Callable[[object], bool]):
    """For a policy of one record: it applies only while the record is in a state `fits(record)`
    accepts; for a record in any other state it is not applicable (the button is not offered and no
    reason is shown). Asked of the kind (no record), the policy answers alone."""

    def decorate(policy):
        @functools.wraps(policy)
        def checked(user, record=None) -> Decision:
            if record is not None and not fits(record):
                return NOT_APPLICABLE
            return policy(user, record)

        return checked

    return decorate


# The questions the apps' policies are built from.

MANAGER_ONLY = _("Only a safety manager may do this.")
HEAD_OR_MANAGER = _("Only the department's head or a safety manager may do this.")
SIGNED_IN = _("Sign in first.")


def access(user) -> Access:
    """The person's roles and scope, for an app's policies.py."""
    return access_for(user)


def is_signed_in(user, obj=None) -> Decision:
    return allow_if(bool(user and user.is_authenticated), SIGNED_IN)


def is_safety_manager(user, obj=None) -> Decision:
    return allow_if(access_for(user).manages_everything, MANAGER_ONLY)


def sees_everything(user, obj=None) -> Decision:
    """Safety managers and leadership."""
    return allow_if(access_for(user).sees_everything, _("Only safety managers and leadership may see this."))


def reads_org(user, obj=None) -> Decision:
    """Safety managers, leadership and department heads (for their departments)."""
    a = access_for(user)
    return allow_if(
        a.sees_everything or a.is_department_head,
        _("Only safety managers, leadership and department heads may see this."),
    )


def heads(user, department_id: int | None, *, reason=HEAD_OR_MANAGER) -> Decision:
    """A safety manager, or the head of this department (or of one above it). An app names its
    own refusal (`reason`): what the person may not change there."""
    return allow_if(access_for(user).heads(department_id), reason)


def heads_some_department(user, obj=None, *, reason=HEAD_OR_MANAGER) -> Decision:
    """A safety manager or any department head: the object-level check decides which."""
    a = access_for(user)
    return allow_if(a.manages_everything or a.is_department_head, reason)


def heads_record(user, obj=None, *, reason=HEAD_OR_MANAGER) -> Decision:
    """Head rights over the record's department (`obj.department_id`), or over some department
    when asked without a record (to show the create button)."""
    if obj is None:
        return heads_some_department(user, reason=reason)
    return heads(user, getattr(obj, "department_id", None), reason=reason)


def employee_id(user) -> int | None:
    return access_for(user).employee_id


def employee_department_id(user) -> int | None:
    return access_for(user).employee_department_id


# Scope: the one department filter.


def visible_department_ids(user) -> frozenset[int] | None:
    """The departments whose records this person reads; None means every one."""
    return access_for(user).visible_department_ids()


def headed_department_ids(user) -> frozenset[int] | None:
    """The departments this person acts on as head; None means every one (safety managers)."""
    a = access_for(user)
    return None if a.manages_everything else a.headed_department_ids


def scope_q(user, field: str = "department_id", *, acting: bool = False) -> Q | None:
    """The condition on `field` (a department id) for this person, or None for no limit.
    `acting` limits to the departments they act on (heads), not those they only read."""
    ids = headed_department_ids(user) if acting else visible_department_ids(user)
    if ids is None:
        return None
    return Q(**{f"{field}__in": ids})


def in_scope(
    qs: QuerySet,
    user,
    field: str = "department_id",
    *,
    acting: bool = False,
    also: Q | None = None,
    heads_only: bool = False,
) -> QuerySet:
    """Filter a queryset to this person's departments. `also` adds rows they see for another
    reason (what they reported, what is assigned to them); `heads_only` keeps records of an
    employee's own department from a person who is not its head (records of a department's
    management, such as plans and assessments)."""
    if not (user and user.is_authenticated):
        return qs.none()
    if heads_only:
        a = access_for(user)
        condition = None if a.sees_everything else Q(**{f"{field}__in": a.headed_department_ids})
    else:
        condition = scope_q(user, field, acting=acting)
    if condition is None:
        return qs
    if also is not None:
        condition |= also
    return qs.filter(condition)


def department_choices(user, *, acting: bool = True) -> QuerySet:
    """The departments this person may choose on a form: those they act on (or read)."""
    from apps.org.models import Department

    qs = Department.objects.filter(is_active=True).order_by("path")
    return in_scope(qs, user, "id", acting=acting)
