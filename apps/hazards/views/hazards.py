"""Hazard pages: the ledger, reporting, the detail page and the closed loop's forms, photos."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from apps.core.selectors import attachment_list, history_entries
from apps.core.views import post_from_page, run_service
from apps.hazards import policies, selectors, services
from apps.hazards.forms import AssignForm, RectifyForm, ReportForm, VerifyForm
from apps.hazards.models import HazardCause, HazardGrade, HazardSource, HazardStatus
from apps.org.permissions import policy_required
from apps.org.policy import employee_department_id
from apps.org.selectors import department_list

PAGE_SIZE = 25


@policy_required(policies.can_read_hazards)
def hazard_list(request):
    filters = request.GET.dict()
    page = Paginator(selectors.hazard_list(user=request.user, filters=filters), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
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
            "can_export": policies.can_export_hazards(request.user),
            "today": timezone.localdate(),
        },
    )


@policy_required(policies.can_report_hazard)
def hazard_report(request):
    form = ReportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        hazard = run_service(
            request, form, lambda: services.hazard_report(user=request.user, **form.cleaned_data), None
        )
        if hazard is not None:
            messages.success(request, _("Hazard %(code)s reported. Thank you.") % {"code": hazard.code})
            return redirect("hazards:detail", pk=hazard.pk)
    if request.method == "GET":
        employee_department = employee_department_id(request.user)
        if employee_department:
            form.initial.setdefault("department", employee_department)
    return render(
        request,
        "core/form_page.html",
        {"form": form, "title": _("Report a hazard"), "multipart": True, "cancel_url": reverse("hazards:list")},
    )


def _get(request, pk: int):
    return get_object_or_404(selectors.hazard_list(user=request.user), pk=pk)


def _detail(request, hazard, status=200, **forms):
    task = hazard.task
    return render(
        request,
        "hazards/hazard_detail.html",
        {
            "hazard": hazard,
            "before_photos": attachment_list(owner=hazard),
            "after_photos": attachment_list(owner=task) if task else [],
            "history": history_entries(hazard),
            "actions": policies.hazard_actions(request.user, hazard),
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


@policy_required(policies.can_read_hazards)
def hazard_detail(request, pk: int):
    return _detail(request, _get(request, pk))


def _submit(request, hazard, form, action, success: str, form_name: str):
    """A closed-loop form: saved, back to the hazard; refused by a rule, the detail page again
    with the form and its errors (a person the policy refuses gets its reason, 403)."""

    def page(form):
        messages.error(request, _("Not saved: see the form below."))
        hazard.refresh_from_db()
        return _detail(request, hazard, status=400, **{form_name: form})

    return post_from_page(request, form, action, success, done=hazard, page=page)


@policy_required(policies.can_assign_hazard)
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

    return _submit(
        request, hazard, form, action, _("Assigned: the department has a rectification task."), "assign_form"
    )


@policy_required(policies.can_rectify_hazard)
@require_POST
def hazard_rectify(request, pk: int):
    hazard = _get(request, pk)
    form = RectifyForm(request.POST, request.FILES)
    return _submit(
        request,
        hazard,
        form,
        lambda d: services.hazard_rectify(hazard=hazard, user=request.user, **d),
        _("Rectification submitted for the head's sign-off."),
        "rectify_form",
    )


@policy_required(policies.can_verify_hazard)
@require_POST
def hazard_verify(request, pk: int):
    hazard = _get(request, pk)
    form = VerifyForm(request.POST)
    return _submit(
        request,
        hazard,
        form,
        lambda d: services.hazard_verify(
            hazard=hazard, user=request.user, close=d["decision"] == "close", reason=d["reason"]
        ),
        _("Verification recorded."),
        "verify_form",
    )


@policy_required(policies.can_read_hazards)
def hazard_photo(request, pk: int, attachment_pk: int):
    hazard = _get(request, pk)
    owners = [attachment_list(owner=hazard)]
    if hazard.task_id:
        owners.append(attachment_list(owner=hazard.task))
    for qs in owners:
        attachment = qs.filter(pk=attachment_pk).first()
        if attachment is not None:
            return FileResponse(
                attachment.file.open("rb"), as_attachment=not attachment.is_image, filename=attachment.original_name
            )
    raise Http404
