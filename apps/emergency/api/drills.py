"""Drills held, their evaluation and improvements."""

from __future__ import annotations

from rest_framework import parsers, serializers

from apps.core.viewsets import ListCreateViewSet, ReadOnlyViewSet, ServiceAction
from apps.emergency import selectors, services
from apps.emergency.api._common import READS, RECORD_WRITES
from apps.emergency.models import Drill, Improvement
from apps.emergency.policies import can_evaluate_drill, can_report_drill
from apps.emergency.services.drills import DRILL_FIELDS
from apps.org.models import Department


class ImprovementSerializer(serializers.ModelSerializer):
    task_status = serializers.CharField(source="task.status", read_only=True, default=None)

    class Meta:
        model = Improvement
        fields = ["id", "drill", "description", "department", "due_date", "task", "task_status"]
        read_only_fields = ["drill", "task"]


class DrillSerializer(serializers.ModelSerializer):
    improvements = ImprovementSerializer(many=True, read_only=True)
    on_time = serializers.BooleanField(read_only=True, allow_null=True)

    class Meta:
        model = Drill
        fields = [
            "id",
            *DRILL_FIELDS,
            "due_on",
            "on_time",
            "recorded_by",
            "reported_on",
            "evaluated_on",
            "worked_well",
            "problems_found",
            "conclusion",
            "improvements",
            "created_at",
        ]
        read_only_fields = [
            "due_on",
            "recorded_by",
            "reported_on",
            "evaluated_on",
            "worked_well",
            "problems_found",
            "conclusion",
            "created_at",
        ]

    def get_fields(self):
        fields = super().get_fields()
        request = self.context.get("request")
        if request is not None and "plan" in fields and not fields["plan"].read_only:
            # Only the plans the user may drill are accepted (the service says why otherwise).
            fields["plan"].queryset = selectors.drillable_plans(user=request.user)
        return fields


class ImprovementInputSerializer(serializers.Serializer):
    description = serializers.CharField()
    department = serializers.PrimaryKeyRelatedField(queryset=Department.objects.all())
    due_date = serializers.DateField()


class DrillEvaluationSerializer(serializers.Serializer):
    evaluated_on = serializers.DateField()
    worked_well = serializers.CharField()
    problems_found = serializers.CharField(required=False, allow_blank=True, default="")
    conclusion = serializers.CharField(required=False, allow_blank=True, default="")
    improvements = ImprovementInputSerializer(many=True, required=False, default=list)


class DrillReportSerializer(serializers.Serializer):
    reported_on = serializers.DateField()


class DrillViewSet(ListCreateViewSet):
    """Drills held; the evaluation (with improvements raised as tasks) and the report to the
    authority as actions."""

    serializer_class = DrillSerializer
    policies = {**READS, **RECORD_WRITES, "evaluate": can_evaluate_drill, "report": can_report_drill}
    parser_classes = [parsers.JSONParser, parsers.MultiPartParser, parsers.FormParser]

    def get_queryset(self):
        params = self.request.query_params.dict() if self.action == "list" else None
        return selectors.drill_list(user=self.request.user, filters=params).prefetch_related("improvements__task")

    create_service = services.drill_record

    def service_arguments(self, data, instance=None):
        return {**super().service_arguments(data), "files": self.request.FILES.getlist("files")}

    evaluate = ServiceAction(
        services.drill_evaluate, "drill", body=DrillEvaluationSerializer, reply=DrillSerializer, answer="fresh"
    )
    # 生产安全事故应急条例 第八条: the drill reported to the authority.
    report = ServiceAction(
        services.drill_report, "drill", body=DrillReportSerializer, reply=DrillSerializer, answer="fresh"
    )


class ImprovementViewSet(ReadOnlyViewSet):
    serializer_class = ImprovementSerializer
    policies = READS
    filterset_fields = ["drill", "department"]
    selector = selectors.improvement_list
