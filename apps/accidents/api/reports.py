from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, parsers, permissions, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from apps.accidents import selectors, services
from apps.accidents.exporters import basis_text
from apps.accidents.models import (
    Accident,
    AccidentMeasureKind,
    AccidentType,
    CasualtyUpdate,
    Lesson,
    ManHours,
    Measure,
    Person,
    Severity,
)
from apps.org.models import Department, Employee
from apps.org.permissions import DepartmentScoped, reads_org


class AccidentTypeSerializer(serializers.ModelSerializer):
    class Meta:
        model = AccidentType
        fields = ["id", "edition", "code", "name", "name_en"]


class AccidentTypeViewSet(viewsets.ReadOnlyModelViewSet):
    """GB 6441 accident types: the 2025 list for new records, the 1986 list for older ones."""

    queryset = AccidentType.objects.all()
    serializer_class = AccidentTypeSerializer
    permission_classes = [permissions.IsAuthenticated]
    filterset_fields = ["edition"]
    pagination_class = None


class PersonSerializer(serializers.ModelSerializer):
    class Meta:
        model = Person
        fields = ["id", "employee", "name", "severity", "lost_workdays", "note"]
        read_only_fields = ["id"]
        extra_kwargs = {"name": {"required": False, "allow_blank": True}}


class CasualtyUpdateSerializer(serializers.ModelSerializer):
    class Meta:
        model = CasualtyUpdate
        fields = [
            "id",
            "reported_on",
            "deaths",
            "serious_injuries",
            "minor_injuries",
            "note",
            "applied",
            "grade_before",
            "grade_after",
        ]
        read_only_fields = ["id", "applied", "grade_before", "grade_after"]


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
            "title",
            "occurred_at",
            "place",
            "department",
            "department_name",
            "accident_type",
            "is_near_miss",
            "road_traffic",
            "deaths",
            "serious_injuries",
            "minor_injuries",
            "direct_loss",
            "grade",
            "grade_basis",
            "account",
            "immediate_measures",
            "head_told_at",
            "authority_told_at",
            "report_deadline",
            "report_overdue",
            "reported_on_time",
            "casualty_window_end",
            "status",
            "investigation_team",
            "direct_causes",
            "indirect_causes",
            "responsibility_findings",
            "handling_opinions",
            "extension_days",
            "extension_reason",
            "report_submitted_on",
            "investigation_due",
            "cause_found",
            "responsible_handled",
            "staff_educated",
            "measures_taken",
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
            # The investigation goes through its own action.
            "investigation_team",
            "direct_causes",
            "indirect_causes",
            "responsibility_findings",
            "handling_opinions",
            "extension_days",
            "extension_reason",
            "report_submitted_on",
            "cause_found",
            "responsible_handled",
            "staff_educated",
            "measures_taken",
        ]

    def get_grade_basis(self, obj) -> list[str]:
        return list(obj.grade_basis)


class AccidentDetailSerializer(AccidentSerializer):
    people = PersonSerializer(many=True, read_only=True)
    updates = CasualtyUpdateSerializer(many=True, read_only=True)
    measures = AccidentMeasureSerializer(many=True, read_only=True)
    grade_basis_text = serializers.SerializerMethodField()

    class Meta(AccidentSerializer.Meta):
        fields = AccidentSerializer.Meta.fields + [
            "people",
            "updates",
            "measures",
            "grade_basis_text",
        ]

    def get_grade_basis_text(self, obj) -> str:
        return basis_text(obj.grade_basis)


class InvestigationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Accident
        fields = list(services.INVESTIGATION_FIELDS)


class ReportTimesSerializer(serializers.Serializer):
    head_told_at = serializers.DateTimeField(required=False, allow_null=True, default=None)
    authority_told_at = serializers.DateTimeField(required=False, allow_null=True, default=None)


class PhotosSerializer(serializers.Serializer):
    files = serializers.ListField(child=serializers.FileField())


class AccidentViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Accident reports and near misses; the reporting clock, casualty updates, people,
    investigation, measures and closing as actions."""

    queryset = Accident.objects.none()
    permission_classes = [DepartmentScoped]
    read_access = staticmethod(reads_org)
    head_writes = True
    parser_classes = [parsers.JSONParser, parsers.MultiPartParser, parsers.FormParser]
    search_fields = ["code", "title", "place"]
    ordering_fields = ["occurred_at", "code"]

    def get_serializer_class(self):
        return AccidentDetailSerializer if self.action == "retrieve" else AccidentSerializer

    def get_queryset(self):
        if self.action == "list":
            return selectors.accident_list(
                user=self.request.user, filters=self.request.query_params.dict()
            )
        return selectors.accident_detail_list(user=self.request.user)

    def perform_create(self, serializer):
        serializer.instance = services.accident_save(
            data=serializer.validated_data, user=self.request.user
        )

    def perform_update(self, serializer):
        serializer.instance = services.accident_save(
            accident=serializer.instance, data=serializer.validated_data, user=self.request.user
        )

    def _detail(self, accident):
        accident = selectors.accident_detail_list(user=self.request.user).get(pk=accident.pk)
        return Response(AccidentDetailSerializer(accident).data)

    @extend_schema(request=ReportTimesSerializer, responses=AccidentDetailSerializer)
    @action(detail=True, methods=["post"])
    def times(self, request, pk=None):
        """When the company head and the authority were told (the 1-hour limit)."""
        accident = self.get_object()
        body = ReportTimesSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        services.accident_report_times(accident=accident, user=request.user, **body.validated_data)
        return self._detail(accident)

    @extend_schema(request=PersonSerializer, responses=PersonSerializer)
    @action(detail=True, methods=["post"])
    def people(self, request, pk=None):
        accident = self.get_object()
        body = PersonSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        person = services.person_add(
            accident=accident,
            user=request.user,
            name=data.get("name", ""),
            severity=data.get("severity", Severity.NONE),
            employee=data.get("employee"),
            lost_workdays=data.get("lost_workdays", 0),
            note=data.get("note", ""),
        )
        return Response(PersonSerializer(person).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=CasualtyUpdateSerializer, responses=CasualtyUpdateSerializer)
    @action(detail=True, methods=["post"], url_path="casualty-updates")
    def casualty_updates(self, request, pk=None):
        """A change in casualties: regrades within 30 days (7 for road traffic and fire);
        later ones are recorded with `applied` false."""
        accident = self.get_object()
        body = CasualtyUpdateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        update = services.casualty_update(
            accident=accident, user=request.user, **body.validated_data
        )
        data = CasualtyUpdateSerializer(update).data
        if not update.applied:
            data["message"] = services.late_update_message(accident)
        return Response(data, status=status.HTTP_201_CREATED)

    @extend_schema(request=InvestigationSerializer, responses=AccidentDetailSerializer)
    @action(detail=True, methods=["post"])
    def investigation(self, request, pk=None):
        accident = self.get_object()
        body = InvestigationSerializer(accident, data=request.data, partial=True)
        body.is_valid(raise_exception=True)
        services.investigation_save(accident=accident, data=body.validated_data, user=request.user)
        return self._detail(accident)

    @extend_schema(request=AccidentMeasureCreateSerializer, responses=AccidentMeasureSerializer)
    @action(detail=True, methods=["post"])
    def measures(self, request, pk=None):
        """A corrective or preventive measure as a task of the responsible department."""
        accident = self.get_object()
        body = AccidentMeasureCreateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        measure = services.measure_add(accident=accident, user=request.user, **body.validated_data)
        return Response(AccidentMeasureSerializer(measure).data, status=status.HTTP_201_CREATED)

    @extend_schema(request={"multipart/form-data": PhotosSerializer}, responses={201: dict})
    @action(detail=True, methods=["post"])
    def photos(self, request, pk=None):
        """Add photos or files to the accident report."""
        accident = self.get_object()
        body = PhotosSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        names = services.accident_attach(
            accident=accident, user=request.user, files=body.validated_data["files"]
        )
        return Response({"files": names}, status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses=AccidentDetailSerializer)
    @action(detail=True, methods=["post"])
    def close(self, request, pk=None):
        """Close the accident: refused, naming what is missing, until 四不放过 is complete."""
        accident = self.get_object()
        services.accident_close(accident=accident, user=request.user)
        return self._detail(accident)


class ManHoursSerializer(serializers.ModelSerializer):
    class Meta:
        model = ManHours
        fields = ["id", "department", "month", "hours", "headcount"]


class ManHoursViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """Monthly hours worked per department; posting a month again replaces it."""

    queryset = ManHours.objects.none()
    serializer_class = ManHoursSerializer
    permission_classes = [DepartmentScoped]
    read_access = staticmethod(reads_org)
    filterset_fields = ["department"]

    def get_queryset(self):
        return selectors.man_hours_list(
            user=self.request.user, filters=self.request.query_params.dict()
        )

    def get_serializer(self, *args, **kwargs):
        serializer = super().get_serializer(*args, **kwargs)
        if hasattr(serializer, "validators"):
            serializer.validators = []  # a repeated month replaces the old figures
        return serializer

    def perform_create(self, serializer):
        serializer.instance = services.man_hours_save(
            user=self.request.user, **serializer.validated_data
        )


class LessonSerializer(serializers.ModelSerializer):
    departments = serializers.PrimaryKeyRelatedField(many=True, queryset=Department.objects.all())
    attendees = serializers.PrimaryKeyRelatedField(
        many=True, queryset=Employee.objects.all(), required=False
    )

    class Meta:
        model = Lesson
        fields = ["id", "accident", "title", "held_on", "content", "departments", "attendees"]


class LessonViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """Case education: an accident's lessons shared with departments, with attendance."""

    queryset = Lesson.objects.none()
    serializer_class = LessonSerializer
    permission_classes = [DepartmentScoped]
    read_access = staticmethod(reads_org)

    def get_queryset(self):
        return selectors.lesson_list(user=self.request.user).prefetch_related("attendees")

    def perform_create(self, serializer):
        serializer.instance = services.lesson_save(
            data=serializer.validated_data, user=self.request.user
        )


