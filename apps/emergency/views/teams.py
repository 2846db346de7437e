"""The pages of rescue teams and their members."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from apps.core.exceptions import ApplicationError
from apps.core.selectors import history_entries
from apps.core.views import form_page, run_service
from apps.emergency import selectors, services
from apps.emergency.forms import MemberForm, TeamForm
from apps.emergency.models import TeamKind
from apps.emergency.views._common import _page, _writes
from apps.org.access import access_for
from apps.org.permissions import reads_org, role_required


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
    return form_page(
        request,
        form,
        title=_("Rescue team"),
        cancel_url=team.get_absolute_url() if team else reverse("emergency:team_list"),
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
