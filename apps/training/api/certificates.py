"""The certificate catalogues and certificates, with their 3-yearly review."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from apps.core.viewsets import ListCreateUpdateViewSet, ReadOnlyViewSet, ServiceAction, fields_with
from apps.training import policies, selectors, services
from apps.training.models import Certificate, CertificateType
from apps.training.services import CERTIFICATE_FIELDS


class CertificateTypeSerializer(serializers.ModelSerializer):
    class Meta:
        model = CertificateType
        fields = ["id", "kind", "category_code", "category_name", "code", "name"]


class CertificateSerializer(serializers.ModelSerializer):
    holder_name = serializers.CharField(source="holder.name", read_only=True)
    status = serializers.CharField(read_only=True)
    review_applies = serializers.BooleanField(
        read_only=True,
        help_text=_(
            "Whether the 3-yearly review applies: special-operation certificates (6 years' validity) yes, "
            "special-equipment operator permits (4 years, renewed before expiry) no."
        ),
    )

    class Meta:
        model = Certificate
        fields = [
            "id",
            "kind",
            *fields_with(CERTIFICATE_FIELDS, holder="holder_name"),
            "reviewed_on",
            "review_applies",
            "status",
        ]
        read_only_fields = ["id", "kind", "reviewed_on"]
        extra_kwargs = {"valid_until": {"required": False}, "next_review_on": {"required": False}}
        validators = []  # uniqueness is checked by the service's full_clean


class ReviewSerializer(serializers.Serializer):
    reviewed_on = serializers.DateField()


class CertificateTypeViewSet(ReadOnlyViewSet):
    """特种作业目录 and 特种设备目录."""

    serializer_class = CertificateTypeSerializer
    filterset_fields = ["kind", "category_code"]
    search_fields = ["code", "name", "category_name"]
    selector = selectors.certificate_type_list


class CertificateViewSet(ListCreateUpdateViewSet):
    serializer_class = CertificateSerializer
    policies = {"save": policies.can_edit_certificate, "review": policies.can_review_certificate}
    filterset_fields = ["kind", "type", "holder"]
    search_fields = ["number", "holder__name"]
    selector = selectors.certificate_list
    create_service = services.certificate_create
    update_service = services.certificate_update
    instance_name = "certificate"

    review = ServiceAction(
        services.certificate_review, "certificate", body=ReviewSerializer, reply=CertificateSerializer
    )
