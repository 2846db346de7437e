"""Inspection pages: the list, recording one against a checklist, raising a hazard from a
failed check item, photos."""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from apps.core.selectors import as_int, attachment_list
from apps.core.views import list_page, run_action, run_service
from apps.hazards import policies, selectors, services
from apps.hazards.forms import InspectionForm
from apps.hazards.models import Checklist, CheckResult, HazardCause, InspectionKind, InspectionResult
from apps.org.permissions import policy_required


@policy_required(policies.can_read_inspections)
def inspection_list(request):
    return list_page(
        request,
        selectors.inspection_list,
        kinds=InspectionKind.choices,
        plans=selectors.plan_list(user=request.user).filter(is_active=True),
        checklists=selectors.checklist_list().filter(is_active=True),
    )


@policy_required(policies.can_read_inspections)
def inspection_record(request):
    plan = None
    if plan_id := as_int(request.GET.get("plan") or request.POST.get("plan")):
        plan = get_object_or_404(selectors.plan_list(user=request.user), pk=plan_id)
    checklist_id = as_int(request.GET.get("checklist") or request.POST.get("checklist"))
    checklist = plan.checklist if plan and plan.checklist_id else None
    if checklist is None and checklist_id:
        checklist = get_object_or_404(Checklist, pk=checklist_id)
    items = list(checklist.items.all()) if checklist else []
    initial = {"kind": plan.kind, "department": plan.department_id} if plan else {}
    if checklist and not plan:
        initial["kind"] = checklist.kind
    form = InspectionForm(request.POST or None, request.FILES or None, initial=initial, user=request.user)
    results = {
        item.pk: (request.POST.get(f"result_{item.pk}", CheckResult.PASS), request.POST.get(f"note_{item.pk}", ""))
        for item in items
    }
    if request.method == "POST" and form.is_valid():
        inspection = run_service(
            request,
            form,
            lambda: services.inspection_record(
                user=request.user, plan=plan, checklist=checklist, results=results, **form.cleaned_data
            ),
            _("Inspection recorded."),
        )
        if inspection is not None:
            return redirect("hazards:inspection_detail", pk=inspection.pk)
    return render(
        request,
        "hazards/inspection_form.html",
        {
            "form": form,
            "plan": plan,
            "checklist": checklist,
            "rows": [(item, results[item.pk]) for item in items],
            "choices": CheckResult.choices,
        },
    )


@policy_required(policies.can_read_inspections)
def inspection_detail(request, pk: int):
    inspection = get_object_or_404(selectors.inspection_list(user=request.user), pk=pk)
    results = InspectionResult.objects.filter(inspection=inspection).select_related("item", "hazard")
    return render(
        request,
        "hazards/inspection_detail.html",
        {
            "inspection": inspection,
            "results": results,
            "photos": attachment_list(owner=inspection),
            "categories": HazardCause.choices,
        },
    )


@policy_required(policies.can_raise_hazard)
@require_POST
def inspection_raise(request, pk: int, result_pk: int):
    inspection = get_object_or_404(selectors.inspection_list(user=request.user), pk=pk)
    result = get_object_or_404(
        InspectionResult.objects.select_related("item", "inspection__department"), inspection=inspection, pk=result_pk
    )
    category = request.POST.get("category") or HazardCause.CONDITION
    hazard = run_action(
        request, lambda: services.hazard_from_check(result=result, user=request.user, category=category), ""
    )
    if hazard is None:
        return redirect("hazards:inspection_detail", pk=inspection.pk)
    messages.success(request, _("Hazard %(code)s raised from the failed check.") % {"code": hazard.code})
    return redirect("hazards:detail", pk=hazard.pk)


@policy_required(policies.can_read_inspections)
def inspection_photo(request, pk: int, attachment_pk: int):
    inspection = get_object_or_404(selectors.inspection_list(user=request.user), pk=pk)
    attachment = get_object_or_404(attachment_list(owner=inspection), pk=attachment_pk)
    return FileResponse(attachment.file.open("rb"), filename=attachment.original_name)
