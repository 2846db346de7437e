"""Yearly training plans: drafting, items and submitting for approval."""

from __future__ import annotations

from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from apps.core.selectors import history_entries
from apps.core.views import RecordPage, edit_page, finder, list_page, run_action, run_form_action
from apps.org.permissions import policy_required
from apps.training import policies, selectors, services
from apps.training.forms import PlanForm, PlanItemForm
from apps.training.models import PlanStatus, TrainingPlanItem
from apps.training.views._common import reads

drafts = policy_required(policies.can_draft_plan)


_plan = finder(selectors.plan_list)


@reads
def plan_list(request):
    return list_page(
        request, selectors.plan_list, statuses=PlanStatus.choices, can_create=policies.can_draft_plan(request.user)
    )


@drafts
def plan_create(request):
    return edit_page(
        request,
        PlanForm(request.POST or None, user=request.user),
        services.plan_create,
        _("Plan created: add the planned courses."),
        title=_("New training plan"),
        cancel_url=reverse("training:plan_list"),
        done=lambda saved: reverse("training:plan_detail", kwargs={"pk": saved.pk}),
    )


@reads
def plan_detail(request, pk: int):
    plan = _plan(request, pk)
    actions = policies.plan_actions(request.user, plan)
    return render(
        request,
        "training/plan_detail.html",
        {
            "plan": plan,
            "items": selectors.plan_items(plan),
            "actions": actions,
            "item_form": PlanItemForm() if actions["edit"] else None,
            "history": history_entries(plan),
        },
    )


@drafts
@require_POST
def plan_item_add(request, pk: int):
    plan = _plan(request, pk)
    run_form_action(
        request,
        PlanItemForm(request.POST),
        lambda data: services.plan_item_save(plan=plan, data=data, user=request.user),
        _("Item added."),
    )
    return redirect("training:plan_detail", pk=plan.pk)


@drafts
@require_POST
def plan_item_delete(request, pk: int, item_pk: int):
    plan = _plan(request, pk)
    item = get_object_or_404(TrainingPlanItem, plan=plan, pk=item_pk)
    return run_action(
        request,
        lambda: services.plan_item_delete(item=item, user=request.user),
        _("Item removed."),
        redirect_to="training:plan_detail",
        args=(plan.pk,),
    )


plan_submit = RecordPage(get=_plan, record="plan", done="training:plan_detail", guard_first=True).button(
    drafts, services.plan_submit, gettext_lazy("Submitted for approval.")
)
