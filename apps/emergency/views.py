from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from apps.core.exceptions import ApplicationError
from apps.core.selectors import attachment_list, history_entries
from apps.core.views import run_service
from apps.emergency import selectors, services
from apps.emergency.forms import (
    DrillEvaluationForm,
    DrillForm,
    DrillPlanForm,
    DrillPlanItemForm,
    EvaluationForm,
    FilingForm,
    ImprovementForm,
    MemberForm,
    PlanForm,
    SupplyCheckForm,
    SupplyForm,
    TeamForm,
)
from apps.emergency.models import Drill, DrillKind, Plan, PlanKind, SupplyKind, TeamKind
from apps.org.access import access_for
from apps.org.permissions import manages, reads_org, role_required
from apps.org.selectors import department_list

PAGE_SIZE = 25


def _writes(access) -> bool:
    return access.manages_everything or access.is_department_head


def _page(request, qs):
    return Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))


def _form_page(request, form, title, cancel_url, multipart=False, status=200):
    return render(
        request,
        "core/form_page.html",
        {"form": form, "title": title, "cancel_url": cancel_url, "multipart": multipart},
        status=status,
    )


def _split_files(form) -> tuple[dict, list]:
    data = dict(form.cleaned_data)
    return data, data.pop("files", None) or []


# ------------------------------------------------------------------------------
# Plans
# ------------------------------------------------------------------------------
@role_required(reads_org)
def plan_list(request):
    filters = request.GET.dict()
    access = access_for(request.user)
    return render(
        request,
        "emergency/plan_list.html",
        {
            "page": _page(request, selectors.plan_list(user=request.user, filters=filters)),
            "filters": filters,
            "kinds": PlanKind.choices,
            "departments": department_list(user=request.user),
            "can_edit": access.manages_everything,
            "today": timezone.localdate(),
        },
    )


def _plan(request, pk: int) -> Plan:
    return get_object_or_404(selectors.plan_list(user=request.user), pk=pk)


@role_required(reads_org)
def plan_detail(request, pk: int, filing_form=None, evaluation_form=None, status=200):
    plan = _plan(request, pk)
    can_manage = access_for(request.user).manages_everything
    today = timezone.localdate()
    return render(
        request,
        "emergency/plan_detail.html",
        {
            "plan": plan,
            "can_manage": can_manage,
            "evaluations": plan.evaluations.select_related("evaluated_by"),
            "drills": selectors.drill_list(user=request.user, filters={"plan": plan.pk})[:20],
            "attachments": attachment_list(owner=plan),
            "history": history_entries(plan),
            "filing_form": filing_form or FilingForm(initial={"filed_on": today}),
            "evaluation_form": evaluation_form or EvaluationForm(initial={"evaluated_on": today}),
        },
        status=status,
    )


@role_required(manages)
def plan_edit(request, pk: int | None = None):
    plan = _plan(request, pk) if pk else None
    form = PlanForm(request.POST or None, request.FILES or None, instance=plan, user=request.user)
    if request.method == "POST" and form.is_valid():
        data, files = _split_files(form)
        saved = run_service(
            request,
            form,
            lambda: services.emergency_plan_save(
                plan=plan, data=data, user=request.user, files=files
            ),
            _("Emergency plan saved."),
        )
        if saved is not None:
            return redirect(saved)
    if plan is not None:
        plan.refresh_from_db()
    return _form_page(
        request,
        form,
        _("Edit emergency plan") if pk else _("New emergency plan"),
        plan.get_absolute_url() if plan else reverse("emergency:plan_list"),
        True,
    )


@require_POST
@role_required(manages)
def plan_file(request, pk: int):
    plan = _plan(request, pk)
    form = FilingForm(request.POST)
    if form.is_valid() and run_service(
        request,
        form,
        lambda: services.plan_file(plan=plan, user=request.user, **form.cleaned_data),
        _("Filing recorded."),
    ):
        return redirect(plan)
    return plan_detail(request, pk, filing_form=form, status=400)


