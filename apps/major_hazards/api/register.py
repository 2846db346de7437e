"""Registration and filing of major hazard sources, and their safety assessments."""

from __future__ import annotations

from rest_framework import parsers, serializers

from apps.core.viewsets import ListCreateUpdateViewSet, ListCreateViewSet, ServiceMixin
from apps.major_hazards import selectors, services
from apps.major_hazards.api._common import POLICIES
from apps.major_hazards.models import RegisterEntry, SafetyAssessment
from apps.major_hazards.services import ASSESSMENT_FIELDS, REGISTER_FIELDS


# A record filed with its documents: `files` are uploaded with it, never read back. (A comment:
# DRF would show a docstring as each subclass's description.)
class _FilesSerializer(serializers.ModelSerializer):
    files = serializers.ListField(child=serializers.FileField(), required=False, write_only=True)


class RegisterEntrySerializer(_FilesSerializer):
    class Meta:
        model = RegisterEntry
        fields = ["id", "unit", *REGISTER_FIELDS, "files", "created_at", "updated_at"]
        read_only_fields = ["created_at", "updated_at"]


class SafetyAssessmentSerializer(_FilesSerializer):
    class Meta:
        model = SafetyAssessment
        fields = ["id", "unit", *ASSESSMENT_FIELDS, "files", "created_at", "updated_at"]
        read_only_fields = ["created_at", "updated_at"]
        extra_kwargs = {"next_due": {"required": False}}


def _with_files(viewset, data, instance=None):
    """The `files` field goes to the service as its own keyword (the filing certificates)."""
    data = dict(data)
    files = data.pop("files", [])
    return {**ServiceMixin.service_arguments(viewset, data, instance), "files": files}


class RegisterEntryViewSet(ListCreateUpdateViewSet):
    """Registration and filing of major hazard sources; `files` are the filing certificates."""

    serializer_class = RegisterEntrySerializer
    policies = POLICIES
    parser_classes = [parsers.JSONParser, parsers.MultiPartParser, parsers.FormParser]
    filterset_fields = ["unit", "level"]
    selector = selectors.register_list

    create_service = update_service = services.register_entry_save
    instance_name = "entry"
    parent_name = "unit"
    service_arguments = _with_files


class SafetyAssessmentViewSet(ListCreateViewSet):
    """Safety assessments, due every 3 years."""

    serializer_class = SafetyAssessmentSerializer
    policies = POLICIES
    parser_classes = [parsers.JSONParser, parsers.MultiPartParser, parsers.FormParser]
    filterset_fields = ["unit"]
    selector = selectors.assessment_list

    create_service = services.assessment_save
    parent_name = "unit"
    service_arguments = _with_files
