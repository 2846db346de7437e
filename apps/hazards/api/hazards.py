"""Hazards through the API: the ledger with the same visibility as the pages, the closed loop
(report, assign with the rectification plan, rectify, verify) as actions, and the statistics."""

from __future__ import annotations

from django.urls import reverse
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import mixins, parsers, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from apps.core.selectors import attachment_list
from apps.core.viewsets import SelectorMixin, ServiceAction, validated
from apps.hazards import policies, selectors, services
from apps.hazards.api.statistics import statistics_payload
from apps.hazards.models import Hazard, HazardCause, HazardGrade, RectificationMeasureKind
from apps.hazards.services.hazards import PLAN_FIELDS
from apps.org.models import Department


class HazardSerializer(serializers.ModelSerializer):
    department_name = serializers.CharField(source="department.name", read_only=True)
    is_overdue = serializers.BooleanField(read_only=True)
    photos = serializers.SerializerMethodField()

    @extend_schema_field(serializers.ListField(child=serializers.DictField()))
    def get_photos(self, hazard) -> list[dict]:
        """Before and after photos with their download addresses (detail view only)."""
        if not self.context.get("with_photos"):
            return []
        owners = [("before", attachment_list(owner=hazard))]
        if hazard.task_id:
            owners.append(("after", attachment_list(owner=hazard.task)))
        return [
            {"id": a.pk, "when": when, "name": a.original_name, "url": reverse("hazards:photo", args=[hazard.pk, a.pk])}
            for when, qs in owners
            for a in qs
        ]

    class Meta:
        model = Hazard
        fields = [
            "id",
            "code",
            "description",
            "location",
            "department",
            "department_name",
            "category",
            "grade",
            "source",
            "inspection",
            "status",
            "found_on",
            "reporter",
            "risk_l",
            "risk_e",
            "risk_c",
            "risk_d",
            "risk_band",
            *PLAN_FIELDS,
            "plan_safety_measures",
            "plan_emergency",
            "deadline",
            "task",
            "measure_kinds",
            "measures",
            "cost",
            "rectified_on",
            "verified_by",
            "verified_at",
            "is_overdue",
            "created_at",
            "photos",
        ]
        read_only_fields = fields


class ReportSerializer(serializers.Serializer):
    description = serializers.CharField()
    location = serializers.CharField(max_length=200)
    department = serializers.PrimaryKeyRelatedField(queryset=Department.objects.filter(is_active=True))
    category = serializers.ChoiceField(choices=HazardCause.choices)
    found_on = serializers.DateField(required=False)
    photos = serializers.ListField(child=serializers.FileField(), required=False, default=list)


class AssignSerializer(serializers.Serializer):
    department = serializers.PrimaryKeyRelatedField(queryset=Department.objects.filter(is_active=True))
    deadline = serializers.DateField()
    grade = serializers.ChoiceField(choices=HazardGrade.choices)
    risk_l = serializers.DecimalField(max_digits=4, decimal_places=1, required=False, allow_null=True)
    risk_e = serializers.DecimalField(max_digits=4, decimal_places=1, required=False, allow_null=True)
    risk_c = serializers.DecimalField(max_digits=4, decimal_places=1, required=False, allow_null=True)
    plan_goals = serializers.CharField(allow_blank=True, default="")
    plan_methods = serializers.CharField(allow_blank=True, default="")
    plan_resources = serializers.CharField(allow_blank=True, default="")
    plan_organisation = serializers.CharField(allow_blank=True, default="")
    plan_requirements = serializers.CharField(allow_blank=True, default="")
    plan_safety_measures = serializers.CharField(allow_blank=True, default="")
    plan_emergency = serializers.CharField(allow_blank=True, default="")


class RectifySerializer(serializers.Serializer):
    measure_kinds = serializers.ListField(child=serializers.ChoiceField(choices=RectificationMeasureKind.choices))
    measures = serializers.CharField()
    cost = serializers.DecimalField(max_digits=12, decimal_places=2, min_value=0)
    rectified_on = serializers.DateField()
    photos = serializers.ListField(child=serializers.FileField(), required=False, default=list)


class VerifySerializer(serializers.Serializer):
    close = serializers.BooleanField()
    reason = serializers.CharField(required=False, allow_blank=True, default="")


class HazardViewSet(SelectorMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Hazards, with the same visibility as the pages; the closed loop as actions."""

    serializer_class = HazardSerializer
    policies = {
        "read": policies.can_read_hazards,
        "create": policies.can_report_hazard,
        "assign": policies.can_assign_hazard,
        "rectify": policies.can_rectify_hazard,
        "verify": policies.can_verify_hazard,
        "statistics": policies.can_read_statistics,
    }
    parser_classes = [parsers.JSONParser, parsers.MultiPartParser, parsers.FormParser]
    search_fields = ["code", "description", "location"]
    ordering_fields = ["found_on", "deadline", "risk_d"]

    selector = selectors.hazard_list
    list_filters = True

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "with_photos": self.action == "retrieve"}

    def _detail(self, hazard) -> Response:
        hazard = selectors.hazard_list(user=self.request.user).get(pk=hazard.pk)
        return Response(HazardSerializer(hazard, context={"with_photos": True}).data)

    create = ServiceAction(services.hazard_report, body=ReportSerializer, reply=HazardSerializer, created=True)

    @extend_schema(request=AssignSerializer, responses=HazardSerializer)
    @action(detail=True, methods=["post"])
    def assign(self, request, pk=None):
        hazard = self.get_object()
        valid = validated(AssignSerializer, request)
        data = dict(valid)
        plan = {k: data.pop(k) for k in list(data) if k.startswith("plan_")}
        return self._detail(services.hazard_assign(hazard=hazard, user=request.user, plan=plan, **data))

    @extend_schema(request=RectifySerializer, responses=HazardSerializer)
    @action(detail=True, methods=["post"])
    def rectify(self, request, pk=None):
        hazard = self.get_object()
        valid = validated(RectifySerializer, request)
        return self._detail(services.hazard_rectify(hazard=hazard, user=request.user, **valid))

    @extend_schema(request=VerifySerializer, responses=HazardSerializer)
    @action(detail=True, methods=["post"])
    def verify(self, request, pk=None):
        hazard = self.get_object()
        valid = validated(VerifySerializer, request)
        return self._detail(services.hazard_verify(hazard=hazard, user=request.user, **valid))

    @extend_schema(parameters=[OpenApiParameter("year", int), OpenApiParameter("quarter", int)], responses={200: dict})
    @action(detail=False, methods=["get"])
    def statistics(self, request):
        return Response(statistics_payload(user=request.user, params=request.query_params))
