"""Rule sets of hours and the training settings, kept by safety managers."""

from __future__ import annotations

import functools

from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from apps.core.views import edit_page
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
    return edit_page(
        request,
        RuleSetRowForm(request.POST or None, instance=row),
        functools.partial(services.ruleset_row_update, row=row),
        _("Hours saved."),
        title=f"{row.ruleset} · {row.get_role_display()}",
        back="training:ruleset_list",
    )


@policy_required(policies.can_edit_rules)
def settings_edit(request):
    return edit_page(
        request,
        SettingsForm(request.POST or None, instance=selectors.training_settings()),
        services.settings_update,
        title=_("Training settings"),
        back="training:ruleset_list",
    )