@require_POST
@role_required(manages)
def plan_evaluate(request, pk: int):
    plan = _plan(request, pk)
    form = EvaluationForm(request.POST)
    if form.is_valid() and run_service(
        request,
        form,
        lambda: services.plan_evaluate(plan=plan, user=request.user, **form.cleaned_data),
        _("Evaluation recorded."),
    ):
        return redirect(plan)
    return plan_detail(request, pk, evaluation_form=form, status=400)


@role_required(reads_org)
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
        attachment.file.open("rb"),
        as_attachment=not attachment.is_image,
        filename=attachment.original_name,
    )


# ------------------------------------------------------------------------------
# Teams
# ------------------------------------------------------------------------------
@role_required(reads_org)
def team_list(request):
    filters = request.GET.dict()
    return render(
        request,
        "emergency/team_list.html",
        {
            "page": _page(request, selectors.team_list(user=request.user, filters=filters)),
            "filters": filters,
            "kinds": TeamKind.choices,
            "can_edit": _writes(access_for(request.user)),
        },
    )


def _team(request, pk: int):
    return get_object_or_404(selectors.team_list(user=request.user), pk=pk)


@role_required(reads_org)
def team_detail(request, pk: int, member_form=None, status=200):
    team = _team(request, pk)
    return render(
        request,
        "emergency/team_detail.html",
        {
            "team": team,
            "members": team.members.all(),
            "history": history_entries(team),
            "can_edit": access_for(request.user).heads(team.department_id),
            "member_form": member_form or MemberForm(),
        },
        status=status,
    )


@role_required(_writes)
def team_edit(request, pk: int | None = None):
    team = _team(request, pk) if pk else None
    form = TeamForm(request.POST or None, instance=team, user=request.user)
    if request.method == "POST" and form.is_valid():
        saved = run_service(
            request,
            form,
            lambda: services.team_save(team=team, data=form.cleaned_data, user=request.user),
            _("Rescue team saved."),
        )
        if saved is not None:
            return redirect(saved)
    return _form_page(
        request,
        form,
        _("Rescue team"),
        team.get_absolute_url() if team else reverse("emergency:team_list"),
    )


@require_POST
@role_required(_writes)
def member_add(request, pk: int):
    team = _team(request, pk)
    form = MemberForm(request.POST)
    if form.is_valid() and run_service(
        request,
        form,
        lambda: services.team_member_save(team=team, data=form.cleaned_data, user=request.user),
        _("Member added."),
    ):
        return redirect(team)
    return team_detail(request, pk, member_form=form, status=400)


@require_POST
@role_required(_writes)
def member_remove(request, pk: int, member_pk: int):
    team = _team(request, pk)
    member = get_object_or_404(team.members, pk=member_pk)
    try:
        services.team_member_remove(member=member, user=request.user)
    except ApplicationError as exc:
        messages.error(request, exc.message)
    return redirect(team)


# ------------------------------------------------------------------------------
# Supplies
# ------------------------------------------------------------------------------
@role_required(reads_org)
def supply_list(request):
    filters = request.GET.dict()
    access = access_for(request.user)
    return render(
        request,
        "emergency/supply_list.html",
        {
            "page": _page(request, selectors.supply_list(user=request.user, filters=filters)),
            "filters": filters,
            "kinds": SupplyKind.choices,
            "departments": department_list(user=request.user),
            "can_edit": _writes(access),
            "headed": access.headed_department_ids,
            "manages": access.manages_everything,
            "check_form": SupplyCheckForm(initial={"checked_on": timezone.localdate()}),
        },
    )


