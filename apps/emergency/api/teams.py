"""Rescue teams and their members."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.response import Response

from apps.core.viewsets import ListCreateUpdateViewSet, ServiceAction
from apps.emergency import selectors, services
from apps.emergency.api._common import READS, RECORD_WRITES
from apps.emergency.models import Team, TeamMember
from apps.emergency.policies import can_edit_team
from apps.emergency.services.teams import TEAM_FIELDS


class MemberSerializer(serializers.ModelSerializer):
    class Meta:
        model = TeamMember
        fields = ["id", "team", "name", "role", "phone", "user"]
        read_only_fields = ["team"]


class TeamSerializer(serializers.ModelSerializer):
    members = MemberSerializer(many=True, read_only=True)

    class Meta:
        model = Team
        fields = ["id", *TEAM_FIELDS, "members"]


class TeamViewSet(ListCreateUpdateViewSet):
    """Rescue teams with their members; members are added as an action."""

    serializer_class = TeamSerializer
    policies = {**READS, **RECORD_WRITES, "members": can_edit_team, "remove_member": can_edit_team}
    filterset_fields = ["kind", "department"]

    def get_queryset(self):
        return selectors.team_list(user=self.request.user).prefetch_related("members")

    create_service = update_service = services.team_save
    instance_name = "team"

    members = ServiceAction(
        services.team_member_save, "team", body=MemberSerializer, reply=MemberSerializer, as_data=True, created=True
    )

    @extend_schema(request=None, responses={204: None})
    @action(detail=True, methods=["delete"], url_path=r"members/(?P<member_id>\d+)")
    def remove_member(self, request, pk=None, member_id=None):
        team = self.get_object()
        member = get_object_or_404(team.members, pk=member_id)
        services.team_member_remove(member=member, user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)
