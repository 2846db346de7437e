"""What the responsibility pages share: the page size, the year asked for and a form page that
saves through a service."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.core.exceptions import ApplicationError
from apps.core.forms import add_errors
from apps.core.selectors import as_int

PAGE_SIZE = 50


def _year(request) -> int:
    return as_int(request.GET.get("year")) or timezone.localdate().year


def _form_page(request, form, title, cancel, save, success, multipart=False):
    """Run a form whose valid data goes to `save(cleaned_data)`; redirect to `success`."""
    if request.method == "POST" and form.is_valid():
        try:
            result = save(form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        except ApplicationError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Saved."))
            return redirect(success(result) if callable(success) else success)
    return render(
        request,
        "core/form_page.html",
        {"form": form, "title": title, "cancel_url": cancel, "multipart": multipart},
    )
