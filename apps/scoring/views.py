from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from apps.core.exceptions import ApplicationError
from apps.core.import_pages import ImportForm
from apps.core.views import run_action
from apps.org.permissions import policy_required
from apps.scoring import importers, policies, selectors, services


@policy_required(policies.can_read_standards)
def standard_list(request):
    filters = request.GET.dict()
    return render(
        request,
        "scoring/standard_list.html",
        {
            "standards": selectors.standard_list(filters=filters),
            "filters": filters,
            "can_import": policies.can_import_standard(request.user),
        },
    )


@policy_required(policies.can_read_standards)
def standard_detail(request, pk: int):
    standard = get_object_or_404(selectors.standard_list(), pk=pk)
    return render(
        request, "scoring/standard_detail.html", {"standard": standard, "elements": selectors.standard_tree(standard)}
    )


@policy_required(policies.can_activate_standard)
@require_POST
def standard_activate(request, pk: int):
    standard = get_object_or_404(selectors.standard_list(), pk=pk)
    return run_action(
        request,
        lambda: services.standard_set_active(
            standard=standard, active=request.POST.get("active") == "1", user=request.user
        ),
        _("Saved."),
        redirect_to="scoring:standard_detail",
        args=(standard.pk,),
    )


@policy_required(policies.can_import_standard)
def standard_import(request):
    errors = []
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            standard = importers.standard_import(upload=form.cleaned_data["file"], user=request.user)
        except ApplicationError as exc:
            messages.error(request, exc.message)
            errors = exc.errors
        else:
            messages.success(request, _("Standard “%(name)s” imported.") % {"name": standard})
            return redirect("scoring:standard_detail", pk=standard.pk)
    builtin = selectors.standard_list().order_by("pk").first()
    return render(
        request,
        "core/import.html",
        {
            "form": form,
            "errors": errors,
            "title": _("Import a scoring standard"),
            "template_hint": _("Export any standard to get a workbook in the right shape."),
            "template_url": reverse("scoring:standard_detail", args=[builtin.pk]) if builtin else "",
            "back_url": reverse("scoring:standard_list"),
        },
    )
