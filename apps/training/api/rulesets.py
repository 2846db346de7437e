"""Rule sets of hours and the training settings: everyone with training records reads them,
safety managers change them."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from apps.core.viewsets import ReadOnlyViewSet, ServiceMixin, validated
from apps.training import policies, selectors, services
from apps.training.models import RuleSet, RuleSetRow, TrainingSettings


class RuleSetRowSerializer(serializers.ModelSerializer):
    class Meta:
        model = RuleSetRow
        fields = ["id", "ruleset", "role", "high_risk", "initial_hours", "annual_hours"]
        read_only_fields = ["id", "ruleset", "role", "high_risk"]


class RuleSetSerializer(serializers.ModelSerializer):
    rows = RuleSetRowSerializer(many=True, read_only=True)

    class Meta:
        model = RuleSet
        fields = ["id", "code", "name", "source", "rows"]
        extra_kwargs = {"code": {"validators": []}}


class TrainingSettingsSerializer(serializers.ModelSerializer):
    class Meta:
        model = TrainingSettings
        fields = ["ruleset", "plan_approver_role", "year_start_month", "year_start_day", "updated_at"]
        read_only_fields = ["updated_at"]


class RuleSetViewSet(ReadOnlyViewSet):
    serializer_class = RuleSetSerializer
    policies = {"list": policies.can_read_training, "retrieve": policies.can_read_training}
    selector = selectors.ruleset_list


class RuleSetRowViewSet(ServiceMixin, mixins.ListModelMixin, mixins.UpdateModelMixin, viewsets.GenericViewSet):
    """The hours of one role in one rule set; safety managers change them."""

    serializer_class = RuleSetRowSerializer
    queryset = RuleSetRow.objects.none()
    policies = {"list": policies.can_read_training, "update": policies.can_edit_rules}
    filterset_fields = ["ruleset", "role", "high_risk"]

    def get_queryset(self):
        return RuleSetRow.objects.select_related("ruleset").order_by("ruleset", "role", "high_risk")

    instance_name = "row"
    update_service = services.ruleset_row_update


class TrainingSettingsViewSet(viewsets.GenericViewSet):
    """Which rule set is in force, who approves plans and when the training year starts: one
    record."""

    serializer_class = TrainingSettingsSerializer
    queryset = TrainingSettings.objects.none()
    policies = {"list": policies.can_read_training, "update_settings": policies.can_edit_rules}

    @extend_schema(responses=TrainingSettingsSerializer)
    def list(self, request):
        current = selectors.training_settings()
        return Response(TrainingSettingsSerializer(current).data if current else {})

    @extend_schema(request=TrainingSettingsSerializer, responses=TrainingSettingsSerializer)
    @action(detail=False, methods=["put", "patch"], url_path="update")
    def update_settings(self, request):
        data = validated(
            TrainingSettingsSerializer, request, selectors.training_settings(), partial=request.method == "PATCH"
        )
        current = services.settings_update(data=data, user=request.user)
        return Response(TrainingSettingsSerializer(current).data)
