from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from apps.assessment import policies, selectors, services
from apps.assessment.models import Assessment, Finding, NonConformity
from apps.core.viewsets import ListCreateUpdateViewSet, ServiceAction, ServiceMixin, fields_as_keywords


class AssessmentSerializer(serializers.ModelSerializer):
    class Meta:
        model = Assessment
        fields = [
            "id",
            "standard",
            "year",
            "kind",
            "leader",
            "team",
            "status",
            "started_on",
            "submitted_at",
            "approved_at",
            "approval_task",
            "method",
            "conclusion",
            "fatalities",
            "fatality_limit",
            "larger_or_worse_accident",
            "score",
            "level",
            "awarded_level",
            "awarded_on",
        ]
        read_only_fields = [
            "status",
            "started_on",
            "submitted_at",
            "approved_at",
            "approval_task",
            "score",
            "level",
            "awarded_level",
            "awarded_on",
        ]


class AssessmentUpdateSerializer(AssessmentSerializer):
    class Meta(AssessmentSerializer.Meta):
        read_only_fields = [*AssessmentSerializer.Meta.read_only_fields, "standard"]


class FindingSerializer(serializers.ModelSerializer):
    code = serializers.CharField(source="item.code", read_only=True)
    points = serializers.DecimalField(source="item.points", max_digits=7, decimal_places=1, read_only=True)
    earned = serializers.DecimalField(max_digits=7, decimal_places=1, read_only=True)

    class Meta:
        model = Finding
        fields = [
            "id",
            "assessment",
            "item",
            "code",
            "points",
            "scored",
            "applicable",
            "deduction",
            "veto_failed",
            "reason",
            "department",
            "suggested_deduction",
            "indicator_value",
            "assessor",
            "earned",
        ]
        read_only_fields = ["assessment", "item", "scored", "suggested_deduction", "indicator_value", "assessor"]


class ElementScoreSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    points = serializers.DecimalField(max_digits=7, decimal_places=1)
    not_applicable = serializers.DecimalField(max_digits=7, decimal_places=1)
    earned = serializers.DecimalField(max_digits=7, decimal_places=1)
    percent = serializers.DecimalField(max_digits=5, decimal_places=1, allow_null=True)
    scored = serializers.IntegerField()
    total = serializers.IntegerField()


class SummarySerializer(serializers.Serializer):
    scored = serializers.IntegerField()
    total = serializers.IntegerField()
    earned = serializers.DecimalField(max_digits=8, decimal_places=1, source="result.earned")
    applicable_full = serializers.DecimalField(max_digits=8, decimal_places=1, source="result.applicable_full")
    score = serializers.DecimalField(max_digits=5, decimal_places=1, source="result.score", allow_null=True)
    score_level = serializers.IntegerField(source="result.score_level", allow_null=True)
    final_level = serializers.IntegerField(allow_null=True)
    veto_failed = serializers.ListField(child=serializers.CharField(), source="result.veto_failed")
    below_min_share = serializers.ListField(child=serializers.CharField(), source="result.below_min_share")
    gate = serializers.DictField()
    elements = ElementScoreSerializer(many=True)


class NonConformitySerializer(serializers.ModelSerializer):
    code = serializers.CharField(source="finding.item.code", read_only=True)

    class Meta:
        model = NonConformity
        fields = ["id", "assessment", "code", "group", "description", "requirement", "department", "task"]
        read_only_fields = fields


_SET_LATER = ("conclusion", "fatalities", "larger_or_worse_accident")


class AssessmentViewSet(ListCreateUpdateViewSet):
    """Self-assessments: read by safety managers and leadership, run by safety managers."""

    queryset = Assessment.objects.none()
    policies = {
        "read": policies.can_read_assessment,
        "create": policies.can_create_assessment,
        **dict.fromkeys(["update", "submit", "suggest"], policies.can_run_assessment),
    }
    filterset_fields = ["year", "status", "kind", "standard"]
    selector = selectors.assessment_list

    def get_serializer_class(self):
        if self.action in ("update", "partial_update"):
            return AssessmentUpdateSerializer
        return AssessmentSerializer

    create_service = fields_as_keywords(services.assessment_create)
    update_service = services.assessment_update
    instance_name = "assessment"

    def service_arguments(self, data, instance=None):
        if instance is None:  # the gate fields are set on the assessment later, not on opening
            data = {k: v for k, v in data.items() if k not in _SET_LATER}
        return super().service_arguments(data, instance)

    @extend_schema(responses=SummarySerializer)
    @action(detail=True, methods=["get"])
    def summary(self, request, pk=None):
        return Response(SummarySerializer(selectors.summary(self.get_object(), with_previous=False)).data)

    submit = ServiceAction(services.assessment_submit, "assessment", reply=AssessmentSerializer)
    suggest = ServiceAction(services.findings_suggest, "assessment", reply=AssessmentSerializer, answer="record")

    @extend_schema(responses=NonConformitySerializer(many=True))
    @action(detail=True, methods=["get"])
    def nonconformities(self, request, pk=None):
        rows = NonConformity.objects.filter(assessment=self.get_object()).select_related("finding__item")
        return Response(NonConformitySerializer(rows, many=True).data)


class FindingViewSet(
    ServiceMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.UpdateModelMixin, viewsets.GenericViewSet
):
    """Per-item findings; PATCH one to score it."""

    queryset = Finding.objects.none()
    serializer_class = FindingSerializer
    policies = {"read": policies.can_read_assessment, "update": policies.can_run_assessment}
    filterset_fields = ["assessment", "scored", "applicable"]

    def get_queryset(self):
        visible = selectors.assessment_list(user=self.request.user).values("pk")
        return Finding.objects.filter(assessment_id__in=visible).select_related("item").order_by("item__order")

    update_service = services.finding_score

    def service_arguments(self, data, instance=None):
        """A PATCH scores with the finding's current values for the fields it leaves out."""
        fields = ("applicable", "deduction", "reason", "department", "veto_failed")
        return {"finding": instance, **{f: data.get(f, getattr(instance, f)) for f in fields}}
