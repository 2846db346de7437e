"""API of the duty documents: create, revise (a new version) and the yearly review."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.response import Response

from apps.core.viewsets import ListCreateViewSet, ServiceAction, validated
from apps.responsibility import policies, selectors, services
from apps.responsibility.models import DutyDocument, ReviewResult


class DutyDocumentSerializer(serializers.ModelSerializer):
    class Meta:
        model = DutyDocument
        fields = ["id", "scope", "department", "position", "title", "version", "content", "effective_on", "is_current"]
        read_only_fields = ["version", "is_current"]


class DutyReviewInputSerializer(serializers.Serializer):
    year = serializers.IntegerField(min_value=2000, max_value=2100)
    result = serializers.ChoiceField(choices=ReviewResult.choices)
    notes = serializers.CharField(required=False, allow_blank=True, default="")


class DutyViewSet(ListCreateViewSet):
    """Duty documents; `revise` makes a new version, `review` records the yearly review."""

    serializer_class = DutyDocumentSerializer
    policies = {
        "read": policies.can_read_duties,
        "create": policies.can_write_duties,
        "revise": policies.can_revise_duty,
        "review": policies.can_write_duties,
    }

    def get_queryset(self):
        return selectors.duty_list(user=self.request.user, filters={"current": "0"})

    create_service = services.duty_save

    revise = ServiceAction(
        services.duty_save,
        "previous",
        body=DutyDocumentSerializer,
        reply=DutyDocumentSerializer,
        as_data=True,
        created=True,
    )

    @extend_schema(request=DutyReviewInputSerializer, responses={201: dict})
    @action(detail=True, methods=["post"])
    def review(self, request, pk=None):
        document = self.get_object()
        valid = validated(DutyReviewInputSerializer, request)
        review = services.duty_review(document=document, user=request.user, **valid)
        return Response({"id": review.pk, "year": review.year, "result": review.result}, status=status.HTTP_201_CREATED)
