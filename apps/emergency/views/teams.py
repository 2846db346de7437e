"""The pages of rescue teams and their members."""

from __future__ import annotations

from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from apps.core.selectors import history_entries
from apps.core.views import RecordPage, finder, list_page, run_action
from apps.emergency import policies, selectors, services
from apps.emergency.forms import MemberForm, TeamForm
from apps.emergency.models import TeamKind
from apps.org.permissions import policy_required


@policy_required(policies.can_read_emergency)
def team_list(request):
    return list_page(
        request, selectors.team_list, kinds=TeamKind.choices, can_edit=policies.can_change_record(request.user)
    )


_team = finder(selectors.team_list)


@policy_required(policies.can_read_emergency)
def team_detail(request, pk: int, member_form=None, status=200):
    team = _team(request, pk)
    return render(
        request,
        "emergency/team_detail.html",
        {
            "team": team,
            "members": team.members.all(),
            "history": history_entries(team),
            "actions": policies.record_actions(request.user, team),
            "member_form": member_form or MemberForm(),
        },
        status=status,
    )


team_page = RecordPage(get=_team, page=team_detail, record="team")
team_edit = team_page.edit(
    policy_required(policies.can_change_record), TeamForm, services.team_save, back="emergency:team_list"
)
member_add = team_page.form(
    policy_required(policies.can_change_record),
    MemberForm,
    "member_form",
    lambda team, user, **data: services.team_member_save(team=team, data=data, user=user),
    gettext_lazy("Member added."),
)


@require_POST
@policy_required(policies.can_change_record)
def member_remove(request, pk: int, member_pk: int):
    team = _team(request, pk)
    member = get_object_or_404(team.members, pk=member_pk)
    return run_action(
        request, lambda: services.team_member_remove(member=member, user=request.user), "", redirect_to=team
    )
