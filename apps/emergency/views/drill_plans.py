"""The pages of yearly drill plans: list, detail, planned drills and submission."""

from __future__ import annotations

from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from apps.core.selectors import history_entries
from apps.core.views import RecordPage, edit_page, finder, run_action
from apps.emergency import policies, selectors, services
from apps.emergency.forms import DrillPlanForm, DrillPlanItemForm
from apps.emergency.views._common import _page
from apps.org.permissions import policy_required


@policy_required(policies.can_read_emergency)
def drillplan_list(request):
    return render(
        request,
        "emergency/drillplan_list.html",
        {
            "page": _page(request, selectors.drill_plan_list(user=request.user)),
            "can_edit": policies.can_change_record(request.user),
        },
    )


_drillplan = finder(selectors.drill_plan_list)


@policy_required(policies.can_read_emergency)
def drillplan_detail(request, pk: int, item_form=None, status=200):
    drill_plan = _drillplan(request, pk)
    return render(
        request,
        "emergency/drillplan_detail.html",
        {
            "drill_plan": drill_plan,
            "actions": policies.drill_plan_actions(request.user, drill_plan),
            "items": drill_plan.items.select_related("plan"),
            "history": history_entries(drill_plan),
            "item_form": item_form
            or DrillPlanItemForm(plans=selectors.drillable_plans(department=drill_plan.department)),
        },
        status=status,
    )


@policy_required(policies.can_change_record)
def drillplan_create(request):
    return edit_page(
        request,
        DrillPlanForm(request.POST or None, user=request.user, initial={"year": timezone.localdate().year}),
        services.drill_plan_create,
        _("Drill plan created: add the planned drills."),
        title=_("New yearly drill plan"),
        cancel_url=reverse("emergency:drillplan_list"),
    )


drill_plan_page = RecordPage(get=_drillplan, page=drillplan_detail, record="drill_plan")
changes = policy_required(policies.can_change_record)
drillplan_item_add = drill_plan_page.form(
    changes,
    DrillPlanItemForm,
    "item_form",
    lambda drill_plan, user, **data: services.drill_plan_item_add(drill_plan=drill_plan, data=data, user=user),
    gettext_lazy("Planned drill added."),
    form_kwargs=lambda request, drill_plan: {"plans": selectors.drillable_plans(department=drill_plan.department)},
)


@require_POST
@policy_required(policies.can_change_record)
def drillplan_item_delete(request, pk: int, item_pk: int):
    drill_plan = _drillplan(request, pk)
    item = get_object_or_404(drill_plan.items, pk=item_pk)
    return run_action(
        request, lambda: services.drill_plan_item_delete(item=item, user=request.user), "", redirect_to=drill_plan
    )


drillplan_submit = drill_plan_page.button(
    changes, services.drill_plan_submit, gettext_lazy("Drill plan sent to leadership for approval.")
)
