from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError


def add_errors(form, exc: ValidationError) -> None:
    """Show a service's ValidationError on the form: on its fields where they exist."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)


def date_input():
    """The browser's date picker, showing ISO dates."""
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def datetime_input():
    """The browser's date-and-time picker."""
    return forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
