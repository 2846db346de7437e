"""Rule sets of hours and the training settings, kept by safety managers."""

from __future__ import annotations

from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from apps.core.views import form_page, run_service
from apps.org.permissions import policy_required
from apps.training import policies, selectors, services
from apps.training.forms import RuleSetRowForm, SettingsForm
from apps.training.models import RuleSetRow


@policy_required(policies.can_edit_rules)
def ruleset_list(request):
    return render(
        request,
        "training/ruleset_list.html",
        {"rulesets": selectors.ruleset_list(), "settings": selectors.training_settings()},
    )


@policy_required(policies.can_edit_rules)
def ruleset_row_edit(request, pk: int):
    row = get_object_or_404(RuleSetRow.objects.select_related("ruleset"), pk=pk)
    form = RuleSetRowForm(request.POST or None, instance=row)
    if request.method == "POST" and form.is_valid():
        saved = run_service(
            request,
            form,
            lambda: services.ruleset_row_update(row=row, data=form.cleaned_data, user=request.user),
            _("Hours saved."),
        )
        if saved:
            return redirect("training:ruleset_list")
    return form_page(
        request, form, title=f"{row.ruleset} · {row.get_role_display()}", cancel_url=reverse("training:ruleset_list")
    )


@policy_required(policies.can_edit_rules)
def settings_edit(request):
    form = SettingsForm(request.POST or None, instance=selectors.training_settings())
    if request.method == "POST" and form.is_valid():
        saved = run_service(
            request,
            form,
            lambda: services.settings_update(data=form.cleaned_data, user=request.user),
            _("Training settings saved."),
        )
        if saved:
            return redirect("training:ruleset_list")
    return form_page(request, form, title=_("Training settings"), cancel_url=reverse("training:ruleset_list"))
