"""Accident reports and near misses: the GB 6441 types, the report with its grade, the
reporting clock and photos; the viewset takes the casualty and investigation actions from their
modules."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import parsers, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from apps.accidents import policies, selectors, services
from apps.accidents.api.casualties import CasualtyActions, CasualtyUpdateSerializer, PersonSerializer
from apps.accidents.api.investigation import AccidentMeasureSerializer, InvestigationActions
from apps.accidents.exporters import basis_text
from apps.accidents.models import Accident, AccidentType
from apps.accidents.services import INVESTIGATION_FIELDS, REPORT_FIELDS
from apps.core.viewsets import ListCreateUpdateViewSet, ServiceAction, fields_with, validated


class AccidentTypeSerializer(serializers.ModelSerializer):
    class Meta:
        model = AccidentType
        fields = ["id", "edition", "code", "name", "name_en"]


class AccidentTypeViewSet(viewsets.ReadOnlyModelViewSet):
    """GB 6441 accident types: the 2025 list for new records, the 1986 list for older ones."""

    queryset = AccidentType.objects.all()
    serializer_class = AccidentTypeSerializer
    filterset_fields = ["edition"]
    pagination_class = None


class AccidentSerializer(serializers.ModelSerializer):
    department_name = serializers.CharField(source="department.name", read_only=True)
    grade_basis = serializers.SerializerMethodField()
    report_deadline = serializers.DateTimeField(read_only=True)
    report_overdue = serializers.BooleanField(read_only=True)
    reported_on_time = serializers.BooleanField(read_only=True)
    investigation_due = serializers.DateField(read_only=True)
    casualty_window_end = serializers.DateField(read_only=True)
    four_no_let_go_missing = serializers.ListField(child=serializers.CharField(), read_only=True)

    class Meta:
        model = Accident
        fields = [
            "id",
            "code",
            *fields_with(REPORT_FIELDS, department="department_name", direct_loss=("grade", "grade_basis")),
            "report_deadline",
            "report_overdue",
            "reported_on_time",
            "casualty_window_end",
            "status",
            *fields_with(INVESTIGATION_FIELDS, report_submitted_on="investigation_due"),
            "four_no_let_go_missing",
            "closed_on",
            "created_at",
            "updated_at",
        ]
        read_only_fields = [
            "code",
            "grade",
            "status",
            "closed_on",
            "created_at",
            "updated_at",
            *INVESTIGATION_FIELDS,  # through its own action
        ]

    def get_grade_basis(self, obj) -> list[str]:
        return list(obj.grade_basis)


class AccidentDetailSerializer(AccidentSerializer):
    people = PersonSerializer(many=True, read_only=True)
    updates = CasualtyUpdateSerializer(many=True, read_only=True)
    measures = AccidentMeasureSerializer(many=True, read_only=True)
    grade_basis_text = serializers.SerializerMethodField()

    class Meta(AccidentSerializer.Meta):
        fields = AccidentSerializer.Meta.fields + ["people", "updates", "measures", "grade_basis_text"]

    def get_grade_basis_text(self, obj) -> str:
        return basis_text(obj.grade_basis)


class ReportTimesSerializer(serializers.Serializer):
    head_told_at = serializers.DateTimeField(required=False, allow_null=True, default=None)
    authority_told_at = serializers.DateTimeField(required=False, allow_null=True, default=None)


class PhotosSerializer(serializers.Serializer):
    files = serializers.ListField(child=serializers.FileField())


# people and casualty-updates come from CasualtyActions; investigation, measures and close
# from InvestigationActions.
class AccidentViewSet(CasualtyActions, InvestigationActions, ListCreateUpdateViewSet):
    """Accident reports and near misses; the reporting clock, casualty updates, people,
    investigation, measures and closing as actions."""

    queryset = Accident.objects.none()
    policies = {
        "read": policies.can_read_accidents,
        **dict.fromkeys(
            ["save", "times", "photos", "people", "casualty_updates", "person_status"], policies.can_report_accident
        ),
        "investigation": policies.can_investigate,
        "measures": policies.can_add_measure,
        "close": policies.can_close_accident,
    }
    parser_classes = [parsers.JSONParser, parsers.MultiPartParser, parsers.FormParser]
    search_fields = ["code", "title", "place"]
    ordering_fields = ["occurred_at", "code"]

    def get_serializer_class(self):
        return AccidentDetailSerializer if self.action == "retrieve" else AccidentSerializer

    def get_queryset(self):
        if self.action == "list":
            return selectors.accident_list(user=self.request.user, filters=self.request.query_params.dict())
        return selectors.accident_detail_list(user=self.request.user)

    create_service = update_service = services.accident_save
    instance_name = "accident"

    def _detail(self, accident):
        accident = selectors.accident_detail_list(user=self.request.user).get(pk=accident.pk)
        return Response(AccidentDetailSerializer(accident).data)

    times = ServiceAction(
        services.accident_report_times,
        "accident",
        body=ReportTimesSerializer,
        reply=AccidentDetailSerializer,
        answer="fresh",
        doc="When the company head and the authority were told (the 1-hour limit).",
    )

    @extend_schema(request={"multipart/form-data": PhotosSerializer}, responses={201: dict})
    @action(detail=True, methods=["post"])
    def photos(self, request, pk=None):
        """Add photos or files to the accident report."""
        accident = self.get_object()
        valid = validated(PhotosSerializer, request)
        names = services.accident_attach(accident=accident, user=request.user, files=valid["files"])
        return Response({"files": names}, status=status.HTTP_201_CREATED)
