"""Yearly drill plans and their planned drills."""

from __future__ import annotations

from rest_framework import serializers

from apps.core.viewsets import ListCreateViewSet, ServiceAction
from apps.emergency import selectors, services
from apps.emergency.api._common import READS, RECORD_WRITES
from apps.emergency.models import DrillPlan, DrillPlanItem
from apps.emergency.policies import can_change_record


class DrillPlanItemSerializer(serializers.ModelSerializer):
    class Meta:
        model = DrillPlanItem
        fields = ["id", "plan", "month", "kind", "scenario"]


class DrillPlanSerializer(serializers.ModelSerializer):
    items = DrillPlanItemSerializer(many=True, read_only=True)

    class Meta:
        model = DrillPlan
        fields = ["id", "department", "year", "title", "note", "status", "approval_task", "approved_at", "items"]
        read_only_fields = ["status", "approval_task", "approved_at"]
        extra_kwargs = {"title": {"required": False}}
        validators = []  # one plan per department and year: the service says so in words


class DrillPlanViewSet(ListCreateViewSet):
    """Yearly drill plans: items added, then submitted for leadership's sign-off."""

    serializer_class = DrillPlanSerializer
    policies = {**READS, **RECORD_WRITES, "items": can_change_record, "submit": can_change_record}
    filterset_fields = ["year", "department", "status"]

    def get_queryset(self):
        return selectors.drill_plan_list(user=self.request.user).prefetch_related("items")

    create_service = services.drill_plan_create

    items = ServiceAction(
        services.drill_plan_item_add,
        "drill_plan",
        body=DrillPlanItemSerializer,
        reply=DrillPlanItemSerializer,
        as_data=True,
        created=True,
    )
    submit = ServiceAction(services.drill_plan_submit, "drill_plan", reply=DrillPlanSerializer)
