"""The pages of yearly drill plans: list, detail, planned drills and submission."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from apps.core.exceptions import ApplicationError
from apps.core.selectors import history_entries
from apps.core.views import form_page, run_service
from apps.emergency import selectors, services
from apps.emergency.forms import DrillPlanForm, DrillPlanItemForm
from apps.emergency.views._common import _page, _writes
from apps.org.access import access_for
from apps.org.permissions import reads_org, role_required


@role_required(reads_org)
def drillplan_list(request):
    return render(
        request,
        "emergency/drillplan_list.html",
        {
            "page": _page(request, selectors.drill_plan_list(user=request.user)),
            "can_edit": _writes(access_for(request.user)),
        },
    )


def _drillplan(request, pk: int):
    return get_object_or_404(selectors.drill_plan_list(user=request.user), pk=pk)


@role_required(reads_org)
def drillplan_detail(request, pk: int, item_form=None, status=200):
    drill_plan = _drillplan(request, pk)
    can_edit = access_for(request.user).heads(drill_plan.department_id) and drill_plan.is_editable
    return render(
        request,
        "emergency/drillplan_detail.html",
        {
            "drill_plan": drill_plan,
            "can_edit": can_edit,
            "items": drill_plan.items.select_related("plan"),
            "history": history_entries(drill_plan),
            "item_form": item_form
            or DrillPlanItemForm(plans=selectors.drillable_plans(department=drill_plan.department)),
        },
        status=status,
    )


@role_required(_writes)
def drillplan_create(request):
    form = DrillPlanForm(
        request.POST or None, user=request.user, initial={"year": timezone.localdate().year}
    )
    if request.method == "POST" and form.is_valid():
        saved = run_service(
            request,
            form,
            lambda: services.drill_plan_create(data=form.cleaned_data, user=request.user),
            _("Drill plan created: add the planned drills."),
        )
        if saved is not None:
            return redirect(saved)
    return form_page(
        request,
        form,
        title=_("New yearly drill plan"),
        cancel_url=reverse("emergency:drillplan_list"),
    )


@require_POST
@role_required(_writes)
def drillplan_item_add(request, pk: int):
    drill_plan = _drillplan(request, pk)
    form = DrillPlanItemForm(
        request.POST, plans=selectors.drillable_plans(department=drill_plan.department)
    )
    if form.is_valid() and run_service(
        request,
        form,
        lambda: services.drill_plan_item_add(
            drill_plan=drill_plan, data=form.cleaned_data, user=request.user
        ),
        _("Planned drill added."),
    ):
        return redirect(drill_plan)
    return drillplan_detail(request, pk, item_form=form, status=400)


@require_POST
@role_required(_writes)
def drillplan_item_delete(request, pk: int, item_pk: int):
    drill_plan = _drillplan(request, pk)
    item = get_object_or_404(drill_plan.items, pk=item_pk)
    try:
        services.drill_plan_item_delete(item=item, user=request.user)
    except ApplicationError as exc:
        messages.error(request, exc.message)
    return redirect(drill_plan)


@require_POST
@role_required(_writes)
def drillplan_submit(request, pk: int):
    drill_plan = _drillplan(request, pk)
    try:
        services.drill_plan_submit(drill_plan=drill_plan, user=request.user)
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Drill plan sent to leadership for approval."))
    return redirect(drill_plan)
