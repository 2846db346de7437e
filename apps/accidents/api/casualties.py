"""The people involved and the dated casualty updates of an accident."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.response import Response

from apps.accidents import services
from apps.accidents.models import CasualtyUpdate, Person, Severity
from apps.core.viewsets import validated


class PersonSerializer(serializers.ModelSerializer):
    class Meta:
        model = Person
        fields = ["id", "employee", "name", "severity", "lost_workdays", "note"]
        read_only_fields = ["id"]
        extra_kwargs = {"name": {"required": False, "allow_blank": True}}


class CasualtyUpdateSerializer(serializers.ModelSerializer):
    class Meta:
        model = CasualtyUpdate
        fields = [
            "id",
            "reported_on",
            "deaths",
            "serious_injuries",
            "minor_injuries",
            "note",
            "applied",
            "grade_before",
            "grade_after",
        ]
        read_only_fields = ["id", "applied", "grade_before", "grade_after"]


class PersonStatusSerializer(serializers.Serializer):
    person = serializers.IntegerField()
    severity = serializers.ChoiceField(choices=Severity.choices)
    reported_on = serializers.DateField()
    note = serializers.CharField(required=False, allow_blank=True, default="")


class CasualtyActions:
    """The `people` and `casualty-updates` actions of AccidentViewSet."""

    @extend_schema(request=PersonSerializer, responses=PersonSerializer)
    @action(detail=True, methods=["post"])
    def people(self, request, pk=None):
        accident = self.get_object()
        valid = validated(PersonSerializer, request)
        data = valid
        person = services.person_add(
            accident=accident,
            user=request.user,
            name=data.get("name", ""),
            severity=data.get("severity", Severity.NONE),
            employee=data.get("employee"),
            lost_workdays=data.get("lost_workdays", 0),
            note=data.get("note", ""),
        )
        return Response(PersonSerializer(person).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=CasualtyUpdateSerializer, responses=CasualtyUpdateSerializer)
    @action(detail=True, methods=["post"], url_path="casualty-updates")
    def casualty_updates(self, request, pk=None):
        """A change in casualties: regrades within 30 days (7 for road traffic and fire);
        later ones are recorded with `applied` false."""
        accident = self.get_object()
        valid = validated(CasualtyUpdateSerializer, request)
        update = services.casualty_update(accident=accident, user=request.user, **valid)
        data = CasualtyUpdateSerializer(update).data
        if not update.applied:
            data["message"] = services.late_update_message(accident)
        return Response(data, status=status.HTTP_201_CREATED)

    @extend_schema(request=PersonStatusSerializer, responses=CasualtyUpdateSerializer)
    @action(detail=True, methods=["post"], url_path="person-status")
    def person_status(self, request, pk=None):
        """A person's injury changes (a serious injury dies): moves them between the counts,
        which regrades within 30 days (7 for road traffic and fire); later it is only recorded."""
        accident = self.get_object()
        valid = validated(PersonStatusSerializer, request)
        person = get_object_or_404(Person, pk=valid.pop("person"), accident=accident)
        update = services.person_status_change(person=person, user=request.user, **valid)
        data = CasualtyUpdateSerializer(update).data
        if not update.applied:
            data["message"] = services.late_update_message(accident)
        return Response(data, status=status.HTTP_201_CREATED)
