"""Monitoring and control measures of the units, and their checks."""

from __future__ import annotations

from rest_framework import serializers

from apps.core.viewsets import ListCreateUpdateViewSet, ReadOnlyViewSet, ServiceAction, fields_with
from apps.major_hazards import policies, selectors, services
from apps.major_hazards.api._common import POLICIES
from apps.major_hazards.models import CheckResult, MeasureCheck, MonitoringMeasure
from apps.major_hazards.services import MEASURE_FIELDS


class MonitoringMeasureSerializer(serializers.ModelSerializer):
    class Meta:
        model = MonitoringMeasure
        fields = [
            "id",
            "unit",
            *fields_with(MEASURE_FIELDS, check_cycle_days="last_checked_on"),
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

    serializer_class = MonitoringMeasureSerializer
    policies = {**POLICIES, "check": policies.can_check_measure}
    filterset_fields = ["unit", "measure_kind", "is_active"]
    search_fields = ["name"]
    selector = selectors.measure_list
    create_service = update_service = services.measure_save
    instance_name = "measure"
    parent_name = "unit"

    check = ServiceAction(
        services.measure_check,
        "measure",
        body=MeasureCheckCreateSerializer,
        reply=MeasureCheckSerializer,
        created=True,
        doc="Record a check; the heads of the unit's department and safety managers may.",
    )


class MeasureCheckViewSet(ReadOnlyViewSet):
    serializer_class = MeasureCheckSerializer
    policies = POLICIES
    filterset_fields = ["measure"]
    selector = selectors.check_list
