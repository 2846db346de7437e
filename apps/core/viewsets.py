"""Shared viewset shapes. Kept apart from apps.core.api, which DRF imports while loading."""

from django.urls import reverse
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.response import Response

from apps.core import selectors, services
from apps.core.models import GeneratedFile, GeneratedFileStatus


class ListCreateUpdateViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Records that are listed, read, created and changed, never deleted through the API."""


class GeneratedFileSerializer(serializers.ModelSerializer):
    download_url = serializers.SerializerMethodField()

    class Meta:
        model = GeneratedFile
        fields = [
            "id",
            "kind",
            "title",
            "params",
            "status",
            "progress",
            "error",
            "created_at",
            "finished_at",
            "download_url",
        ]
        read_only_fields = ["title", "status", "progress", "error", "created_at", "finished_at"]

    def get_download_url(self, generated) -> str | None:
        if generated.status != GeneratedFileStatus.DONE:
            return None
        return reverse("core:generated_file_download", args=[generated.pk])


class ExportViewSet(viewsets.ReadOnlyModelViewSet):
    """Exports run in the background: POST a kind and its parameters, then poll the record."""

    queryset = GeneratedFile.objects.none()
    serializer_class = GeneratedFileSerializer

    def get_queryset(self):
        return selectors.generated_file_list(user=self.request.user)

    @extend_schema(request=GeneratedFileSerializer, responses=GeneratedFileSerializer)
    def create(self, request):
        body = GeneratedFileSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        generated = services.export_start(
            user=request.user,
            kind=body.validated_data["kind"],
            params=body.validated_data.get("params"),
        )
        return Response(GeneratedFileSerializer(generated).data, status=status.HTTP_202_ACCEPTED)
