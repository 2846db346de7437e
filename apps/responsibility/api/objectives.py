"""API of the yearly objectives, their department targets and the year-end department
assessments."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from apps.core.viewsets import ListCreateUpdateViewSet, ServiceAction
from apps.org.models import Department
from apps.responsibility import policies, selectors, services
from apps.responsibility.api._common import _year
from apps.responsibility.models import DepartmentAssessment, DepartmentTarget, Objective
from apps.responsibility.services.objectives import OBJECTIVE_FIELDS


class DepartmentTargetSerializer(serializers.ModelSerializer):
    department_name = serializers.CharField(source="department.name", read_only=True)
    met = serializers.BooleanField(read_only=True, allow_null=True)

    class Meta:
        model = DepartmentTarget
        fields = ["id", "objective", "department", "department_name", "target", "actual", "met"]


class ObjectiveSerializer(serializers.ModelSerializer):
    class Meta:
        model = Objective
        fields = ["id", *OBJECTIVE_FIELDS]


class ObjectiveViewSet(ListCreateUpdateViewSet):
    """Yearly objectives; `GET .../status/?year=` gives actual values (live where an indicator
    key names an evidence indicator) and the split."""

    queryset = Objective.objects.all()
    serializer_class = ObjectiveSerializer
    policies = {"read": policies.can_read_objectives, "save": policies.can_edit_objective}
    filterset_fields = ["year"]
    create_service = update_service = services.objective_save
    instance_name = "objective"

    @extend_schema(parameters=[OpenApiParameter("year", int)], responses={200: dict})
    @action(detail=False, methods=["get"])
    def status(self, request):
        rows = selectors.objective_rows(year=_year(request), user=request.user)
        return Response(
            [
                {
                    **ObjectiveSerializer(r.objective).data,
                    "actual": r.actual,
                    "live": r.live,
                    "met": r.met,
                    "targets": DepartmentTargetSerializer(r.targets, many=True).data,
                }
                for r in rows
            ]
        )


class DepartmentTargetInputSerializer(serializers.Serializer):
    objective = serializers.PrimaryKeyRelatedField(queryset=Objective.objects.all())
    department = serializers.PrimaryKeyRelatedField(queryset=Department.objects.filter(is_active=True))
    target = serializers.DecimalField(max_digits=14, decimal_places=2)
    actual = serializers.DecimalField(max_digits=14, decimal_places=2, required=False, allow_null=True)


class TargetViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Department targets; POST sets one (safety managers split, heads record actuals)."""

    queryset = DepartmentTarget.objects.none()
    serializer_class = DepartmentTargetSerializer
    policies = {"read": policies.can_read_objectives, "create": policies.can_work_on_targets}

    def get_queryset(self):
        return selectors.target_list(user=self.request.user, year=_year(self.request))

    create = ServiceAction(
        services.target_set, body=DepartmentTargetInputSerializer, reply=DepartmentTargetSerializer, created=True
    )


class DepartmentAssessmentSerializer(serializers.ModelSerializer):
    department_name = serializers.CharField(source="department.name", read_only=True)

    class Meta:
        model = DepartmentAssessment
        fields = [
            "id",
            "year",
            "department",
            "department_name",
            "targets_met",
            "targets_total",
            "passed",
            "comment",
            "status",
            "approval_task",
            "approved_at",
        ]
        read_only_fields = fields


class DepartmentAssessmentInputSerializer(serializers.Serializer):
    year = serializers.IntegerField(min_value=2000, max_value=2100)
    department = serializers.PrimaryKeyRelatedField(queryset=Department.objects.filter(is_active=True))
    comment = serializers.CharField(required=False, allow_blank=True, default="")


class DepartmentAssessmentViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Year-end department assessments; POST submits one for leadership's sign-off."""

    queryset = DepartmentAssessment.objects.none()
    serializer_class = DepartmentAssessmentSerializer
    policies = {"read": policies.can_read_objectives, "create": policies.can_assess_objectives}

    def get_queryset(self):
        return selectors.assessment_list(user=self.request.user, year=_year(self.request))

    create = ServiceAction(
        services.assessment_submit,
        body=DepartmentAssessmentInputSerializer,
        reply=DepartmentAssessmentSerializer,
        created=True,
    )
