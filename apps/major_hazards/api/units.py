"""Production and storage units, their chemicals (the inventory) and the identifications
kept for them."""

from __future__ import annotations

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from apps.core.viewsets import ListCreateUpdateViewSet, ServiceModelViewSet
from apps.major_hazards import selectors, services
from apps.major_hazards.api._common import POLICIES
from apps.major_hazards.models import Identification, InventoryItem, Unit


class UnitSerializer(serializers.ModelSerializer):
    department_name = serializers.CharField(source="department.name", read_only=True)
    current_identification = serializers.SerializerMethodField()

    class Meta:
        model = Unit
        fields = [
            "id",
            "code",
            "name",
            "unit_kind",
            "location",
            "department",
            "department_name",
            "responsible",
            "technical_responsible",
            "operational_responsible",
            "exposed_people",
            "is_active",
            "notes",
            "current_identification",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["created_at", "updated_at"]

    def get_current_identification(self, unit) -> dict | None:
        if getattr(unit, "current_id", None) is None:
            return None
        r = unit.current_r
        return {
            "id": unit.current_id,
            "identified_on": unit.current_on,
            "s": str(unit.current_s),
            "is_major": unit.current_is_major,
            "r": None if r is None else str(r),
            "level": unit.current_level,
            "registered": unit.is_registered,
            "assessment_due": unit.assessment_due,
        }


class InventoryItemSerializer(serializers.ModelSerializer):
    display_name = serializers.CharField(read_only=True)

    class Meta:
        model = InventoryItem
        fields = [
            "id",
            "unit",
            "substance",
            "chemical_name",
            "categories",
            "max_quantity",
            "display_name",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["created_at", "updated_at"]

    def validate_unit(self, unit):
        if self.instance is not None and unit != self.instance.unit:
            raise serializers.ValidationError(_("A chemical stays in its unit."))
        return unit


class IdentificationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Identification
        fields = [
            "id",
            "unit",
            "identified_on",
            "identified_by",
            "reason",
            "exposed_people",
            "inputs",
            "lines",
            "s",
            "is_major",
            "alpha",
            "r",
            "level",
            "created_at",
        ]
        read_only_fields = fields


class UnitViewSet(ListCreateUpdateViewSet):
    """Production and storage units with their current identification."""

    queryset = Unit.objects.none()
    serializer_class = UnitSerializer
    policies = POLICIES
    search_fields = ["code", "name", "location"]
    ordering_fields = ["code"]

    def get_queryset(self):
        params = self.request.query_params.dict() if self.action == "list" else {"active": "all"}
        return selectors.unit_list(user=self.request.user, filters=params)

    create_service = update_service = services.unit_save
    instance_name = "unit"

    def service_result(self, unit):
        return selectors.unit_get(user=self.request.user, pk=unit.pk)

    @extend_schema(request=None, responses=IdentificationSerializer)
    @action(detail=True, methods=["post"])
    def identify(self, request, pk=None):
        """Identify the unit again from its inventory; a new record is kept."""
        record = services.identification_record(unit=self.get_object(), user=request.user)
        return Response(IdentificationSerializer(record).data, status=status.HTTP_201_CREATED)


class InventoryItemViewSet(ServiceModelViewSet):
    """The chemicals of a unit; every change records a new identification of the unit."""

    queryset = InventoryItem.objects.none()
    serializer_class = InventoryItemSerializer
    policies = POLICIES
    filterset_fields = ["unit"]

    def get_queryset(self):
        return selectors.inventory_list(user=self.request.user)

    create_service = update_service = services.inventory_item_save
    destroy_service = services.inventory_item_delete
    instance_name = "item"
    parent_name = "unit"


class IdentificationViewSet(viewsets.ReadOnlyModelViewSet):
    """Every identification kept: inputs, calculation lines and result."""

    queryset = Identification.objects.none()
    serializer_class = IdentificationSerializer
    policies = POLICIES
    filterset_fields = ["unit", "is_major", "level"]

    def get_queryset(self):
        return selectors.identification_list(user=self.request.user)
