"""Pages of the safety meetings: the list, a meeting, scheduling and recording, decisions,
compliance and the frequency settings."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from apps.core.views import form_page, run_action, run_service
from apps.org.permissions import policy_required
from apps.org.policy import require, visible_department_ids
from apps.responsibility import policies, selectors, services
from apps.responsibility.forms import DecisionForm, MeetingForm, SettingsForm
from apps.responsibility.models import MeetingLevel
from apps.responsibility.views._common import PAGE_SIZE, _year


@policy_required(policies.can_read_meetings)
def meetings(request):
    filters = request.GET.dict()
    page = Paginator(selectors.meeting_list(user=request.user, filters=filters), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "responsibility/meetings.html",
        {
            "page": page,
            "filters": filters,
            "levels": MeetingLevel.choices,
            "can_edit": policies.can_schedule_meetings(request.user),
            "can_export": policies.can_export_responsibility(request.user),
        },
    )


@policy_required(policies.can_read_meetings)
def meeting_detail(request, pk: int):
    meeting = get_object_or_404(selectors.meeting_list(user=request.user), pk=pk)
    actions = policies.meeting_actions(request.user, meeting)
    return render(
        request,
        "responsibility/meeting_detail.html",
        {
            "meeting": meeting,
            "attendees": meeting.attendees.select_related("department"),
            "decisions": meeting.decisions.select_related("department", "task"),
            "actions": actions,
            "form": DecisionForm() if actions["decide"] else None,
        },
    )


@policy_required(policies.can_schedule_meetings)
def meeting_edit(request, pk: int | None = None):
    meeting = get_object_or_404(selectors.meeting_list(user=request.user), pk=pk) if pk is not None else None
    if meeting is not None:
        # Not a form the save would refuse: the reason instead (403).
        require(policies.can_edit_meeting(request.user, meeting))
    initial = {"attendees": list(meeting.attendees.all())} if meeting else {"level": MeetingLevel.DEPARTMENT}
    form = MeetingForm(request.POST or None, instance=meeting, initial=initial)

    def save(data):
        attendees = data.pop("attendees")
        return services.meeting_save(meeting=meeting, data=data, user=request.user, attendees=attendees)

    if request.method == "POST" and form.is_valid():
        saved = run_service(request, form, lambda: save(form.cleaned_data), _("Saved."))
        if saved is not None:
            return redirect(reverse("responsibility:meeting_detail", args=[saved.pk]))
    return form_page(request, form, title=_("Safety meeting"), cancel_url=reverse("responsibility:meetings"))


@policy_required(policies.can_add_decision)
@require_POST
def decision_add(request, pk: int):
    meeting = get_object_or_404(selectors.meeting_list(user=request.user), pk=pk)
    form = DecisionForm(request.POST)
    if form.is_valid():
        run_action(
            request,
            lambda: services.decision_add(meeting=meeting, user=request.user, **form.cleaned_data),
            _("Decision recorded and a task raised."),
        )
    else:
        messages.error(request, _("Fill in the decision, department and due date."))
    return redirect("responsibility:meeting_detail", pk=pk)


@policy_required(policies.can_read_compliance)
def compliance(request):
    year = _year(request)
    today = timezone.localdate()
    # A past year is looked at from its end, so every period of it is due.
    as_of = dt.date(year + 1, 1, 1) if year < today.year else today
    visible = visible_department_ids(request.user)
    rows = selectors.meeting_compliance(year=year, as_of=as_of, department_ids=visible)
    return render(request, "responsibility/compliance.html", {"rows": rows, "year": year, "as_of": as_of})


@policy_required(policies.can_edit_meeting_settings)
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
