"""Hazard pages: the ledger, reporting, the detail page and the closed loop's forms, photos."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from apps.core.selectors import attachment_list, history_entries
from apps.core.views import run_service
from apps.hazards import selectors, services
from apps.hazards.forms import AssignForm, RectifyForm, ReportForm, VerifyForm
from apps.hazards.models import HazardCause, HazardGrade, HazardSource, HazardStatus
from apps.org.access import access_for
from apps.org.permissions import manages, reads_org, role_required
from apps.org.selectors import department_list
from apps.workflow.services import can_sign_off, can_work_on

PAGE_SIZE = 25


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
        hazard = run_service(
            request,
            form,
            lambda: services.hazard_report(user=request.user, **form.cleaned_data),
            None,
        )
        if hazard is not None:
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
        run_service(request, form, lambda: action(form.cleaned_data), success)
        if not form.errors:
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
