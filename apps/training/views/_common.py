"""What the training pages share: the form page, running a service from a form or a button,
the departments offered in the filters."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError

from apps.core.exceptions import ApplicationError
from apps.org.access import access_for
from apps.org.models import Department
from apps.org.permissions import role_required
from apps.training import selectors

PAGE_SIZE = 50
reads = role_required(selectors.reads_training)


def _action(request, action, success: str):
    try:
        action()
    except ApplicationError as exc:
        messages.error(request, exc.message)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, success)


def _departments(user):
    """Departments offered in the filters: all, or those the head heads."""
    scope = access_for(user)
    qs = Department.objects.filter(is_active=True).order_by("path")
    if not scope.sees_everything:
        qs = qs.filter(pk__in=scope.headed_department_ids)
    return qs
