"""The pages of drills: list, plans overdue, detail, record, evaluation and improvements."""

from __future__ import annotations

from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from apps.core.selectors import attachment_list, history_entries
from apps.core.views import RecordPage, edit_page, finder, list_page
from apps.emergency import policies, selectors, services
from apps.emergency.forms import DrillEvaluationForm, DrillForm, ImprovementForm
from apps.emergency.models import DrillKind
from apps.emergency.views._common import _page
from apps.org.permissions import policy_required


@policy_required(policies.can_read_emergency)
def drill_list(request):
    return list_page(
        request,
        selectors.drill_list,
        kinds=DrillKind.choices,
        overdue_count=selectors.overdue_plans(user=request.user).count(),
        can_edit=policies.can_record_drill(request.user),
    )


@policy_required(policies.can_read_emergency)
def overdue(request):
    return render(
        request, "emergency/overdue.html", {"page": _page(request, selectors.overdue_plans(user=request.user))}
    )


_drill = finder(selectors.drill_list)


@policy_required(policies.can_read_emergency)
def drill_detail(request, pk: int, evaluation_form=None, improvement_form=None, status=200):
    drill = _drill(request, pk)
    initial = {
        "evaluated_on": drill.evaluated_on or timezone.localdate(),
        "worked_well": drill.worked_well,
        "problems_found": drill.problems_found,
        "conclusion": drill.conclusion,
    }
    return render(
        request,
        "emergency/drill_detail.html",
        {
            "drill": drill,
            "actions": policies.record_actions(request.user, drill),
            "improvements": drill.improvements.select_related("department", "task"),
            "attachments": attachment_list(owner=drill),
            "history": history_entries(drill),
            "evaluation_form": evaluation_form or DrillEvaluationForm(initial=initial),
            "improvement_form": improvement_form
            or ImprovementForm(user=request.user, initial={"department": drill.department_id}),
        },
        status=status,
    )


@policy_required(policies.can_change_record)
def drill_create(request):
    initial = {"plan": request.GET.get("plan"), "held_on": timezone.localdate()}
    form = DrillForm(
        request.POST or None,
        request.FILES or None,
        user=request.user,
        plans=selectors.drillable_plans(user=request.user),
        initial=initial,
    )

    return edit_page(
        request,
        form,
        services.drill_record,
        _("Drill recorded."),
        title=_("Record a drill"),
        cancel_url=reverse("emergency:drill_list"),
        uploads=True,
    )


drill_page = RecordPage(get=_drill, page=drill_detail, record="drill")
changes = policy_required(policies.can_change_record)
drill_evaluate = drill_page.form(
    changes, DrillEvaluationForm, "evaluation_form", services.drill_evaluate, gettext_lazy("Evaluation saved.")
)
improvement_add = drill_page.form(
    changes,
    ImprovementForm,
    "improvement_form",
    services.improvement_raise,
    gettext_lazy("Improvement raised as a task."),
    form_kwargs=lambda request, drill: {"user": request.user},
)
