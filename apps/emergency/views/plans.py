"""The pages of emergency plans: list, detail, edit, filing and evaluation; the files of a
plan or a drill."""

from __future__ import annotations

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext_lazy

from apps.core.selectors import attachment_list, history_entries
from apps.core.views import RecordPage, finder, list_page
from apps.emergency import policies, selectors, services
from apps.emergency.forms import EvaluationForm, FilingForm, PlanForm
from apps.emergency.models import PlanKind
from apps.org.permissions import policy_required


@policy_required(policies.can_read_emergency)
def plan_list(request):
    return list_page(
        request, selectors.plan_list, kinds=PlanKind.choices, can_edit=policies.can_edit_plan(request.user)
    )


_plan = finder(selectors.plan_list)


@policy_required(policies.can_read_emergency)
def plan_detail(request, pk: int, filing_form=None, evaluation_form=None, status=200):
    plan = _plan(request, pk)
    today = timezone.localdate()
    return render(
        request,
        "emergency/plan_detail.html",
        {
            "plan": plan,
            "actions": policies.plan_actions(request.user, plan),
            "evaluations": plan.evaluations.select_related("evaluated_by"),
            "drills": selectors.drill_list(user=request.user, filters={"plan": plan.pk})[:20],
            "attachments": attachment_list(owner=plan),
            "history": history_entries(plan),
            "filing_form": filing_form or FilingForm(initial={"filed_on": today}),
            "evaluation_form": evaluation_form or EvaluationForm(initial={"evaluated_on": today}),
        },
        status=status,
    )


plan_page = RecordPage(get=_plan, page=plan_detail, record="plan")
edits = policy_required(policies.can_edit_plan)
plan_edit = plan_page.edit(edits, PlanForm, services.emergency_plan_save, back="emergency:plan_list")
plan_file = plan_page.form(edits, FilingForm, "filing_form", services.plan_file, gettext_lazy("Filing recorded."))
plan_evaluate = plan_page.form(
    edits, EvaluationForm, "evaluation_form", services.plan_evaluate, gettext_lazy("Evaluation recorded.")
)


@policy_required(policies.can_read_emergency)
def attachment_download(request, model: str, pk: int, attachment_pk: int):
    """A file of a plan or a drill, for those who see it."""
    if model == "plan":
        owner = _plan(request, pk)
    elif model == "drill":
        owner = get_object_or_404(selectors.drill_list(user=request.user), pk=pk)
    else:
        raise Http404
    attachment = get_object_or_404(attachment_list(owner=owner), pk=attachment_pk)
    return FileResponse(
        attachment.file.open("rb"), as_attachment=not attachment.is_image, filename=attachment.original_name
    )
