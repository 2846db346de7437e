from __future__ import annotations

import functools

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from apps.core.exceptions import ApplicationError
from apps.core.selectors import history_entries
from apps.core.views import import_view, sheet_template_response
from apps.org.access import access_for
from apps.org.models import Department
from apps.org.permissions import manages, role_required
from apps.training import importers, selectors, services
from apps.training.forms import (
    AttendanceForm,
    CertificateForm,
    CourseForm,
    PlanForm,
    PlanItemForm,
    ReinductionForm,
    ReviewForm,
    RuleSetRowForm,
    SessionForm,
    SettingsForm,
)
from apps.training.models import (
    CertificateKind,
    PlanStatus,
    RuleSetRow,
    SessionLevel,
    TrainingPlanItem,
)
from apps.training.sheets import SIGN_IN_COLUMNS

PAGE_SIZE = 50
reads = role_required(selectors.reads_training)


def _form_page(request, form, *, title, cancel_url, status=200):
    return render(
        request,
        "core/form_page.html",
        {"form": form, "title": title, "cancel_url": cancel_url},
        status=status,
    )


def _run(request, form, save, *, success: str):
    """Call a service with the form's data; show its errors on the form."""
    try:
        obj = save(form.cleaned_data)
    except ValidationError as exc:
        if hasattr(exc, "error_dict"):
            for field, errors in exc.error_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            form.add_error(None, exc)
        return None
    except ApplicationError as exc:
        form.add_error(None, exc.message)
        return None
    messages.success(request, success)
    return obj


def _action(request, action, success: str):
    try:
        action()
    except ApplicationError as exc:
        messages.error(request, exc.message)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, success)


def _departments(user):
    """Departments offered in the filters: all, or those the head heads."""
    scope = access_for(user)
    qs = Department.objects.filter(is_active=True).order_by("path")
    if not scope.sees_everything:
        qs = qs.filter(pk__in=scope.headed_department_ids)
    return qs


# ------------------------------------------------------------------------------
# A person's record and compliance
# ------------------------------------------------------------------------------
def _record(request, employee, *, mine: bool):
    today = timezone.localdate()
    rows = selectors.compliance(
        selectors.visible_employees(user=request.user, filters={"active": ""}).filter(
            pk=employee.pk
        ),
        as_of=today,
    )
    return render(
        request,
        "training/record.html",
        {
            "employee": employee,
            "row": rows[0] if rows else None,
            "attendances": selectors.attendance_list(
                user=request.user, filters={"employee": employee.pk}
            ),
            "certificates": selectors.certificate_list(
                user=request.user, filters={"holder": employee.pk}
            ),
            "requirements": selectors.requirements(),
            "mine": mine,
            "today": today,
        },
    )


@login_required
def my_record(request):
    access = access_for(request.user)
    if access.employee_id is None:
        return render(request, "training/record.html", {"employee": None, "mine": True})
    employee = selectors.visible_employees(
        user=request.user, filters={"active": ""}
    ).select_related("department", "position")
    return _record(request, get_object_or_404(employee, pk=access.employee_id), mine=True)


@reads
def employee_record(request, pk: int):
    employee = get_object_or_404(
        selectors.visible_employees(user=request.user, filters={"active": ""}).select_related(
            "department", "position"
        ),
        pk=pk,
    )
    return _record(request, employee, mine=False)


@reads
def compliance(request):
    filters = request.GET.dict()
    filters.setdefault("short", "1")
    rows = selectors.compliance_rows(user=request.user, filters={**filters, "short": ""})
    departments = selectors.by_department(rows)
    shown = [r for r in rows if not r.is_compliant] if filters["short"] == "1" else rows
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
            "requirements": selectors.requirements(),
        },
    )


@reads
def reinduction_create(request):
    employees = selectors.creditable_employees(user=request.user).select_related("department")
    form = ReinductionForm(request.POST or None, employees=employees)
    if request.method == "POST" and form.is_valid():
        saved = _run(
            request,
            form,
            lambda data: services.reinduction_create(data=data, user=request.user),
            success=_("Recorded: workshop- and team-level induction must be repeated."),
        )
        if saved:
            return redirect("training:employee_record", pk=saved.employee_id)
    return _form_page(
        request, form, title=_("Repeat induction"), cancel_url=reverse("training:compliance")
    )


# ------------------------------------------------------------------------------
# Courses
# ------------------------------------------------------------------------------
@reads
def course_list(request):
    filters = request.GET.dict()
    page = Paginator(selectors.course_list(filters=filters), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "training/course_list.html",
        {"page": page, "filters": filters, "can_edit": access_for(request.user).manages_everything},
    )


