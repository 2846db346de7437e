"""Yearly training plans: drafted by department heads, submitted for approval."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.response import Response

from apps.core.viewsets import ListCreateUpdateViewSet, validated
from apps.training import policies, selectors, services
from apps.training.models import TrainingPlan, TrainingPlanItem


class PlanItemSerializer(serializers.ModelSerializer):
    class Meta:
        model = TrainingPlanItem
        fields = ["id", "course", "month", "hours", "participants"]
        extra_kwargs = {"hours": {"required": False}}


class TrainingPlanSerializer(serializers.ModelSerializer):
    planned = serializers.IntegerField(read_only=True)
    held = serializers.IntegerField(read_only=True)
    items = PlanItemSerializer(many=True, read_only=True)

    class Meta:
        model = TrainingPlan
        fields = [
            "id",
            "department",
            "year",
            "title",
            "note",
            "status",
            "approval_task",
            "approved_at",
            "planned",
            "held",
            "items",
        ]
        read_only_fields = ["id", "status", "approval_task", "approved_at"]
        extra_kwargs = {"title": {"required": False}}
        validators = []


class TrainingPlanUpdateSerializer(TrainingPlanSerializer):
    class Meta(TrainingPlanSerializer.Meta):
        read_only_fields = [*TrainingPlanSerializer.Meta.read_only_fields, "department", "year"]


class TrainingPlanViewSet(ListCreateUpdateViewSet):
    queryset = TrainingPlan.objects.none()
    policies = {
        "read": policies.can_read_training,
        "create": policies.can_draft_plan,
        "update": policies.can_draft_plan,
        "items": policies.can_draft_plan,
        "submit": policies.can_draft_plan,
    }
    filterset_fields = ["year", "department", "status"]

    def get_queryset(self):
        return selectors.plan_list(user=self.request.user).prefetch_related("items")

    def get_serializer_class(self):
        if self.action in ("update", "partial_update"):
            return TrainingPlanUpdateSerializer
        return TrainingPlanSerializer

    def _fresh(self, plan) -> dict:
        return TrainingPlanSerializer(self.get_queryset().get(pk=plan.pk)).data

    def create(self, request, *args, **kwargs):
        valid = validated(TrainingPlanSerializer, request)
        plan = services.plan_create(data=valid, user=request.user)
        return Response(self._fresh(plan), status=status.HTTP_201_CREATED)

    instance_name = "plan"
    update_service = services.plan_update

    @extend_schema(request=PlanItemSerializer, responses=TrainingPlanSerializer)
    @action(detail=True, methods=["post"])
    def items(self, request, pk=None):
        """Add a planned course to a draft (or rejected) plan."""
        plan = self.get_object()
        valid = validated(PlanItemSerializer, request)
        services.plan_item_save(plan=plan, data=valid, user=request.user)
        return Response(self._fresh(plan), status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses=TrainingPlanSerializer)
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        plan = services.plan_submit(plan=self.get_object(), user=request.user)
        return Response(self._fresh(plan))
