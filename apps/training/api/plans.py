"""Yearly training plans: drafted by department heads, submitted for approval."""

from __future__ import annotations

from rest_framework import serializers

from apps.core.viewsets import ListCreateUpdateViewSet, ServiceAction
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
        **dict.fromkeys(["save", "items", "submit"], policies.can_draft_plan),
    }
    filterset_fields = ["year", "department", "status"]

    def get_queryset(self):
        return selectors.plan_list(user=self.request.user).prefetch_related("items")

    def get_serializer_class(self):
        if self.action in ("update", "partial_update"):
            return TrainingPlanUpdateSerializer
        return TrainingPlanSerializer

    # Every answer is the plan read again, with its counts and items.
    create = ServiceAction(
        services.plan_create,
        body=TrainingPlanSerializer,
        reply=TrainingPlanSerializer,
        as_data=True,
        answer="fresh",
        created=True,
    )
    update_service = services.plan_update
    instance_name = "plan"

    items = ServiceAction(
        services.plan_item_save,
        "plan",
        body=PlanItemSerializer,
        reply=TrainingPlanSerializer,
        as_data=True,
        answer="fresh",
        created=True,
        doc="Add a planned course to a draft (or rejected) plan.",
    )
    submit = ServiceAction(services.plan_submit, "plan", reply=TrainingPlanSerializer, answer="fresh")
