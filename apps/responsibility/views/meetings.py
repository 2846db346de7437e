"""Pages of the safety meetings: the list, a meeting, scheduling and recording, decisions,
compliance and the frequency settings."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from apps.core.exceptions import ApplicationError
from apps.core.views import form_page, run_service
from apps.org.access import access_for
from apps.org.permissions import manages, reads_org, role_required
from apps.responsibility import selectors, services
from apps.responsibility.forms import DecisionForm, MeetingForm, SettingsForm
from apps.responsibility.models import MeetingLevel
from apps.responsibility.views._common import PAGE_SIZE, _year


@login_required
def meetings(request):
    filters = request.GET.dict()
    page = Paginator(
        selectors.meeting_list(user=request.user, filters=filters), PAGE_SIZE
    ).get_page(request.GET.get("page"))
    access = access_for(request.user)
    return render(
        request,
        "responsibility/meetings.html",
        {
            "page": page,
            "filters": filters,
            "levels": MeetingLevel.choices,
            "can_edit": access.manages_everything or access.is_department_head,
            "can_export": reads_org(access),
        },
    )


@login_required
def meeting_detail(request, pk: int):
    meeting = get_object_or_404(selectors.meeting_list(user=request.user), pk=pk)
    access = access_for(request.user)
    can_edit = services.can_run_meeting(request.user, meeting.level, meeting.department)
    return render(
        request,
        "responsibility/meeting_detail.html",
        {
            "meeting": meeting,
            "attendees": meeting.attendees.select_related("department"),
            "decisions": meeting.decisions.select_related("department", "task"),
            "can_edit": can_edit,
            "form": DecisionForm() if can_edit and meeting.held_on else None,
            "access": access,
        },
    )


@role_required(reads_org)
def meeting_edit(request, pk: int | None = None):
    meeting = (
        get_object_or_404(selectors.meeting_list(user=request.user), pk=pk)
        if pk is not None
        else None
    )
    initial = (
        {"attendees": list(meeting.attendees.all())}
        if meeting
        else {"level": MeetingLevel.DEPARTMENT}
    )
    form = MeetingForm(request.POST or None, instance=meeting, initial=initial)

    def save(data):
        attendees = data.pop("attendees")
        return services.meeting_save(
            meeting=meeting, data=data, user=request.user, attendees=attendees
        )

    if request.method == "POST" and form.is_valid():
        saved = run_service(request, form, lambda: save(form.cleaned_data), _("Saved."))
        if saved is not None:
            return redirect(reverse("responsibility:meeting_detail", args=[saved.pk]))
    return form_page(
        request, form, title=_("Safety meeting"), cancel_url=reverse("responsibility:meetings")
    )


@role_required(reads_org)
@require_POST
def decision_add(request, pk: int):
    meeting = get_object_or_404(selectors.meeting_list(user=request.user), pk=pk)
    form = DecisionForm(request.POST)
    if form.is_valid():
        try:
            services.decision_add(meeting=meeting, user=request.user, **form.cleaned_data)
        except (ApplicationError, ValidationError) as exc:
            messages.error(request, getattr(exc, "message", None) or " ".join(exc.messages))
        else:
            messages.success(request, _("Decision recorded and a task raised."))
    else:
        messages.error(request, _("Fill in the decision, department and due date."))
    return redirect("responsibility:meeting_detail", pk=pk)


@role_required(reads_org)
def compliance(request):
    year = _year(request)
    today = timezone.localdate()
    # A past year is looked at from its end, so every period of it is due.
    as_of = dt.date(year + 1, 1, 1) if year < today.year else today
    visible = access_for(request.user).visible_department_ids()
    rows = selectors.meeting_compliance(year=year, as_of=as_of, department_ids=visible)
    return render(
        request, "responsibility/compliance.html", {"rows": rows, "year": year, "as_of": as_of}
    )


@role_required(manages)
def settings_edit(request):
    form = SettingsForm(request.POST or None, instance=services.meeting_settings())
    back = reverse("responsibility:compliance")
    if request.method == "POST" and form.is_valid():
        run_service(
            request,
            form,
            lambda: services.meeting_settings_save(data=form.cleaned_data, user=request.user),
            _("Saved."),
        )
        if not form.errors:
            return redirect(back)
    return form_page(request, form, title=_("Meeting frequencies"), cancel_url=back)
