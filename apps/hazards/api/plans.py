"""Inspection plans and checklists through the API."""

from __future__ import annotations

from rest_framework import serializers, viewsets

from apps.core.viewsets import ListCreateUpdateViewSet, ServiceAction
from apps.hazards import policies, selectors, services
from apps.hazards.models import Checklist, InspectionKind, InspectionPlan


class PlanSerializer(serializers.ModelSerializer):
    class Meta:
        model = InspectionPlan
        fields = ["id", "name", "kind", "department", "checklist", "recurrence", "next_due", "is_active"]


class PlanViewSet(ListCreateUpdateViewSet):
    serializer_class = PlanSerializer
    policies = {"read": policies.can_read_plans, "save": policies.can_edit_plan}
    selector = selectors.plan_list
    create_service = update_service = services.inspection_plan_save
    instance_name = "plan"


class ChecklistSerializer(serializers.ModelSerializer):
    items = serializers.SerializerMethodField()

    class Meta:
        model = Checklist
        fields = ["id", "name", "kind", "is_active", "items"]

    def get_items(self, checklist) -> list[dict]:
        return [{"id": i.pk, "area": i.area, "content": i.content, "basis": i.basis} for i in checklist.items.all()]


class ChecklistCreateSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=100)
    kind = serializers.ChoiceField(choices=InspectionKind.choices)
    items_text = serializers.CharField(help_text="One check item per line: 区域｜检查内容｜依据")


class ChecklistViewSet(viewsets.ReadOnlyModelViewSet):
    """Checklists; safety managers create them (items one per line: area｜item｜basis)."""

    queryset = Checklist.objects.none()
    serializer_class = ChecklistSerializer
    policies = {"read": policies.can_read_plans, "create": policies.can_create_checklist}

    def get_queryset(self):
        return selectors.checklist_list().prefetch_related("items")

    create = ServiceAction(
        services.checklist_create, body=ChecklistCreateSerializer, reply=ChecklistSerializer, created=True
    )
