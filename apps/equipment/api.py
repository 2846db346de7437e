from __future__ import annotations

from django.conf import settings
from drf_spectacular.utils import extend_schema
from rest_framework import parsers, serializers
from rest_framework.decorators import action
from rest_framework.response import Response

from apps.core.viewsets import ListCreateUpdateViewSet, ReadOnlyViewSet, ServiceAction, fields_with
from apps.equipment import policies as equipment_policies
from apps.equipment import selectors, services
from apps.equipment.models import (
    Equipment,
    MaintenancePlan,
    Project,
    Record,
    RecordKind,
    RecordResult,
    SafetyDevice,
    SpecialEquipmentType,
)
from apps.equipment.services import DEVICE_FIELDS, EQUIPMENT_FIELDS, MAINTENANCE_PLAN_FIELDS, PROJECT_FIELDS


class SpecialEquipmentTypeSerializer(serializers.ModelSerializer):
    class Meta:
        model = SpecialEquipmentType
        fields = ["id", "code", "category_code", "category", "name", "interval_months", "interval_note"]


class EquipmentSerializer(serializers.ModelSerializer):
    department_name = serializers.CharField(source="department.name", read_only=True)
    is_overdue = serializers.BooleanField(read_only=True)
    is_special = serializers.BooleanField(read_only=True)

    class Meta:
        model = Equipment
        fields = [
            "id",
            *fields_with(EQUIPMENT_FIELDS, department="department_name"),
            "is_overdue",
            "is_special",
            "scrap_task",
            "scrap_reason",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["scrap_task", "scrap_reason", "created_at", "updated_at"]


class EquipmentRecordSerializer(serializers.ModelSerializer):
    class Meta:
        model = Record
        fields = [
            "id",
            "equipment",
            "plan",
            "kind",
            "performed_on",
            "performed_by",
            "result",
            "findings",
            "work_plan",
            "hazard_controls",
            "hazard_code",
            "created_at",
        ]
        read_only_fields = fields


class EquipmentRecordCreateSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=RecordKind.choices)
    result = serializers.ChoiceField(choices=RecordResult.choices)
    performed_on = serializers.DateField(required=False)
    findings = serializers.CharField(required=False, allow_blank=True, default="")
    work_plan = serializers.CharField(required=False, allow_blank=True, default="")
    hazard_controls = serializers.CharField(required=False, allow_blank=True, default="")
    plan = serializers.PrimaryKeyRelatedField(queryset=MaintenancePlan.objects.all(), required=False, allow_null=True)
    raise_hazard = serializers.BooleanField(required=False, default=False)
    files = serializers.ListField(child=serializers.FileField(), required=False, default=list)


class EquipmentScrapSerializer(serializers.Serializer):
    reason = serializers.CharField()


class EquipmentViewSet(ListCreateUpdateViewSet):
    """The equipment ledger; records and scrapping requests as actions."""

    serializer_class = EquipmentSerializer
    policies = {
        "save": equipment_policies.can_edit_equipment,
        "record": equipment_policies.may_record,
        "scrap": equipment_policies.can_change_equipment,
    }
    parser_classes = [parsers.JSONParser, parsers.MultiPartParser, parsers.FormParser]
    search_fields = ["code", "name", "location", "serial_number"]
    ordering_fields = ["code", "next_inspection_due"]
    selector = selectors.equipment_list
    list_filters = True
    create_service = update_service = services.equipment_save
    instance_name = "equipment"

    record = ServiceAction(
        services.record_create,
        "equipment",
        body=EquipmentRecordCreateSerializer,
        reply=EquipmentRecordSerializer,
        created=True,
        doc="Record an inspection or maintenance; `raise_hazard` reports a failed one as a hazard.",
    )
    scrap = ServiceAction(
        services.equipment_scrap_request,
        "equipment",
        body=EquipmentScrapSerializer,
        reply=EquipmentSerializer,
        answer="fresh",
        doc="Ask leadership to approve scrapping; their sign-off on the task decides it.",
    )

    @extend_schema(responses={200: dict})
    @action(detail=True, methods=["get"])
    def label(self, request, pk=None):
        """The address a label's QR code holds."""
        equipment = self.get_object()
        base = getattr(settings, "SITE_URL", "") or request.build_absolute_uri("/")
        return Response({"url": base.rstrip("/") + equipment.get_absolute_url()})


class RecordViewSet(ReadOnlyViewSet):
    serializer_class = EquipmentRecordSerializer
    filterset_fields = ["equipment", "kind", "result"]
    selector = selectors.record_list


class DeviceSerializer(serializers.ModelSerializer):
    is_overdue = serializers.BooleanField(read_only=True)

    class Meta:
        model = SafetyDevice
        fields = ["id", *DEVICE_FIELDS, "is_overdue"]


class DeviceCheckSerializer(serializers.Serializer):
    checked_on = serializers.DateField()


class DeviceViewSet(ListCreateUpdateViewSet):
    serializer_class = DeviceSerializer
    policies = {
        "read": equipment_policies.can_read_registers,
        "save": equipment_policies.can_edit_device,
        "check": equipment_policies.can_check_device,
    }
    filterset_fields = ["kind", "equipment", "department"]
    selector = selectors.device_list
    create_service = update_service = services.device_save
    instance_name = "device"

    check = ServiceAction(
        services.device_check,
        "device",
        body=DeviceCheckSerializer,
        reply=DeviceSerializer,
        doc="A calibration or test was done on this date.",
    )


class MaintenancePlanSerializer(serializers.ModelSerializer):
    class Meta:
        model = MaintenancePlan
        fields = ["id", *MAINTENANCE_PLAN_FIELDS]


class MaintenancePlanViewSet(ListCreateUpdateViewSet):
    serializer_class = MaintenancePlanSerializer
    policies = {"read": equipment_policies.can_read_registers, "save": equipment_policies.can_edit_maintenance_plan}
    filterset_fields = ["equipment", "kind"]
    selector = selectors.plan_list
    create_service = update_service = services.maintenance_plan_save
    instance_name = "plan"


class SafetyProjectSerializer(serializers.ModelSerializer):
    class Meta:
        model = Project
        fields = ["id", *PROJECT_FIELDS]


class ProjectViewSet(ListCreateUpdateViewSet):
    """三同时 records of new, rebuilt and extended projects."""

    serializer_class = SafetyProjectSerializer
    policies = {"read": equipment_policies.can_read_registers, "save": equipment_policies.can_edit_project}
    selector = selectors.project_list
    create_service = update_service = services.project_save
    instance_name = "project"


class SpecialTypeViewSet(ReadOnlyViewSet):
    """The 特种设备目录 sub-categories with their default statutory intervals."""

    serializer_class = SpecialEquipmentTypeSerializer
    pagination_class = None
    selector = selectors.special_type_list
