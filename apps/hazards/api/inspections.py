"""Inspections through the API: recording one with a result per check item, raising a hazard
from a failed item."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.response import Response

from apps.core.viewsets import ReadOnlyViewSet, validated
from apps.hazards import policies, selectors, services
from apps.hazards.api.hazards import HazardSerializer
from apps.hazards.models import (
    Checklist,
    CheckResult,
    HazardCause,
    Inspection,
    InspectionKind,
    InspectionPlan,
    InspectionResult,
)
from apps.org.models import Department


class InspectionSerializer(serializers.ModelSerializer):
    failed = serializers.IntegerField(read_only=True)
    checked = serializers.IntegerField(read_only=True)

    class Meta:
        model = Inspection
        fields = [
            "id",
            "plan",
            "kind",
            "department",
            "location",
            "inspected_on",
            "inspector",
            "checklist",
            "notes",
            "failed",
            "checked",
        ]
        read_only_fields = fields


class ResultInputSerializer(serializers.Serializer):
    item = serializers.IntegerField()
    result = serializers.ChoiceField(choices=CheckResult.choices)
    note = serializers.CharField(required=False, allow_blank=True, default="")


class RecordSerializer(serializers.Serializer):
    plan = serializers.PrimaryKeyRelatedField(queryset=InspectionPlan.objects.all(), required=False, allow_null=True)
    checklist = serializers.PrimaryKeyRelatedField(queryset=Checklist.objects.all(), required=False, allow_null=True)
    kind = serializers.ChoiceField(choices=InspectionKind.choices)
    department = serializers.PrimaryKeyRelatedField(queryset=Department.objects.filter(is_active=True))
    location = serializers.CharField(max_length=200)
    inspected_on = serializers.DateField()
    notes = serializers.CharField(required=False, allow_blank=True, default="")
    results = ResultInputSerializer(many=True, required=False, default=list)


class RaiseSerializer(serializers.Serializer):
    result = serializers.IntegerField(help_text="id of a failed check result of this inspection")
    category = serializers.ChoiceField(choices=HazardCause.choices, default=HazardCause.CONDITION)


class InspectionViewSet(ReadOnlyViewSet):
    """Inspections: POST records one (results per check item); a failed item raises a hazard."""

    serializer_class = InspectionSerializer
    policies = {
        "read": policies.can_read_inspections,
        "create": policies.can_record_inspection,
        "raise_hazard": policies.can_raise_hazard,
    }
    filterset_fields = ["kind", "department", "plan"]
    selector = selectors.inspection_list

    @extend_schema(request=RecordSerializer, responses=InspectionSerializer)
    def create(self, request):
        valid = validated(RecordSerializer, request)
        data = dict(valid)
        results = {r["item"]: (r["result"], r["note"]) for r in data.pop("results")}
        plan = data.get("plan")
        if plan is not None and not selectors.plan_list(user=request.user).filter(pk=plan.pk).exists():
            return Response(status=status.HTTP_404_NOT_FOUND)
        if plan is not None and data.get("checklist") is None:
            data["checklist"] = plan.checklist
        inspection = services.inspection_record(user=request.user, results=results, **data)
        inspection = selectors.inspection_list(user=request.user).get(pk=inspection.pk)
        return Response(InspectionSerializer(inspection).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=RaiseSerializer, responses=HazardSerializer)
    @action(detail=True, methods=["post"], url_path="raise-hazard")
    def raise_hazard(self, request, pk=None):
        inspection = self.get_object()
        valid = validated(RaiseSerializer, request)
        result = (
            InspectionResult.objects.filter(inspection=inspection, pk=valid["result"])
            .select_related("item", "inspection__department")
            .first()
        )
        if result is None:
            return Response(status=status.HTTP_404_NOT_FOUND)
        hazard = services.hazard_from_check(result=result, user=request.user, category=valid["category"])
        return Response(HazardSerializer(hazard).data, status=status.HTTP_201_CREATED)