class StatisticsViewSet(viewsets.ViewSet):
    """Safety statistics of a year: by month and in total, by type, grade and department.
    TRIR per 200,000 and LTIFR per 1,000,000 hours worked."""

    permission_classes = [DepartmentScoped]
    read_access = staticmethod(reads_org)

    @extend_schema(parameters=[OpenApiParameter("year", int)], responses={200: dict})
    def list(self, request):
        year, refused = selectors.statistics_year(request.query_params.get("year"))
        if refused:
            raise serializers.ValidationError({"year": [refused]})
        stats = selectors.statistics(user=request.user, year=year)

        def period(p):
            return {
                "label": p.label,
                "accidents": p.accidents,
                "near_misses": p.near_misses,
                "deaths": p.deaths,
                "serious_injuries": p.serious,
                "minor_injuries": p.minor,
                "lost_time_injuries": p.lost_time,
                "lost_workdays": p.lost_workdays,
                "direct_loss": p.direct_loss,
                "hours": p.hours,
                "staff": p.staff,
                "trir": p.trir,
                "ltifr": p.ltifr,
                "deaths_per_1000_staff": p.deaths_per_thousand,
                "serious_injuries_per_1000_staff": p.serious_per_thousand,
            }

        return Response(
            {
                "year": year,
                "months": [period(p) for p in stats.months],
                "total": period(stats.total),
                "years": [period(p) for p in stats.years],
                "by_type": stats.by_type,
                "by_grade": [{"grade": r["grade"], "count": r["count"]} for r in stats.by_grade],
                "by_department": [
                    {k: (float(v) if k == "loss" and v is not None else v) for k, v in r.items()}
                    for r in stats.by_department
                ],
            }
        )
