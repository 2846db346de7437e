"""The pages of emergency plans: list, detail, edit, filing and evaluation; the files of a
plan or a drill."""

from __future__ import annotations

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from apps.core.selectors import attachment_list, history_entries
from apps.core.views import form_page, post_from_page, run_service
from apps.emergency import policies, selectors, services
from apps.emergency.forms import EvaluationForm, FilingForm, PlanForm
from apps.emergency.models import Plan, PlanKind
from apps.emergency.views._common import _page, _split_files
from apps.org.permissions import policy_required
from apps.org.selectors import department_list


@policy_required(policies.can_read_emergency)
def plan_list(request):
    filters = request.GET.dict()
    return render(
        request,
        "emergency/plan_list.html",
        {
            "page": _page(request, selectors.plan_list(user=request.user, filters=filters)),
            "filters": filters,
            "kinds": PlanKind.choices,
            "departments": department_list(user=request.user),
            "can_edit": policies.can_edit_plan(request.user),
            "today": timezone.localdate(),
        },
    )


def _plan(request, pk: int) -> Plan:
    return get_object_or_404(selectors.plan_list(user=request.user), pk=pk)


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


@policy_required(policies.can_edit_plan)
def plan_edit(request, pk: int | None = None):
    plan = _plan(request, pk) if pk else None
    form = PlanForm(request.POST or None, request.FILES or None, instance=plan, user=request.user)
    if request.method == "POST" and form.is_valid():
        data, files = _split_files(form)
        saved = run_service(
            request,
            form,
            lambda: services.emergency_plan_save(plan=plan, data=data, user=request.user, files=files),
            _("Emergency plan saved."),
        )
        if saved is not None:
            return redirect(saved)
    if plan is not None:
        plan.refresh_from_db()
    return form_page(
        request,
        form,
        title=_("Edit emergency plan") if pk else _("New emergency plan"),
        cancel_url=plan.get_absolute_url() if plan else reverse("emergency:plan_list"),
        multipart=True,
    )


@require_POST
@policy_required(policies.can_edit_plan)
def plan_file(request, pk: int):
    plan = _plan(request, pk)
    form = FilingForm(request.POST)
    return post_from_page(
        request,
        form,
        lambda data: services.plan_file(plan=plan, user=request.user, **data),
        _("Filing recorded."),
        done=plan,
        page=lambda f: plan_detail(request, pk, filing_form=f, status=400),
    )


@require_POST
@policy_required(policies.can_edit_plan)
def plan_evaluate(request, pk: int):
    plan = _plan(request, pk)
    form = EvaluationForm(request.POST)
    return post_from_page(
        request,
        form,
        lambda data: services.plan_evaluate(plan=plan, user=request.user, **data),
        _("Evaluation recorded."),
        done=plan,
        page=lambda f: plan_detail(request, pk, evaluation_form=f, status=400),
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
