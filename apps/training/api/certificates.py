"""The certificate catalogues and certificates, with their 3-yearly review."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from apps.core.viewsets import ListCreateUpdateViewSet
from apps.training import policies, selectors, services
from apps.training.models import Certificate, CertificateType


class CertificateTypeSerializer(serializers.ModelSerializer):
    class Meta:
        model = CertificateType
        fields = ["id", "kind", "category_code", "category_name", "code", "name"]


class CertificateSerializer(serializers.ModelSerializer):
    holder_name = serializers.CharField(source="holder.name", read_only=True)
    status = serializers.CharField(read_only=True)

    class Meta:
        model = Certificate
        fields = [
            "id",
            "kind",
            "type",
            "number",
            "holder",
            "holder_name",
            "authority",
            "issued_on",
            "valid_until",
            "next_review_on",
            "reviewed_on",
            "status",
        ]
        read_only_fields = ["id", "kind", "reviewed_on"]
        extra_kwargs = {"valid_until": {"required": False}, "next_review_on": {"required": False}}
        validators = []  # uniqueness is checked by the service's full_clean


class ReviewSerializer(serializers.Serializer):
    reviewed_on = serializers.DateField()


class CertificateTypeViewSet(viewsets.ReadOnlyModelViewSet):
    """特种作业目录 and 特种设备目录."""

    serializer_class = CertificateTypeSerializer
    queryset = CertificateType.objects.none()
    filterset_fields = ["kind", "category_code"]
    search_fields = ["code", "name", "category_name"]

    def get_queryset(self):
        return selectors.certificate_type_list()


class CertificateViewSet(ListCreateUpdateViewSet):
    serializer_class = CertificateSerializer
    queryset = Certificate.objects.none()
    policies = {
        "create": policies.can_edit_certificate,
        "update": policies.can_edit_certificate,
        "review": policies.can_review_certificate,
    }
    filterset_fields = ["kind", "type", "holder"]
    search_fields = ["number", "holder__name"]

    def get_queryset(self):
        return selectors.certificate_list(user=self.request.user)

    create_service = services.certificate_create

    instance_name = "certificate"
    update_service = services.certificate_update

    @extend_schema(request=ReviewSerializer, responses=CertificateSerializer)
    @action(detail=True, methods=["post"])
    def review(self, request, pk=None):
        certificate = self.get_object()  # found and allowed before the body is read
        body = ReviewSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        certificate = services.certificate_review(
            certificate=certificate, reviewed_on=body.validated_data["reviewed_on"], user=request.user
        )
        return Response(CertificateSerializer(certificate).data)
