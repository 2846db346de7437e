"""Courses, sessions, attendance and the sign-in sheet import."""

from __future__ import annotations

import functools

from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from apps.core.import_pages import import_view, sheet_template_response
from apps.core.selectors import history_entries
from apps.core.views import RecordPage, edit_page, finder, list_page, run_form_action
from apps.org.permissions import policy_required
from apps.org.policy import require
from apps.training import importers, policies, selectors, services
from apps.training.forms import AttendanceForm, CourseForm, SessionForm
from apps.training.models import SessionLevel
from apps.training.sheets import SIGN_IN_COLUMNS
from apps.training.views._common import PAGE_SIZE, _departments, reads


@reads
def course_list(request):
    return list_page(
        request,
        lambda user, filters: selectors.course_list(filters=filters),
        template="training/course_list.html",
        per_page=PAGE_SIZE,
        can_edit=policies.can_edit_course(request.user),
    )


course_edit = RecordPage(
    get=lambda request, pk: get_object_or_404(selectors.course_list(), pk=pk), record="course"
).edit(policy_required(policies.can_edit_course), CourseForm, services.course_save, back="training:course_list")


_session = finder(selectors.session_list)


@reads
def session_list(request):
    return list_page(
        request,
        selectors.session_list,
        per_page=PAGE_SIZE,
        levels=SessionLevel.choices,
        departments=_departments(request.user),
        can_create=policies.can_edit_session(request.user),
    )


@reads
def session_detail(request, pk: int):
    session = _session(request, pk)
    actions = policies.session_actions(request.user, session)
    employees = selectors.creditable_employees(user=request.user).select_related("department")
    return render(
        request,
        "training/session_detail.html",
        {
            "session": session,
            "attendances": selectors.attendance_list(user=request.user, filters={"session": session.pk}),
            "actions": actions,
            "attendance_form": AttendanceForm(employees=employees) if actions["attend"] else None,
            "history": history_entries(session),
        },
    )


@policy_required(policies.can_edit_session)
def session_edit(request, pk: int | None = None):
    session = _session(request, pk) if pk else None
    if session:
        require(policies.can_edit_session(request.user, session))
    initial = None
    if session is None and request.GET.get("plan_item"):
        initial = {"plan_item": request.GET["plan_item"]}
    save = functools.partial(services.session_update, session=session) if session else services.session_create
    return edit_page(
        request,
        SessionForm(request.POST or None, instance=session, user=request.user, initial=initial),
        save,
        cancel_url=reverse("training:session_list"),
        done=lambda saved: reverse("training:session_detail", kwargs={"pk": saved.pk}),
    )


@policy_required(policies.can_record_attendance)
@require_POST
def attendance_add(request, pk: int):
    session = _session(request, pk)
    employees = selectors.creditable_employees(user=request.user)
    run_form_action(
        request,
        AttendanceForm(request.POST, employees=employees),
        lambda data: services.attendance_record(
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
    return redirect("training:session_detail", pk=session.pk)


@policy_required(policies.can_edit_session)
def session_import(request, pk: int):
    session = _session(request, pk)
    require(policies.can_edit_session(request.user, session))
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
