"""Rule sets of hours and the training settings, kept by safety managers."""

from __future__ import annotations

from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from apps.org.permissions import manages, role_required
from apps.training import selectors, services
from apps.training.forms import RuleSetRowForm, SettingsForm
from apps.training.models import RuleSetRow
from apps.training.views._common import _form_page, _run


@role_required(manages)
def ruleset_list(request):
    return render(
        request,
        "training/ruleset_list.html",
        {"rulesets": selectors.ruleset_list(), "settings": selectors.training_settings()},
    )


@role_required(manages)
def ruleset_row_edit(request, pk: int):
    row = get_object_or_404(RuleSetRow.objects.select_related("ruleset"), pk=pk)
    form = RuleSetRowForm(request.POST or None, instance=row)
    if request.method == "POST" and form.is_valid():
        saved = _run(
            request,
            form,
            lambda data: services.ruleset_row_update(row=row, data=data, user=request.user),
            success=_("Hours saved."),
        )
        if saved:
            return redirect("training:ruleset_list")
    return _form_page(
        request,
        form,
        title=f"{row.ruleset} · {row.get_role_display()}",
        cancel_url=reverse("training:ruleset_list"),
    )


@role_required(manages)
def settings_edit(request):
    form = SettingsForm(request.POST or None, instance=selectors.training_settings())
    if request.method == "POST" and form.is_valid():
        saved = _run(
            request,
            form,
            lambda data: services.settings_update(data=data, user=request.user),
            success=_("Training settings saved."),
        )
        if saved:
            return redirect("training:ruleset_list")
    return _form_page(
        request, form, title=_("Training settings"), cancel_url=reverse("training:ruleset_list")
    )
