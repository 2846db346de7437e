"""The xlsx import pages: the upload, all or nothing with every bad row listed, and the empty
sheet to fill in."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from apps.core.exceptions import ApplicationError
from apps.core.xlsx import render_xlsx


class ImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Excel file (.xlsx)"), widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"})
    )


def import_view(request, *, importer, title, template_url_name, success_url, back_url):
    """The one upload page of every xlsx import: all or nothing, every bad row listed."""
    errors = []
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            result = importer(upload=form.cleaned_data["file"], user=request.user)
        except ApplicationError as exc:
            messages.error(request, exc.message)
            errors = exc.errors
        else:
            messages.success(
                request,
                _("Import finished: %(created)d created, %(updated)d updated.")
                % {"created": result.created, "updated": result.updated},
            )
            return redirect(success_url)
    return render(
        request,
        "core/import.html",
        {
            "form": form,
            "errors": errors,
            "title": title,
            "template_url": reverse(template_url_name),
            "back_url": back_url,
        },
    )


def import_pages(*, importer, columns, title, sheet_title, template_url_name, list_url_name, guard):
    """The upload page of one xlsx import and its empty sheet, both behind `guard` (the app's
    `policy_required(policies.can_import_…)`): `x_import, x_import_template = import_pages(…)`."""

    @guard
    def upload(request):
        return import_view(
            request,
            importer=importer,
            title=title,
            template_url_name=template_url_name,
            success_url=list_url_name,
            back_url=reverse(list_url_name),
        )

    @guard
    def template(request):
        return sheet_template_response(columns=columns, title=sheet_title)

    return upload, template


def sheet_template_response(*, columns, title) -> HttpResponse:
    """An empty sheet with the import's header row, for people to fill in."""
    content = render_xlsx([str(c.label) for c in columns], [], sheet_title=str(title))
    response = HttpResponse(content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = content_disposition_header(True, f"{title}.xlsx")
    return response
