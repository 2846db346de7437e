"""Pages of the safety meetings: the list, a meeting, scheduling and recording, decisions,
compliance and the frequency settings."""

from __future__ import annotations

import datetime as dt

from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from apps.core.views import edit_page, list_page, run_form_action
from apps.org.permissions import policy_required
from apps.org.policy import require, visible_department_ids
from apps.responsibility import policies, selectors, services
from apps.responsibility.forms import DecisionForm, MeetingForm, SettingsForm
from apps.responsibility.models import MeetingLevel
from apps.responsibility.views._common import PAGE_SIZE, _year


@policy_required(policies.can_read_meetings)
def meetings(request):
    return list_page(
        request,
        selectors.meeting_list,
        per_page=PAGE_SIZE,
        levels=MeetingLevel.choices,
        can_edit=policies.can_schedule_meetings(request.user),
        can_export=policies.can_export_responsibility(request.user),
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

    def save(*, data, user):
        attendees = data.pop("attendees")
        return services.meeting_save(meeting=meeting, data=data, user=user, attendees=attendees)

    return edit_page(
        request,
        form,
        save,
        _("Saved."),
        title=_("Safety meeting"),
        cancel_url=reverse("responsibility:meetings"),
        done=lambda saved: reverse("responsibility:meeting_detail", args=[saved.pk]),
    )


@policy_required(policies.can_add_decision)
@require_POST
def decision_add(request, pk: int):
    meeting = get_object_or_404(selectors.meeting_list(user=request.user), pk=pk)
    run_form_action(
        request,
        DecisionForm(request.POST),
        lambda data: services.decision_add(meeting=meeting, user=request.user, **data),
        _("Decision recorded and a task raised."),
        invalid=_("Fill in the decision, department and due date."),
    )
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
    return edit_page(
        request,
        SettingsForm(request.POST or None, instance=services.meeting_settings()),
        services.meeting_settings_save,
        title=_("Meeting frequencies"),
        back="responsibility:compliance",
    )
