"""What the training pages share: the form page, running a service from a form or a button,
the departments offered in the filters."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import render

from apps.core.exceptions import ApplicationError
from apps.org.access import access_for
from apps.org.models import Department
from apps.org.permissions import role_required
from apps.training import selectors

PAGE_SIZE = 50
reads = role_required(selectors.reads_training)


def _form_page(request, form, *, title, cancel_url, status=200):
    return render(
        request,
        "core/form_page.html",
        {"form": form, "title": title, "cancel_url": cancel_url},
        status=status,
    )


def _run(request, form, save, *, success: str):
    """Call a service with the form's data; show its errors on the form."""
    try:
        obj = save(form.cleaned_data)
    except ValidationError as exc:
        if hasattr(exc, "error_dict"):
            for field, errors in exc.error_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            form.add_error(None, exc)
        return None
    except ApplicationError as exc:
        form.add_error(None, exc.message)
        return None
    messages.success(request, success)
    return obj


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
