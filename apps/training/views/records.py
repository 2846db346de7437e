"""A person's training record, the compliance page and recording a repeated induction."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.core.views import edit_page
from apps.org.permissions import policy_required
from apps.org.policy import employee_id
from apps.training import policies, selectors, services
from apps.training.forms import ReinductionForm
from apps.training.views._common import PAGE_SIZE, _departments, reads


def _record(request, employee, *, mine: bool):
    today = timezone.localdate()
    rows = selectors.compliance(
        selectors.visible_employees(user=request.user, filters={"active": ""}).filter(pk=employee.pk), as_of=today
    )
    return render(
        request,
        "training/record.html",
        {
            "employee": employee,
            "row": rows[0] if rows else None,
            "attendances": selectors.attendance_list(user=request.user, filters={"employee": employee.pk}),
            "certificates": selectors.certificate_list(user=request.user, filters={"holder": employee.pk}),
            "requirements": selectors.requirements(),
            "mine": mine,
            "today": today,
        },
    )


@login_required
def my_record(request):
    own_id = employee_id(request.user)
    if own_id is None:
        return render(request, "training/record.html", {"employee": None, "mine": True})
    employee = selectors.visible_employees(user=request.user, filters={"active": ""}).select_related(
        "department", "position"
    )
    return _record(request, get_object_or_404(employee, pk=own_id), mine=True)


@reads
def employee_record(request, pk: int):
    employee = get_object_or_404(
        selectors.visible_employees(user=request.user, filters={"active": ""}).select_related("department", "position"),
        pk=pk,
    )
    return _record(request, employee, mine=False)


@reads
def compliance(request):
    filters = request.GET.dict()
    filters.setdefault("short", "1")
    today = timezone.localdate()
    need = selectors.requirements()
    everyone = {**filters, "short": ""}
    rows = selectors.compliance_rows(user=request.user, filters=everyone, as_of=today, need=need)
    departments = selectors.by_department(rows)
    shown = [r for r in rows if r.needs_attention] if filters["short"] == "1" else rows
    page = Paginator(shown, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "training/compliance.html",
        {
            "page": page,
            "filters": filters,
            "department_rows": departments,
            "total": len(rows),
            "compliant": sum(r.is_compliant for r in rows),
            "departments": _departments(request.user),
            "requirements": need,
            "can_reinduct": policies.can_create_reinduction(request.user),
            "year": _year_progress(rows),
            "last_year": _last_year(request.user, everyone, rows, need),
        },
    )


def _year_progress(rows) -> dict | None:
    """The training year running: its dates, the share gone, and the yearly hours done against
    those required (people still to do their yearly hours only)."""
    if not rows:
        return None
    due = [r for r in rows if r.annual_required]
    return {
        "start": rows[0].year_start,
        "end": rows[0].year_end,
        "elapsed": rows[0].year_elapsed,
        "over": rows[0].year_over,
        "done": sum(min(r.annual_hours, r.annual_required) for r in due),
        "required": sum(r.annual_required for r in due),
        "met": sum(not r.annual_short for r in due),
        "people": len(due),
        "behind": sum(r.annual_behind for r in rows),
    }


def _last_year(user, filters: dict, rows, need) -> dict | None:
    """The final judgement of the yearly hours in the training year before the one running."""
    if not rows or rows[0].year_over:
        return None
    end = rows[0].year_start - dt.timedelta(days=1)
    return _year_progress(selectors.compliance_rows(user=user, filters=filters, as_of=end, need=need))


@policy_required(policies.can_create_reinduction)
def reinduction_create(request):
    employees = selectors.creditable_employees(user=request.user).select_related("department")
    return edit_page(
        request,
        ReinductionForm(request.POST or None, employees=employees),
        services.reinduction_create,
        _("Recorded: workshop- and team-level induction must be repeated."),
        title=_("Repeat induction"),
        cancel_url=reverse("training:compliance"),
        done=lambda saved: reverse("training:employee_record", kwargs={"pk": saved.employee_id}),
    )
