"""The investigation of an accident, its measures as tasks, and closing it (四不放过)."""

from __future__ import annotations

from drf_spectacular.helpers import lazy_serializer
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.decorators import action

from apps.accidents import services
from apps.accidents.models import Accident, AccidentMeasureKind, Measure
from apps.core.viewsets import ServiceAction, validated
from apps.org.models import Department


class AccidentMeasureSerializer(serializers.ModelSerializer):
    title = serializers.CharField(source="task.title", read_only=True)
    department = serializers.IntegerField(source="task.department_id", read_only=True)
    due_date = serializers.DateField(source="task.due_date", read_only=True)
    task_status = serializers.CharField(source="task.status", read_only=True)

    class Meta:
        model = Measure
        fields = ["id", "kind", "task", "title", "department", "due_date", "task_status"]


class AccidentMeasureCreateSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=AccidentMeasureKind.choices)
    title = serializers.CharField(max_length=150)
    department = serializers.PrimaryKeyRelatedField(queryset=Department.objects.all())
    due_date = serializers.DateField()
    description = serializers.CharField(required=False, allow_blank=True, default="")


class InvestigationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Accident
        fields = list(services.INVESTIGATION_FIELDS)


# The answer of investigation and close in the schema: AccidentDetailSerializer, named by its path
# because apps.accidents.api.reports (which shows the measures with the serializer above) imports
# this module.
AccidentDetail = lazy_serializer("apps.accidents.api.reports.AccidentDetailSerializer")()


class InvestigationActions:
    """The `investigation`, `measures` and `close` actions of AccidentViewSet, which answers
    with the accident's details (`_detail`)."""

    @extend_schema(request=InvestigationSerializer, responses=AccidentDetail)
    @action(detail=True, methods=["post"])
    def investigation(self, request, pk=None):
        accident = self.get_object()
        data = validated(InvestigationSerializer, request, accident, partial=True)
        services.investigation_save(accident=accident, data=data, user=request.user)
        return self._detail(accident)

    measures = ServiceAction(
        services.measure_add,
        "accident",
        body=AccidentMeasureCreateSerializer,
        reply=AccidentMeasureSerializer,
        created=True,
        doc="A corrective or preventive measure as a task of the responsible department.",
    )

    @extend_schema(request=None, responses=AccidentDetail)
    @action(detail=True, methods=["post"])
    def close(self, request, pk=None):
        """Close the accident: refused, naming what is missing, until 四不放过 is complete."""
        accident = self.get_object()
        services.accident_close(accident=accident, user=request.user)
        return self._detail(accident)
