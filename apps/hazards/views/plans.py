"""Inspection plans and checklists, edited by the safety manager."""

from __future__ import annotations

from django.shortcuts import render
from django.utils.translation import gettext as _

from apps.core.services import fields_as_keywords
from apps.core.views import RecordPage, edit_page, finder
from apps.hazards import policies, selectors, services
from apps.hazards.forms import ChecklistForm, PlanForm
from apps.org.permissions import policy_required


@policy_required(policies.can_read_plans)
def plan_list(request):
    return render(
        request,
        "hazards/plan_list.html",
        {
            "plans": selectors.plan_list(user=request.user),
            "checklists": selectors.checklist_list(),
            "can_edit": policies.can_edit_plan(request.user),
        },
    )


plan_edit = RecordPage(get=finder(selectors.plan_list), record="plan").edit(
    policy_required(policies.can_edit_plan), PlanForm, services.inspection_plan_save, back="hazards:plan_list"
)


@policy_required(policies.can_create_checklist)
def checklist_create(request):
    return edit_page(
        request,
        ChecklistForm(request.POST or None),
        fields_as_keywords(services.checklist_create),
        _("Checklist saved."),
        title=_("New checklist"),
        back="hazards:plan_list",
    )
