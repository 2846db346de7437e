"""Production and storage units, their chemicals (the inventory) and the identifications
kept for them."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _
from rest_framework import serializers

from apps.core.viewsets import ListCreateUpdateViewSet, ReadOnlyViewSet, ServiceAction, ServiceModelViewSet, fields_with
from apps.major_hazards import selectors, services
from apps.major_hazards.api._common import POLICIES
from apps.major_hazards.models import Identification, InventoryItem, Unit
from apps.major_hazards.services import INVENTORY_FIELDS, UNIT_FIELDS


class UnitSerializer(serializers.ModelSerializer):
    department_name = serializers.CharField(source="department.name", read_only=True)
    current_identification = serializers.SerializerMethodField()
    filing_due = serializers.SerializerMethodField(help_text="The day to file the source by; null when nothing is due.")

    class Meta:
        model = Unit
        fields = [
            "id",
            *fields_with(UNIT_FIELDS, department="department_name"),
            "current_identification",
            "filing_due",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["created_at", "updated_at"]

    def get_filing_due(self, unit) -> dt.date | None:
        return selectors.filing_due(unit)

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
        fields = ["id", "unit", *INVENTORY_FIELDS, "display_name", "created_at", "updated_at"]
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

    serializer_class = UnitSerializer
    policies = POLICIES
    search_fields = ["code", "name", "location"]
    ordering_fields = ["code"]
    selector = selectors.unit_list
    list_filters = True
    detail_filters = {"active": "all"}

    create_service = update_service = services.unit_save
    instance_name = "unit"

    def service_result(self, unit):
        return selectors.unit_get(user=self.request.user, pk=unit.pk)

    identify = ServiceAction(
        services.identification_record,
        "unit",
        reply=IdentificationSerializer,
        created=True,
        doc="Identify the unit again from its inventory; a new record is kept.",
    )


class InventoryItemViewSet(ServiceModelViewSet):
    """The chemicals of a unit; every change records a new identification of the unit."""

    serializer_class = InventoryItemSerializer
    policies = POLICIES
    filterset_fields = ["unit"]
    selector = selectors.inventory_list

    create_service = update_service = services.inventory_item_save
    destroy_service = services.inventory_item_delete
    instance_name = "item"
    parent_name = "unit"


class IdentificationViewSet(ReadOnlyViewSet):
    """Every identification kept: inputs, calculation lines and result."""

    serializer_class = IdentificationSerializer
    policies = POLICIES
    filterset_fields = ["unit", "is_major", "level"]
    selector = selectors.identification_list