@role_required(reads_org)
def supply_detail(request, pk: int, check_form=None, status=200):
    supply = get_object_or_404(
        selectors.supply_list(user=request.user, filters={"active": "0"}), pk=pk
    )
    access = access_for(request.user)
    return render(
        request,
        "emergency/supply_detail.html",
        {
            "supply": supply,
            "checks": supply.checks.select_related("checked_by")[:50],
            "history": history_entries(supply),
            "can_edit": access.heads(supply.department_id),
            "check_form": check_form
            or SupplyCheckForm(
                initial={"checked_on": timezone.localdate(), "quantity_found": supply.quantity}
            ),
        },
        status=status,
    )


@role_required(_writes)
def supply_edit(request, pk: int | None = None):
    supply = (
        get_object_or_404(selectors.supply_list(user=request.user, filters={"active": "0"}), pk=pk)
        if pk
        else None
    )
    form = SupplyForm(request.POST or None, instance=supply, user=request.user)
    if request.method == "POST" and form.is_valid():
        saved = run_service(
            request,
            form,
            lambda: services.supply_save(supply=supply, data=form.cleaned_data, user=request.user),
            _("Supply saved."),
        )
        if saved is not None:
            return redirect(saved)
    return _form_page(request, form, _("Emergency supply"), reverse("emergency:supply_list"))


@require_POST
@role_required(_writes)
def supply_check(request, pk: int):
    supply = get_object_or_404(
        selectors.supply_list(user=request.user, filters={"active": "0"}), pk=pk
    )
    form = SupplyCheckForm(request.POST)
    if form.is_valid():
        check = run_service(
            request,
            form,
            lambda: services.supply_check(supply=supply, user=request.user, **form.cleaned_data),
            _("Check recorded."),
        )
        if check is not None:
            if check.is_backdated:
                messages.info(
                    request,
                    _(
                        "The check is dated before the last one: it is kept in "
                        "the checks; the stock and the dates are unchanged."
                    ),
                )
            return redirect("emergency:supply_list")
    # Refused: the item's page with what was entered and why.
    return supply_detail(request, pk, check_form=form, status=400)


# ------------------------------------------------------------------------------
# Drills
# ------------------------------------------------------------------------------
@role_required(reads_org)
def drill_list(request):
    filters = request.GET.dict()
    access = access_for(request.user)
    return render(
        request,
        "emergency/drill_list.html",
        {
            "page": _page(request, selectors.drill_list(user=request.user, filters=filters)),
            "filters": filters,
            "kinds": DrillKind.choices,
            "departments": department_list(user=request.user),
            "overdue_count": selectors.overdue_plans(user=request.user).count(),
            "can_edit": _writes(access),
        },
    )


@role_required(reads_org)
def overdue(request):
    return render(
        request,
        "emergency/overdue.html",
        {
            "page": _page(request, selectors.overdue_plans(user=request.user)),
            "today": timezone.localdate(),
        },
    )


def _drill(request, pk: int) -> Drill:
    return get_object_or_404(selectors.drill_list(user=request.user), pk=pk)


@role_required(reads_org)
def drill_detail(request, pk: int, evaluation_form=None, improvement_form=None, status=200):
    drill = _drill(request, pk)
    can_edit = access_for(request.user).heads(drill.department_id)
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
            "can_edit": can_edit,
            "improvements": drill.improvements.select_related("department", "task"),
            "attachments": attachment_list(owner=drill),
            "history": history_entries(drill),
            "evaluation_form": evaluation_form or DrillEvaluationForm(initial=initial),
            "improvement_form": improvement_form
            or ImprovementForm(user=request.user, initial={"department": drill.department_id}),
        },
        status=status,
    )


