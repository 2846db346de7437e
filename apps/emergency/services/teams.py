"""Rescue teams and their members."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from apps.core.exceptions import ApplicationError
from apps.emergency import policies
from apps.emergency.models import Team, TeamKind, TeamMember
from apps.emergency.services._common import _apply, _save
from apps.org.policy import require

TEAM_FIELDS = (
    "name",
    "kind",
    "department",
    "leader",
    "phone",
    "agreement_party",
    "agreement_until",
    "duties",
    "is_active",
)


@transaction.atomic
def team_save(*, team: Team | None = None, data: dict, user) -> Team:
    if team is not None:
        require(policies.can_act_for_department(user, team.department_id))
    team = team or Team()
    _apply(team, data, TEAM_FIELDS)
    require(policies.can_act_for_department(user, team.department_id))
    if team.kind == TeamKind.AGREEMENT and not team.agreement_party:
        raise ApplicationError(_("Agreement with: name the party a rescue agreement is signed with."))
    _save(team, user=user)
    return team


@transaction.atomic
def team_member_save(*, team: Team, member: TeamMember | None = None, data: dict, user) -> TeamMember:
    require(policies.can_act_for_department(user, team.department_id))
    member = member or TeamMember(team=team)
    _apply(member, data, ("name", "role", "phone", "user"))
    _save(member, user=user)
    return member


@transaction.atomic
def team_member_remove(*, member: TeamMember, user) -> None:
    require(policies.can_act_for_department(user, member.team.department_id))
    member._history_user = user
    member.delete()
