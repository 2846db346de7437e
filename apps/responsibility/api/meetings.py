"""API of the safety meetings: schedule and record them, their decisions, compliance against the
required frequencies and the frequency settings."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.response import Response

from apps.core.viewsets import ListCreateUpdateViewSet, validated
from apps.org.models import Department, Employee
from apps.org.policy import visible_department_ids
from apps.responsibility import policies, selectors, services
from apps.responsibility.api._common import _year
from apps.responsibility.models import Meeting, MeetingSettings
from apps.responsibility.services.meetings import MEETING_FIELDS


class MeetingSerializer(serializers.ModelSerializer):
    attendee_count = serializers.IntegerField(read_only=True)
    decision_count = serializers.IntegerField(read_only=True)
    attendees = serializers.PrimaryKeyRelatedField(
        queryset=Employee.objects.all(), many=True, required=False, write_only=True
    )

    class Meta:
        model = Meeting
        fields = ["id", *MEETING_FIELDS, "attendees", "attendee_count", "decision_count"]


class MeetingDecisionSerializer(serializers.Serializer):
    text = serializers.CharField(max_length=300)
    department = serializers.PrimaryKeyRelatedField(queryset=Department.objects.filter(is_active=True))
    due_date = serializers.DateField()


class MeetingSettingsSerializer(serializers.ModelSerializer):
    class Meta:
        model = MeetingSettings
        fields = ["company_frequency", "department_frequency"]


class MeetingViewSet(ListCreateUpdateViewSet):
    """Safety meetings: schedule, record (held on, attendees, minutes), `decisions` become
    Tasks; `compliance` gives meetings held against required per unit."""

    serializer_class = MeetingSerializer
    policies = {
        "create": policies.can_schedule_meetings,
        "update": policies.can_edit_meeting,
        "decisions": policies.can_add_decision,
        "compliance": policies.can_read_compliance,
    }
    filterset_fields = ["level", "department"]

    def get_queryset(self):
        return selectors.meeting_list(user=self.request.user)

    create_service = update_service = services.meeting_save
    instance_name = "meeting"

    def service_arguments(self, data, instance=None):
        data = dict(data)
        attendees = data.pop("attendees", None)
        return {"meeting": instance, "data": data, "attendees": attendees}

    def service_result(self, meeting):
        return selectors.meeting_list(user=self.request.user).get(pk=meeting.pk)

    @extend_schema(request=MeetingDecisionSerializer, responses={201: dict})
    @action(detail=True, methods=["post"])
    def decisions(self, request, pk=None):
        meeting = self.get_object()
        valid = validated(MeetingDecisionSerializer, request)
        decision = services.decision_add(meeting=meeting, user=request.user, **valid)
        return Response({"id": decision.pk, "task": decision.task_id}, status=status.HTTP_201_CREATED)

    @extend_schema(parameters=[OpenApiParameter("year", int)], responses={200: dict})
    @action(detail=False, methods=["get"])
    def compliance(self, request):
        year, today = _year(request), timezone.localdate()
        as_of = dt.date(year + 1, 1, 1) if year < today.year else today
        rows = selectors.meeting_compliance(year=year, as_of=as_of, department_ids=visible_department_ids(request.user))
        return Response(
            [
                {
                    "level": r.level,
                    "department": r.department.pk,
                    "department_name": r.department.name,
                    "frequency": r.frequency,
                    "required": r.result.required,
                    "held": r.result.held,
                    "rate": r.result.rate,
                    "current_held": r.result.current_held,
                }
                for r in rows
            ]
        )

    @extend_schema(request=MeetingSettingsSerializer, responses=MeetingSettingsSerializer)
    @action(detail=False, methods=["get", "put"], url_path="settings")
    def frequencies(self, request):
        if request.method == "PUT":
            valid = validated(MeetingSettingsSerializer, request)
            return Response(
                MeetingSettingsSerializer(services.meeting_settings_save(data=valid, user=request.user)).data
            )
        return Response(MeetingSettingsSerializer(services.meeting_settings()).data)
