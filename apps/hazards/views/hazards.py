"""Hazard pages: the ledger, reporting, the detail page and the closed loop's forms, photos."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from apps.core.selectors import attachment_list, history_entries
from apps.core.services import fields_as_keywords
from apps.core.views import RecordPage, edit_page, finder, list_page
from apps.hazards import policies, selectors, services
from apps.hazards.forms import AssignForm, RectifyForm, ReportForm, VerifyForm
from apps.hazards.models import HazardCause, HazardGrade, HazardSource, HazardStatus
from apps.org.permissions import policy_required
from apps.org.policy import employee_department_id


@policy_required(policies.can_read_hazards)
def hazard_list(request):
    return list_page(
        request,
        selectors.hazard_list,
        statuses=HazardStatus.choices,
        grades=HazardGrade.choices,
        categories=HazardCause.choices,
        sources=HazardSource.choices,
        can_export=policies.can_export_hazards(request.user),
    )


@policy_required(policies.can_report_hazard)
def hazard_report(request):
    form = ReportForm(request.POST or None, request.FILES or None)
    if request.method == "GET":
        employee_department = employee_department_id(request.user)
        if employee_department:
            form.initial.setdefault("department", employee_department)

    def reported(hazard):
        messages.success(request, _("Hazard %(code)s reported. Thank you.") % {"code": hazard.code})
        return reverse("hazards:detail", kwargs={"pk": hazard.pk})

    return edit_page(
        request,
        form,
        fields_as_keywords(services.hazard_report),
        "",
        title=_("Report a hazard"),
        cancel_url=reverse("hazards:list"),
        done=reported,
        multipart=True,
    )


_get = finder(selectors.hazard_list)


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


def _refused(request, pk: int, status: int, **forms):
    messages.error(request, _("Not saved: see the form below."))
    return _detail(request, _get(request, pk), status=status, **forms)


def _assign(*, hazard, user, **d):
    services.hazard_assign(
        hazard=hazard,
        user=user,
        department=d["department"],
        deadline=d["deadline"],
        grade=d["grade"],
        plan={k: v for k, v in d.items() if k.startswith("plan_")},
        risk_l=d["risk_l"],
        risk_e=d["risk_e"],
        risk_c=d["risk_c"],
        assignee=d["assignee"],
    )


def _verify(*, hazard, user, decision, reason):
    return services.hazard_verify(hazard=hazard, user=user, close=decision == "close", reason=reason)


# The closed loop's forms: saved, back to the hazard; refused by a rule, the detail page again
# with the form and its errors (a person the policy refuses gets its reason, 403).
closed_loop = RecordPage(get=_get, page=_refused, record="hazard", guard_first=True)
hazard_assign = closed_loop.form(
    policy_required(policies.can_assign_hazard),
    AssignForm,
    "assign_form",
    _assign,
    gettext_lazy("Assigned: the department has a rectification task."),
)
hazard_rectify = closed_loop.form(
    policy_required(policies.can_rectify_hazard),
    RectifyForm,
    "rectify_form",
    services.hazard_rectify,
    gettext_lazy("Rectification submitted for the head's sign-off."),
)
hazard_verify = closed_loop.form(
    policy_required(policies.can_verify_hazard),
    VerifyForm,
    "verify_form",
    _verify,
    gettext_lazy("Verification recorded."),
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