@role_required(manages)
def course_edit(request, pk: int | None = None):
    course = get_object_or_404(selectors.course_list(), pk=pk) if pk else None
    form = CourseForm(request.POST or None, instance=course)
    if request.method == "POST" and form.is_valid():
        saved = _run(
            request,
            form,
            lambda data: services.course_save(course=course, data=data, user=request.user),
            success=_("Course saved."),
        )
        if saved:
            return redirect("training:course_list")
    title = _("Edit course") if course else _("New course")
    return _form_page(request, form, title=title, cancel_url=reverse("training:course_list"))


# ------------------------------------------------------------------------------
# Sessions and attendance
# ------------------------------------------------------------------------------
def _session(request, pk: int):
    return get_object_or_404(selectors.session_list(user=request.user), pk=pk)


@reads
def session_list(request):
    filters = request.GET.dict()
    page = Paginator(selectors.session_list(user=request.user, filters=filters), PAGE_SIZE)
    return render(
        request,
        "training/session_list.html",
        {
            "page": page.get_page(request.GET.get("page")),
            "filters": filters,
            "levels": SessionLevel.choices,
            "departments": _departments(request.user),
        },
    )


@reads
def session_detail(request, pk: int):
    session = _session(request, pk)
    access = access_for(request.user)
    can_edit = access.heads(session.department_id)
    employees = selectors.creditable_employees(user=request.user).select_related("department")
    return render(
        request,
        "training/session_detail.html",
        {
            "session": session,
            "attendances": selectors.attendance_list(
                user=request.user, filters={"session": session.pk}
            ),
            "can_edit": can_edit,
            "attendance_form": AttendanceForm(employees=employees) if can_edit else None,
            "history": history_entries(session),
        },
    )