@role_required(_writes)
def drill_create(request):
    initial = {"plan": request.GET.get("plan"), "held_on": timezone.localdate()}
    form = DrillForm(
        request.POST or None,
        request.FILES or None,
        user=request.user,
        plans=selectors.drillable_plans(user=request.user),
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        data, files = _split_files(form)
        saved = run_service(
            request,
            form,
            lambda: services.drill_record(data=data, user=request.user, files=files),
            _("Drill recorded."),
        )
        if saved is not None:
            return redirect(saved)
    return _form_page(request, form, _("Record a drill"), reverse("emergency:drill_list"), True)


@require_POST
@role_required(_writes)
def drill_evaluate(request, pk: int):
    drill = _drill(request, pk)
    form = DrillEvaluationForm(request.POST)
    if form.is_valid() and run_service(
        request,
        form,
        lambda: services.drill_evaluate(drill=drill, user=request.user, **form.cleaned_data),
        _("Evaluation saved."),
    ):
        return redirect(drill)
    return drill_detail(request, pk, evaluation_form=form, status=400)


@require_POST
@role_required(_writes)
def improvement_add(request, pk: int):
    drill = _drill(request, pk)
    form = ImprovementForm(request.POST, user=request.user)
    if form.is_valid() and run_service(
        request,
        form,
        lambda: services.improvement_raise(drill=drill, user=request.user, **form.cleaned_data),
        _("Improvement raised as a task."),
    ):
        return redirect(drill)
    return drill_detail(request, pk, improvement_form=form, status=400)


# ------------------------------------------------------------------------------
# Yearly drill plans
# ------------------------------------------------------------------------------
@role_required(reads_org)
def drillplan_list(request):
    return render(
        request,
        "emergency/drillplan_list.html",
        {
            "page": _page(request, selectors.drill_plan_list(user=request.user)),
            "can_edit": _writes(access_for(request.user)),
        },
    )


def _drillplan(request, pk: int):
    return get_object_or_404(selectors.drill_plan_list(user=request.user), pk=pk)


@role_required(reads_org)
def drillplan_detail(request, pk: int, item_form=None, status=200):
    drill_plan = _drillplan(request, pk)
    can_edit = access_for(request.user).heads(drill_plan.department_id) and drill_plan.is_editable
    return render(
        request,
        "emergency/drillplan_detail.html",
        {
            "drill_plan": drill_plan,
            "can_edit": can_edit,
            "items": drill_plan.items.select_related("plan"),
            "history": history_entries(drill_plan),
            "item_form": item_form
            or DrillPlanItemForm(plans=selectors.drillable_plans(department=drill_plan.department)),
        },
        status=status,
    )


@role_required(_writes)
def drillplan_create(request):
    form = DrillPlanForm(
        request.POST or None, user=request.user, initial={"year": timezone.localdate().year}
    )
    if request.method == "POST" and form.is_valid():
        saved = run_service(
            request,
            form,
            lambda: services.drill_plan_create(data=form.cleaned_data, user=request.user),
            _("Drill plan created: add the planned drills."),
        )
        if saved is not None:
            return redirect(saved)
    return _form_page(
        request, form, _("New yearly drill plan"), reverse("emergency:drillplan_list")
    )


@require_POST
@role_required(_writes)
def drillplan_item_add(request, pk: int):
    drill_plan = _drillplan(request, pk)
    form = DrillPlanItemForm(
        request.POST, plans=selectors.drillable_plans(department=drill_plan.department)
    )
    if form.is_valid() and run_service(
        request,
        form,
        lambda: services.drill_plan_item_add(
            drill_plan=drill_plan, data=form.cleaned_data, user=request.user
        ),
        _("Planned drill added."),
    ):
        return redirect(drill_plan)
    return drillplan_detail(request, pk, item_form=form, status=400)


@require_POST
@role_required(_writes)
def drillplan_item_delete(request, pk: int, item_pk: int):
    drill_plan = _drillplan(request, pk)
    item = get_object_or_404(drill_plan.items, pk=item_pk)
    try:
        services.drill_plan_item_delete(item=item, user=request.user)
    except ApplicationError as exc:
        messages.error(request, exc.message)
    return redirect(drill_plan)


@require_POST
@role_required(_writes)
def drillplan_submit(request, pk: int):
    drill_plan = _drillplan(request, pk)
    try:
        services.drill_plan_submit(drill_plan=drill_plan, user=request.user)
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Drill plan sent to leadership for approval."))
    return redirect(drill_plan)
