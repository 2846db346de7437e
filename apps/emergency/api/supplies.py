"""Emergency supplies and their checks."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.response import Response

from apps.core.viewsets import ListCreateUpdateViewSet, ServiceAction
from apps.emergency import selectors, services
from apps.emergency.api._common import READS, RECORD_WRITES
from apps.emergency.models import Supply, SupplyCheck
from apps.emergency.policies import can_check_supply
from apps.emergency.services.supplies import SUPPLY_FIELDS


class SupplySerializer(serializers.ModelSerializer):
    is_expired = serializers.BooleanField(read_only=True)
    is_missing = serializers.BooleanField(read_only=True)
    is_check_overdue = serializers.BooleanField(read_only=True)

    class Meta:
        model = Supply
        fields = ["id", *SUPPLY_FIELDS, "is_expired", "is_missing", "is_check_overdue"]


class SupplyCheckSerializer(serializers.ModelSerializer):
    expires_on = serializers.DateField(required=False, allow_null=True, write_only=True)

    class Meta:
        model = SupplyCheck
        fields = ["id", "supply", "checked_on", "quantity_found", "in_good_order", "note", "checked_by", "expires_on"]
        read_only_fields = ["supply", "checked_by"]


class SupplyViewSet(ListCreateUpdateViewSet):
    """Emergency supplies; `flag=expired|missing|check_due` filters the flagged ones."""

    serializer_class = SupplySerializer
    policies = {**READS, **RECORD_WRITES, "check": can_check_supply}
    selector = selectors.supply_list
    list_filters = True
    detail_filters = {"active": "0"}
    create_service = update_service = services.supply_save
    instance_name = "supply"

    check = ServiceAction(
        services.supply_check,
        "supply",
        body=SupplyCheckSerializer,
        reply=SupplySerializer,
        answer="fresh",
        doc="A check done: the quantity found becomes the stock.",
    )

    @extend_schema(responses=SupplyCheckSerializer(many=True))
    @action(detail=True, methods=["get"])
    def checks(self, request, pk=None):
        """The checks recorded for this item, the latest first."""
        supply = self.get_object()
        return Response(SupplyCheckSerializer(supply.checks.all()[:100], many=True).data)
