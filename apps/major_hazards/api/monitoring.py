"""Monitoring and control measures of the units, and their checks."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from apps.core.viewsets import ListCreateUpdateViewSet, validated
from apps.major_hazards import policies, selectors, services
from apps.major_hazards.api._common import POLICIES
from apps.major_hazards.models import CheckResult, MeasureCheck, MonitoringMeasure


class MonitoringMeasureSerializer(serializers.ModelSerializer):
    class Meta:
        model = MonitoringMeasure
        fields = [
            "id",
            "unit",
            "measure_kind",
            "name",
            "check_cycle_days",
            "last_checked_on",
            "is_active",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["last_checked_on", "created_at", "updated_at"]


class MeasureCheckSerializer(serializers.ModelSerializer):
    class Meta:
        model = MeasureCheck
        fields = ["id", "measure", "checked_on", "check_result", "findings", "checked_by", "created_at"]
        read_only_fields = fields


class MeasureCheckCreateSerializer(serializers.Serializer):
    checked_on = serializers.DateField(required=False)
    check_result = serializers.ChoiceField(choices=CheckResult.choices, default=CheckResult.WORKING)
    findings = serializers.CharField(required=False, allow_blank=True, default="")


class MeasureViewSet(ListCreateUpdateViewSet):
    """Monitoring and control measures; checks are recorded with the `check` action."""

    queryset = MonitoringMeasure.objects.none()
    serializer_class = MonitoringMeasureSerializer
    policies = {**POLICIES, "check": policies.can_check_measure}
    filterset_fields = ["unit", "measure_kind", "is_active"]
    search_fields = ["name"]

    def get_queryset(self):
        return selectors.measure_list(user=self.request.user)

    create_service = update_service = services.measure_save
    instance_name = "measure"
    parent_name = "unit"

    @extend_schema(request=MeasureCheckCreateSerializer, responses=MeasureCheckSerializer)
    @action(detail=True, methods=["post"])
    def check(self, request, pk=None):
        """Record a check; the heads of the unit's department and safety managers may."""
        measure = self.get_object()
        valid = validated(MeasureCheckCreateSerializer, request)
        check = services.measure_check(measure=measure, user=request.user, **valid)
        return Response(MeasureCheckSerializer(check).data, status=status.HTTP_201_CREATED)


class MeasureCheckViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = MeasureCheck.objects.none()
    serializer_class = MeasureCheckSerializer
    policies = POLICIES
    filterset_fields = ["measure"]

    def get_queryset(self):
        return selectors.check_list(user=self.request.user)
