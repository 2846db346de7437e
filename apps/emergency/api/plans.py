"""Emergency plans, their filing and evaluations."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import parsers, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from apps.core.viewsets import ServiceMixin, validated
from apps.emergency import selectors, services
from apps.emergency.api._common import _WRITABLE, READS
from apps.emergency.models import Evaluation, EvaluationResult, Plan
from apps.emergency.policies import can_edit_plan, can_evaluate_plan, can_file_plan, can_read_emergency


class EmergencyPlanSerializer(serializers.ModelSerializer):
    department_name = serializers.CharField(source="department.name", read_only=True)
    filing_due = serializers.DateField(read_only=True)
    evaluation_due = serializers.DateField(read_only=True)
    is_filing_overdue = serializers.BooleanField(read_only=True)
    is_evaluation_overdue = serializers.BooleanField(read_only=True)
    is_drill_overdue = serializers.BooleanField(read_only=True)

    class Meta:
        model = Plan
        fields = [
            "id",
            "code",
            "title",
            "kind",
            "version",
            "published_on",
            "department",
            "department_name",
            "owner",
            "scope",
            "filed_on",
            "filing_number",
            "filing_due",
            "is_filing_overdue",
            "evaluation_interval_years",
            "last_evaluated_on",
            "evaluation_due",
            "is_evaluation_overdue",
            "last_drill_on",
            "next_drill_due",
            "is_drill_overdue",
            "is_active",
            "created_at",
            "updated_at",
        ]
        # The filing is recorded through the `filing` action, with its checks.
        read_only_fields = ["filed_on", "filing_number", "last_drill_on", "next_drill_due", "created_at", "updated_at"]


class FilingSerializer(serializers.Serializer):
    filed_on = serializers.DateField()
    filing_number = serializers.CharField(max_length=100)


class EvaluationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Evaluation
        fields = [
            "id",
            "plan",
            "evaluated_on",
            "result",
            "findings",
            "revision",
            "new_version",
            "evaluated_by",
            "created_at",
        ]
        read_only_fields = fields


class EvaluationCreateSerializer(serializers.Serializer):
    evaluated_on = serializers.DateField()
    result = serializers.ChoiceField(choices=EvaluationResult.choices)
    findings = serializers.CharField(required=False, allow_blank=True, default="")
    revision = serializers.CharField(required=False, allow_blank=True, default="")
    new_version = serializers.CharField(required=False, allow_blank=True, default="")


class EmergencyPlanViewSet(ServiceMixin, *_WRITABLE):
    """Emergency plans; filing and evaluation as actions. Safety managers write."""

    queryset = Plan.objects.none()
    serializer_class = EmergencyPlanSerializer
    policies = {
        **READS,
        "overdue": can_read_emergency,
        "create": can_edit_plan,
        "update": can_edit_plan,
        "filing": can_file_plan,
        "evaluate": can_evaluate_plan,
    }
    parser_classes = [parsers.JSONParser, parsers.MultiPartParser, parsers.FormParser]
    search_fields = ["code", "title"]
    ordering_fields = ["code", "next_drill_due", "published_on"]

    def get_queryset(self):
        params = self.request.query_params.dict() if self.action == "list" else None
        return selectors.plan_list(user=self.request.user, filters=params)

    create_service = update_service = services.emergency_plan_save
    instance_name = "plan"

    def service_arguments(self, data, instance=None):
        """The uploaded plan documents are attached when the plan is created."""
        arguments = super().service_arguments(data, instance)
        if instance is None:
            arguments["files"] = self.request.FILES.getlist("files")
        return arguments

    @extend_schema(request=FilingSerializer, responses=EmergencyPlanSerializer)
    @action(detail=True, methods=["post"])
    def filing(self, request, pk=None):
        """Filed with the authority: date and number."""
        plan = self.get_object()
        valid = validated(FilingSerializer, request)
        plan = services.plan_file(plan=plan, user=request.user, **valid)
        return Response(EmergencyPlanSerializer(plan).data)

    @extend_schema(request=EvaluationCreateSerializer, responses=EvaluationSerializer)
    @action(detail=True, methods=["post"])
    def evaluate(self, request, pk=None):
        """A periodic evaluation; a revision gives the plan its new version."""
        plan = self.get_object()
        valid = validated(EvaluationCreateSerializer, request)
        evaluation = services.plan_evaluate(plan=plan, user=request.user, **valid)
        return Response(EvaluationSerializer(evaluation).data, status=status.HTTP_201_CREATED)

    @action(detail=False, methods=["get"])
    def overdue(self, request):
        """Plans in force whose next drill is past due."""
        page = self.paginate_queryset(selectors.overdue_plans(user=request.user))
        return self.get_paginated_response(EmergencyPlanSerializer(page, many=True).data)


class EvaluationViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Evaluation.objects.none()
    serializer_class = EvaluationSerializer
    policies = READS
    filterset_fields = ["plan", "result"]

    def get_queryset(self):
        return selectors.evaluation_list(user=self.request.user)