@reads
def session_edit(request, pk: int | None = None):
    session = _session(request, pk) if pk else None
    if session and not access_for(request.user).heads(session.department_id):
        raise PermissionDenied
    initial = None
    if session is None and request.GET.get("plan_item"):
        initial = {"plan_item": request.GET["plan_item"]}
    form = SessionForm(request.POST or None, instance=session, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        if session:
            save = functools.partial(services.session_update, session=session)
        else:
            save = services.session_create
        saved = _run(
            request,
            form,
            lambda data: save(data=data, user=request.user),
            success=_("Session saved."),
        )
        if saved:
            return redirect("training:session_detail", pk=saved.pk)
    title = _("Edit session") if session else _("New training session")
    return _form_page(request, form, title=title, cancel_url=reverse("training:session_list"))


@reads
@require_POST
def attendance_add(request, pk: int):
    session = _session(request, pk)
    employees = selectors.creditable_employees(user=request.user)
    form = AttendanceForm(request.POST, employees=employees)
    if form.is_valid():
        data = form.cleaned_data
        _action(
            request,
            lambda: services.attendance_record(
                session=session,
                employee=data["employee"],
                user=request.user,
                present=data["present"],
                hours_credited=data["hours_credited"],
                exam_score=data["exam_score"],
                passed=data["passed"],
            ),
            _("Attendance recorded."),
        )
    else:
        messages.error(request, " ".join(e for errs in form.errors.values() for e in errs))
    return redirect("training:session_detail", pk=session.pk)


@reads
def session_import(request, pk: int):
    session = _session(request, pk)
    if not access_for(request.user).heads(session.department_id):
        raise PermissionDenied
    return import_view(
        request,
        importer=functools.partial(importers.attendance_import, session=session),
        title=_("Import the sign-in sheet of %(session)s") % {"session": session},
        template_url_name="training:sign_in_template",
        success_url=reverse("training:session_detail", args=[session.pk]),
        back_url=reverse("training:session_detail", args=[session.pk]),
    )


@reads
def sign_in_template(request):
    return sheet_template_response(columns=SIGN_IN_COLUMNS, title=_("Sign-in sheet"))


# ------------------------------------------------------------------------------
# Certificates
# ------------------------------------------------------------------------------
@reads
def certificate_list(request):
    filters = request.GET.dict()
    page = Paginator(selectors.certificate_list(user=request.user, filters=filters), PAGE_SIZE)
    return render(
        request,
        "training/certificate_list.html",
        {
            "page": page.get_page(request.GET.get("page")),
            "filters": filters,
            "kinds": CertificateKind.choices,
            "departments": _departments(request.user),
            "can_edit": access_for(request.user).manages_everything,
            "review_form": ReviewForm(initial={"reviewed_on": timezone.localdate()}),
            "today": timezone.localdate(),
        },
    )


@role_required(manages)
def certificate_edit(request, pk: int | None = None):
    certificate = (
        get_object_or_404(selectors.certificate_list(user=request.user), pk=pk) if pk else None
    )
    form = CertificateForm(request.POST or None, instance=certificate)
    if request.method == "POST" and form.is_valid():
        if certificate:
            save = functools.partial(services.certificate_update, certificate=certificate)
        else:
            save = services.certificate_create
        saved = _run(
            request,
            form,
            lambda data: save(data=data, user=request.user),
            success=_("Certificate saved."),
        )
        if saved:
            return redirect("training:certificate_list")
    title = _("Edit certificate") if certificate else _("New certificate")
    return _form_page(request, form, title=title, cancel_url=reverse("training:certificate_list"))


@role_required(manages)
@require_POST
def certificate_review(request, pk: int):
    certificate = get_object_or_404(selectors.certificate_list(user=request.user), pk=pk)
    form = ReviewForm(request.POST)
    if form.is_valid():
        _action(
            request,
            lambda: services.certificate_review(
                certificate=certificate,
                reviewed_on=form.cleaned_data["reviewed_on"],
                user=request.user,
            ),
            _("Review recorded."),
        )
    else:
        messages.error(request, _("Give the date of the review."))
    return redirect("training:certificate_list")


# ------------------------------------------------------------------------------
# Plans
# ------------------------------------------------------------------------------
def _plan(request, pk: int):
    return get_object_or_404(selectors.plan_list(user=request.user), pk=pk)


@reads
def plan_list(request):
    filters = request.GET.dict()
    return render(
        request,
        "training/plan_list.html",
        {
            "plans": selectors.plan_list(user=request.user, filters=filters)[:200],
            "filters": filters,
            "statuses": PlanStatus.choices,
        },
    )


@reads
def plan_create(request):
    form = PlanForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        saved = _run(
            request,
            form,
            lambda data: services.plan_create(data=data, user=request.user),
            success=_("Plan created: add the planned courses."),
        )
        if saved:
            return redirect("training:plan_detail", pk=saved.pk)
    return _form_page(
        request, form, title=_("New training plan"), cancel_url=reverse("training:plan_list")
    )


@reads
def plan_detail(request, pk: int):
    plan = _plan(request, pk)
    can_edit = access_for(request.user).heads(plan.department_id) and plan.is_editable
    return render(
        request,
        "training/plan_detail.html",
        {
            "plan": plan,
            "items": selectors.plan_items(plan),
            "can_edit": can_edit,
            "can_hold": access_for(request.user).heads(plan.department_id),
            "item_form": PlanItemForm() if can_edit else None,
            "history": history_entries(plan),
        },
    )


@reads
@require_POST
def plan_item_add(request, pk: int):
    plan = _plan(request, pk)
    form = PlanItemForm(request.POST)
    if form.is_valid():
        _action(
            request,
            lambda: services.plan_item_save(plan=plan, data=form.cleaned_data, user=request.user),
            _("Item added."),
        )
    else:
        messages.error(request, " ".join(e for errs in form.errors.values() for e in errs))
    return redirect("training:plan_detail", pk=plan.pk)


@reads
@require_POST
def plan_item_delete(request, pk: int, item_pk: int):
    plan = _plan(request, pk)
    item = get_object_or_404(TrainingPlanItem, plan=plan, pk=item_pk)
    _action(
        request, lambda: services.plan_item_delete(item=item, user=request.user), _("Item removed.")
    )
    return redirect("training:plan_detail", pk=plan.pk)


@reads
@require_POST
def plan_submit(request, pk: int):
    plan = _plan(request, pk)
    _action(
        request,
        lambda: services.plan_submit(plan=plan, user=request.user),
        _("Submitted for approval."),
    )
    return redirect("training:plan_detail", pk=plan.pk)


# ------------------------------------------------------------------------------
# Rule sets and settings
# ------------------------------------------------------------------------------
@role_required(manages)
def ruleset_list(request):
    return render(
        request,
        "training/ruleset_list.html",
        {"rulesets": selectors.ruleset_list(), "settings": selectors.training_settings()},
    )


@role_required(manages)
def ruleset_row_edit(request, pk: int):
    row = get_object_or_404(RuleSetRow.objects.select_related("ruleset"), pk=pk)
    form = RuleSetRowForm(request.POST or None, instance=row)
    if request.method == "POST" and form.is_valid():
        saved = _run(
            request,
            form,
            lambda data: services.ruleset_row_update(row=row, data=data, user=request.user),
            success=_("Hours saved."),
        )
        if saved:
            return redirect("training:ruleset_list")
    return _form_page(
        request,
        form,
        title=f"{row.ruleset} · {row.get_role_display()}",
        cancel_url=reverse("training:ruleset_list"),
    )


@role_required(manages)
def settings_edit(request):
    form = SettingsForm(request.POST or None, instance=selectors.training_settings())
    if request.method == "POST" and form.is_valid():
        saved = _run(
            request,
            form,
            lambda data: services.settings_update(data=data, user=request.user),
            success=_("Training settings saved."),
        )
        if saved:
            return redirect("training:ruleset_list")
    return _form_page(
        request, form, title=_("Training settings"), cancel_url=reverse("training:ruleset_list")
    )
