"""Registration and filing of major hazard sources, and their safety assessments."""

from __future__ import annotations

from rest_framework import mixins, parsers, serializers, viewsets

from apps.major_hazards import selectors, services
from apps.major_hazards.api._common import _Scoped
from apps.major_hazards.models import RegisterEntry, SafetyAssessment


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
