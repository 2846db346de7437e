"""Inspection plans and checklists, edited by the safety manager."""

from __future__ import annotations

from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from apps.core.views import run_service
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


@policy_required(policies.can_edit_plan)
def plan_edit(request, pk: int | None = None):
    plan = get_object_or_404(selectors.plan_list(user=request.user), pk=pk) if pk else None
    form = PlanForm(request.POST or None, instance=plan)
    if request.method == "POST" and form.is_valid():
        run_service(
            request,
            form,
            lambda: services.inspection_plan_save(plan=plan, data=form.cleaned_data, user=request.user),
            _("Inspection plan saved."),
        )
        if not form.errors:
            return redirect("hazards:plan_list")
    return render(
        request,
        "core/form_page.html",
        {
            "form": form,
            "title": _("Edit inspection plan") if plan else _("New inspection plan"),
            "cancel_url": reverse("hazards:plan_list"),
        },
    )


@policy_required(policies.can_create_checklist)
def checklist_create(request):
    form = ChecklistForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        run_service(
            request,
            form,
            lambda: services.checklist_create(user=request.user, **form.cleaned_data),
            _("Checklist saved."),
        )
        if not form.errors:
            return redirect("hazards:plan_list")
    return render(
        request,
        "core/form_page.html",
        {"form": form, "title": _("New checklist"), "cancel_url": reverse("hazards:plan_list")},
    )
