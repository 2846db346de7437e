from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from apps.core.exceptions import ApplicationError
from apps.core.forms import add_errors
from apps.core.selectors import as_int, attachment_list, history_entries
from apps.hazards import rules, selectors, services
from apps.hazards.forms import (
    AssignForm,
    ChecklistForm,
    InspectionForm,
    PlanForm,
    RectifyForm,
    ReportForm,
    VerifyForm,
)
from apps.hazards.models import (
    Checklist,
    CheckResult,
    HazardCause,
    HazardGrade,
    HazardSource,
    HazardStatus,
    InspectionKind,
    InspectionPlan,
    InspectionResult,
)
from apps.org.access import access_for
from apps.org.permissions import manages, reads_org, role_required
from apps.org.selectors import department_list
from apps.workflow.services import can_sign_off, can_work_on

PAGE_SIZE = 25


# ------------------------------------------------------------------------------
# Hazards
# ------------------------------------------------------------------------------
@login_required
def hazard_list(request):
    filters = request.GET.dict()
    page = Paginator(selectors.hazard_list(user=request.user, filters=filters), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    access = access_for(request.user)
    return render(
        request,
        "hazards/hazard_list.html",
        {
            "page": page,
            "filters": filters,
            "statuses": HazardStatus.choices,
            "grades": HazardGrade.choices,
            "categories": HazardCause.choices,
            "sources": HazardSource.choices,
            "departments": department_list(user=request.user),
            "can_export": reads_org(access),
            "today": timezone.localdate(),
        },
    )


@login_required
def hazard_report(request):
    form = ReportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            hazard = services.hazard_report(user=request.user, **data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(
                request, _("Hazard %(code)s reported. Thank you.") % {"code": hazard.code}
            )
            return redirect("hazards:detail", pk=hazard.pk)
    if request.method == "GET":
        employee_department = access_for(request.user).employee_department_id
        if employee_department:
            form.initial.setdefault("department", employee_department)
    return render(
        request,
        "core/form_page.html",
        {
            "form": form,
            "title": _("Report a hazard"),
            "multipart": True,
            "cancel_url": reverse("hazards:list"),
        },
    )


def _get(request, pk: int):
    return get_object_or_404(selectors.hazard_list(user=request.user), pk=pk)


def _detail(request, hazard, status=200, **forms):
    access = access_for(request.user)
    task = hazard.task
    return render(
        request,
        "hazards/hazard_detail.html",
        {
            "hazard": hazard,
            "before_photos": attachment_list(owner=hazard),
            "after_photos": attachment_list(owner=task) if task else [],
            "history": history_entries(hazard),
            "can_assign": access.manages_everything and hazard.status == HazardStatus.REPORTED,
            "can_rectify": task is not None
            and hazard.status == HazardStatus.RECTIFYING
            and can_work_on(task, request.user),
            "can_sign": task is not None
            and hazard.status == HazardStatus.SUBMITTED
            and can_sign_off(task, request.user)
            and task.submitted_by_id != request.user.pk,
            "can_verify": access.manages_everything
            and hazard.status
            in (HazardStatus.RECTIFYING, HazardStatus.SUBMITTED, HazardStatus.SIGNED_OFF),
            "assign_form": forms.get("assign_form")
            or AssignForm(
                initial={
                    "department": hazard.department_id,
                    "grade": hazard.grade,
                    "deadline": timezone.localdate() + dt.timedelta(days=7),
                }
            ),
            "rectify_form": forms.get("rectify_form") or RectifyForm(),
            "verify_form": forms.get("verify_form") or VerifyForm(initial={"decision": "close"}),
        },
        status=status,
    )


@login_required
def hazard_detail(request, pk: int):
    return _detail(request, _get(request, pk))


def _act(request, hazard, form, action, success: str, form_name: str):
    if form.is_valid():
        try:
            action(form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        except ApplicationError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, success)
            return redirect("hazards:detail", pk=hazard.pk)
    messages.error(request, _("Not saved: see the form below."))
    hazard.refresh_from_db()
    return _detail(request, hazard, status=400, **{form_name: form})


@role_required(manages)
@require_POST
def hazard_assign(request, pk: int):
    hazard = _get(request, pk)
    form = AssignForm(request.POST)

    def action(d):
        plan = {k: v for k, v in d.items() if k.startswith("plan_")}
        services.hazard_assign(
            hazard=hazard,
            user=request.user,
            department=d["department"],
            deadline=d["deadline"],
            grade=d["grade"],
            plan=plan,
            risk_l=d["risk_l"],
            risk_e=d["risk_e"],
            risk_c=d["risk_c"],
            assignee=d["assignee"],
        )

    return _act(
        request,
        hazard,
        form,
        action,
        _("Assigned: the department has a rectification task."),
        "assign_form",
    )


@login_required
@require_POST
def hazard_rectify(request, pk: int):
    hazard = _get(request, pk)
    form = RectifyForm(request.POST, request.FILES)
    return _act(
        request,
        hazard,
        form,
        lambda d: services.hazard_rectify(hazard=hazard, user=request.user, **d),
        _("Rectification submitted for the head's sign-off."),
        "rectify_form",
    )


@role_required(manages)
@require_POST
def hazard_verify(request, pk: int):
    hazard = _get(request, pk)
    form = VerifyForm(request.POST)
    return _act(
        request,
        hazard,
        form,
        lambda d: services.hazard_verify(
            hazard=hazard, user=request.user, close=d["decision"] == "close", reason=d["reason"]
        ),
        _("Verification recorded."),
        "verify_form",
    )


@login_required
def hazard_photo(request, pk: int, attachment_pk: int):
    hazard = _get(request, pk)
    owners = [attachment_list(owner=hazard)]
    if hazard.task_id:
        owners.append(attachment_list(owner=hazard.task))
    for qs in owners:
        attachment = qs.filter(pk=attachment_pk).first()
        if attachment is not None:
            return FileResponse(
                attachment.file.open("rb"),
                as_attachment=not attachment.is_image,
                filename=attachment.original_name,
            )
    raise Http404


# ------------------------------------------------------------------------------
# Statistics
# ------------------------------------------------------------------------------
@role_required(reads_org)
def statistics(request):
    today = timezone.localdate()
    year = as_int(request.GET.get("year")) or today.year
    quarter = as_int(request.GET.get("quarter"))
    period = rules.Period(year, quarter if quarter in (1, 2, 3, 4) else None)
    stats = selectors.statistics(user=request.user, start=period.start, end=period.end)
    return render(
        request,
        "hazards/statistics.html",
        {"period": period, "stats": stats, "years": range(today.year, today.year - 6, -1)},
    )


# ------------------------------------------------------------------------------
# Inspections, plans and checklists
# ------------------------------------------------------------------------------
@role_required(reads_org)
def inspection_list(request):
    filters = request.GET.dict()
    page = Paginator(
        selectors.inspection_list(user=request.user, filters=filters), PAGE_SIZE
    ).get_page(request.GET.get("page"))
    return render(
        request,
        "hazards/inspection_list.html",
        {
            "page": page,
            "filters": filters,
            "kinds": InspectionKind.choices,
            "plans": selectors.plan_list(user=request.user).filter(is_active=True),
            "checklists": selectors.checklist_list().filter(is_active=True),
        },
    )


@role_required(reads_org)
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
    form = InspectionForm(request.POST or None, request.FILES or None, initial=initial)
    results = {
        item.pk: (
            request.POST.get(f"result_{item.pk}", CheckResult.PASS),
            request.POST.get(f"note_{item.pk}", ""),
        )
        for item in items
    }
    if request.method == "POST" and form.is_valid():
        try:
            inspection = services.inspection_record(
                user=request.user,
                plan=plan,
                checklist=checklist,
                results=results,
                **form.cleaned_data,
            )
        except PermissionDenied:
            raise
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("Inspection recorded."))
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


@role_required(reads_org)
def inspection_detail(request, pk: int):
    inspection = get_object_or_404(selectors.inspection_list(user=request.user), pk=pk)
    results = InspectionResult.objects.filter(inspection=inspection).select_related(
        "item", "hazard"
    )
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


@role_required(reads_org)
@require_POST
def inspection_raise(request, pk: int, result_pk: int):
    inspection = get_object_or_404(selectors.inspection_list(user=request.user), pk=pk)
    result = get_object_or_404(
        InspectionResult.objects.select_related("item", "inspection__department"),
        inspection=inspection,
        pk=result_pk,
    )
    category = request.POST.get("category") or HazardCause.CONDITION
    try:
        hazard = services.hazard_from_check(result=result, user=request.user, category=category)
    except ApplicationError as exc:
        messages.error(request, exc.message)
        return redirect("hazards:inspection_detail", pk=inspection.pk)
    messages.success(
        request, _("Hazard %(code)s raised from the failed check.") % {"code": hazard.code}
    )
    return redirect("hazards:detail", pk=hazard.pk)


@role_required(reads_org)
def inspection_photo(request, pk: int, attachment_pk: int):
    inspection = get_object_or_404(selectors.inspection_list(user=request.user), pk=pk)
    attachment = get_object_or_404(attachment_list(owner=inspection), pk=attachment_pk)
    return FileResponse(attachment.file.open("rb"), filename=attachment.original_name)


@role_required(reads_org)
def plan_list(request):
    return render(
        request,
        "hazards/plan_list.html",
        {
            "plans": selectors.plan_list(user=request.user),
            "checklists": selectors.checklist_list(),
            "can_edit": access_for(request.user).manages_everything,
        },
    )


@role_required(manages)
def plan_edit(request, pk: int | None = None):
    plan = get_object_or_404(InspectionPlan, pk=pk) if pk else None
    form = PlanForm(request.POST or None, instance=plan)
    if request.method == "POST" and form.is_valid():
        try:
            services.inspection_plan_save(plan=plan, data=form.cleaned_data, user=request.user)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("Inspection plan saved."))
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


@role_required(manages)
def checklist_create(request):
    form = ChecklistForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.checklist_create(user=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("Checklist saved."))
            return redirect("hazards:plan_list")
    return render(
        request,
        "core/form_page.html",
        {"form": form, "title": _("New checklist"), "cancel_url": reverse("hazards:plan_list")},
    )
