from __future__ import annotations

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, parsers, permissions, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from apps.major_hazards import selectors, services
from apps.major_hazards.models import (
    CheckResult,
    HazardCategory,
    Identification,
    InventoryItem,
    MeasureCheck,
    MonitoringMeasure,
    RegisterEntry,
    SafetyAssessment,
    Substance,
    Unit,
)
from apps.org.permissions import DepartmentScoped, reads_org


class SubstanceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Substance
        fields = ["id", "seq", "name", "aliases", "cas", "critical_quantity", "beta"]


class HazardCategorySerializer(serializers.ModelSerializer):
    class Meta:
        model = HazardCategory
        fields = ["id", "code", "name", "description", "critical_quantity", "beta"]


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


class RegisterEntrySerializer(serializers.ModelSerializer):
    files = serializers.ListField(child=serializers.FileField(), required=False, write_only=True)

    class Meta:
        model = RegisterEntry
        fields = [
            "id",
            "unit",
            "number",
            "level",
            "filing_authority",
            "filed_on",
            "notes",
            "files",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["created_at", "updated_at"]


class SafetyAssessmentSerializer(serializers.ModelSerializer):
    files = serializers.ListField(child=serializers.FileField(), required=False, write_only=True)

    class Meta:
        model = SafetyAssessment
        fields = [
            "id",
            "unit",
            "assessed_on",
            "assessor",
            "conclusion",
            "next_due",
            "files",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["created_at", "updated_at"]
        extra_kwargs = {"next_due": {"required": False}}


class MonitoringMeasureSerializer(serializers.ModelSerializer):
    class Meta:
        model = MonitoringMeasure
        fields = [
            "id",
            "unit",
            "measure_kind",
            "name",
            "check_cycle_days",
            "last_checked_on",
            "is_active",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["last_checked_on", "created_at", "updated_at"]


class MeasureCheckSerializer(serializers.ModelSerializer):
    class Meta:
        model = MeasureCheck
        fields = [
            "id",
            "measure",
            "checked_on",
            "check_result",
            "findings",
            "checked_by",
            "created_at",
        ]
        read_only_fields = fields


class MeasureCheckCreateSerializer(serializers.Serializer):
    checked_on = serializers.DateField(required=False)
    check_result = serializers.ChoiceField(choices=CheckResult.choices, default=CheckResult.WORKING)
    findings = serializers.CharField(required=False, allow_blank=True, default="")


class _Scoped:
    """Reads for safety managers, leadership and heads (their departments); writes for safety
    managers (the services check it again)."""

    permission_classes = [DepartmentScoped]
    read_access = staticmethod(reads_org)


class SubstanceViewSet(viewsets.ReadOnlyModelViewSet):
    """GB 18218-2018 表1 named substances (β of 表3 for the toxic gases)."""

    queryset = Substance.objects.all()
    serializer_class = SubstanceSerializer
    permission_classes = [permissions.IsAuthenticated]
    search_fields = ["name", "aliases", "cas"]


class HazardCategoryViewSet(viewsets.ReadOnlyModelViewSet):
    """GB 18218-2018 表2 hazard categories (β of 表4)."""

    queryset = HazardCategory.objects.all()
    serializer_class = HazardCategorySerializer
    permission_classes = [permissions.IsAuthenticated]


class UnitViewSet(
    _Scoped,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Production and storage units with their current identification."""

    queryset = Unit.objects.none()
    serializer_class = UnitSerializer
    search_fields = ["code", "name", "location"]
    ordering_fields = ["code"]

    def get_queryset(self):
        params = self.request.query_params.dict() if self.action == "list" else {"active": "all"}
        return selectors.unit_list(user=self.request.user, filters=params)

    def _refreshed(self, unit):
        return selectors.unit_get(user=self.request.user, pk=unit.pk)

    def perform_create(self, serializer):
        unit = services.unit_save(data=serializer.validated_data, user=self.request.user)
        serializer.instance = self._refreshed(unit)

    def perform_update(self, serializer):
        unit = services.unit_save(
            unit=serializer.instance, data=serializer.validated_data, user=self.request.user
        )
        serializer.instance = self._refreshed(unit)

    @extend_schema(request=None, responses=IdentificationSerializer)
    @action(detail=True, methods=["post"])
    def identify(self, request, pk=None):
        """Identify the unit again from its inventory; a new record is kept."""
        record = services.identification_record(unit=self.get_object(), user=request.user)
        return Response(IdentificationSerializer(record).data, status=status.HTTP_201_CREATED)


class InventoryItemViewSet(_Scoped, viewsets.ModelViewSet):
    """The chemicals of a unit; every change records a new identification of the unit."""

    queryset = InventoryItem.objects.none()
    serializer_class = InventoryItemSerializer
    filterset_fields = ["unit"]

    def get_queryset(self):
        return selectors.inventory_list(user=self.request.user)

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        unit = data.pop("unit")
        serializer.instance = services.inventory_item_save(
            unit=unit, data=data, user=self.request.user
        )

    def perform_update(self, serializer):
        data = dict(serializer.validated_data)
        data.pop("unit", None)
        item = serializer.instance
        serializer.instance = services.inventory_item_save(
            unit=item.unit, item=item, data=data, user=self.request.user
        )

    def perform_destroy(self, instance):
        services.inventory_item_delete(item=instance, user=self.request.user)


class IdentificationViewSet(_Scoped, viewsets.ReadOnlyModelViewSet):
    """Every identification kept: inputs, calculation lines and result."""

    queryset = Identification.objects.none()
    serializer_class = IdentificationSerializer
    filterset_fields = ["unit", "is_major", "level"]

    def get_queryset(self):
        return selectors.identification_list(user=self.request.user)


class RegisterEntryViewSet(
    _Scoped,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Registration and filing of major hazard sources; `files` are the filing certificates."""

    queryset = RegisterEntry.objects.none()
    serializer_class = RegisterEntrySerializer
    parser_classes = [parsers.JSONParser, parsers.MultiPartParser, parsers.FormParser]
    filterset_fields = ["unit", "level"]

    def get_queryset(self):
        return selectors.register_list(user=self.request.user)

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        files, unit = data.pop("files", []), data.pop("unit")
        serializer.instance = services.register_entry_save(
            unit=unit, data=data, files=files, user=self.request.user
        )

    def perform_update(self, serializer):
        data = dict(serializer.validated_data)
        files = data.pop("files", [])
        data.pop("unit", None)
        entry = serializer.instance
        serializer.instance = services.register_entry_save(
            unit=entry.unit, entry=entry, data=data, files=files, user=self.request.user
        )


class SafetyAssessmentViewSet(
    _Scoped,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """Safety assessments, due every 3 years."""

    queryset = SafetyAssessment.objects.none()
    serializer_class = SafetyAssessmentSerializer
    parser_classes = [parsers.JSONParser, parsers.MultiPartParser, parsers.FormParser]
    filterset_fields = ["unit"]

    def get_queryset(self):
        return selectors.assessment_list(user=self.request.user)

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        files, unit = data.pop("files", []), data.pop("unit")
        serializer.instance = services.assessment_save(
            unit=unit, data=data, files=files, user=self.request.user
        )


class MeasureViewSet(
    _Scoped,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Monitoring and control measures; checks are recorded with the `check` action."""

    queryset = MonitoringMeasure.objects.none()
    serializer_class = MonitoringMeasureSerializer
    filterset_fields = ["unit", "measure_kind", "is_active"]
    search_fields = ["name"]

    def get_queryset(self):
        return selectors.measure_list(user=self.request.user)

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        unit = data.pop("unit")
        serializer.instance = services.measure_save(unit=unit, data=data, user=self.request.user)

    def perform_update(self, serializer):
        data = dict(serializer.validated_data)
        data.pop("unit", None)
        measure = serializer.instance
        serializer.instance = services.measure_save(
            unit=measure.unit, measure=measure, data=data, user=self.request.user
        )

    @extend_schema(request=MeasureCheckCreateSerializer, responses=MeasureCheckSerializer)
    @action(detail=True, methods=["post"], permission_classes=[permissions.IsAuthenticated])
    def check(self, request, pk=None):
        """Record a check; the heads of the unit's department and safety managers may."""
        measure = self.get_object()
        body = MeasureCheckCreateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        check = services.measure_check(measure=measure, user=request.user, **body.validated_data)
        return Response(MeasureCheckSerializer(check).data, status=status.HTTP_201_CREATED)


class MeasureCheckViewSet(_Scoped, viewsets.ReadOnlyModelViewSet):
    queryset = MeasureCheck.objects.none()
    serializer_class = MeasureCheckSerializer
    filterset_fields = ["measure"]

    def get_queryset(self):
        return selectors.check_list(user=self.request.user)
