"""Emergency plans, their filing and evaluations."""

from __future__ import annotations

from rest_framework import parsers, serializers
from rest_framework.decorators import action

from apps.core.viewsets import ListCreateUpdateViewSet, ReadOnlyViewSet, ServiceAction, fields_with
from apps.emergency import selectors, services
from apps.emergency.api._common import READS
from apps.emergency.models import Evaluation, EvaluationResult, Plan
from apps.emergency.policies import can_edit_plan, can_evaluate_plan, can_file_plan
from apps.emergency.services import PLAN_FIELDS


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
            *fields_with(
                PLAN_FIELDS,
                department="department_name",
                scope=("filed_on", "filing_number", "filing_due", "is_filing_overdue"),
                last_evaluated_on=(
                    "evaluation_due",
                    "is_evaluation_overdue",
                    "last_drill_on",
                    "next_drill_due",
                    "is_drill_overdue",
                ),
            ),
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


class EmergencyPlanViewSet(ListCreateUpdateViewSet):
    """Emergency plans; filing and evaluation as actions. Safety managers write."""

    serializer_class = EmergencyPlanSerializer
    policies = {**READS, "save": can_edit_plan, "filing": can_file_plan, "evaluate": can_evaluate_plan}
    parser_classes = [parsers.JSONParser, parsers.MultiPartParser, parsers.FormParser]
    search_fields = ["code", "title"]
    ordering_fields = ["code", "next_drill_due", "published_on"]
    selector = selectors.plan_list
    list_filters = True
    create_service = update_service = services.emergency_plan_save
    instance_name = "plan"

    def service_arguments(self, data, instance=None):
        """The uploaded plan documents are attached when the plan is created."""
        arguments = super().service_arguments(data, instance)
        if instance is None:
            arguments["files"] = self.request.FILES.getlist("files")
        return arguments

    filing = ServiceAction(
        services.plan_file,
        "plan",
        body=FilingSerializer,
        reply=EmergencyPlanSerializer,
        doc="Filed with the authority: date and number.",
    )
    evaluate = ServiceAction(
        services.plan_evaluate,
        "plan",
        body=EvaluationCreateSerializer,
        reply=EvaluationSerializer,
        created=True,
        doc="A periodic evaluation; a revision gives the plan its new version.",
    )

    @action(detail=False, methods=["get"])
    def overdue(self, request):
        """Plans in force whose next drill is past due."""
        page = self.paginate_queryset(selectors.overdue_plans(user=request.user))
        return self.get_paginated_response(EmergencyPlanSerializer(page, many=True).data)


class EvaluationViewSet(ReadOnlyViewSet):
    serializer_class = EvaluationSerializer
    policies = READS
    filterset_fields = ["plan", "result"]
    selector = selectors.evaluation_list
