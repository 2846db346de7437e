"""The training API: the same records and permissions as the pages.

Department heads read and write for their departments, employees read their own record,
safety managers and leadership read everything; rule sets, courses and certificates are kept
by safety managers.
"""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response

from apps.core.viewsets import ListCreateUpdateViewSet
from apps.org.access import access_for
from apps.org.permissions import DepartmentScoped
from apps.training import importers, selectors, services
from apps.training.models import (
    Attendance,
    Certificate,
    CertificateType,
    Course,
    Reinduction,
    RuleSet,
    RuleSetRow,
    TrainingPlan,
    TrainingPlanItem,
    TrainingSession,
    TrainingSettings,
)


def _everyone(access) -> bool:
    return True


# ------------------------------------------------------------------------------
# Serializers
# ------------------------------------------------------------------------------
class RuleSetRowSerializer(serializers.ModelSerializer):
    class Meta:
        model = RuleSetRow
        fields = ["id", "ruleset", "role", "high_risk", "initial_hours", "annual_hours"]
        read_only_fields = ["id", "ruleset", "role", "high_risk"]


class RuleSetSerializer(serializers.ModelSerializer):
    rows = RuleSetRowSerializer(many=True, read_only=True)

    class Meta:
        model = RuleSet
        fields = ["id", "code", "name", "source", "rows"]
        extra_kwargs = {"code": {"validators": []}}


class TrainingSettingsSerializer(serializers.ModelSerializer):
    class Meta:
        model = TrainingSettings
        fields = ["ruleset", "plan_approver_role", "updated_at"]
        read_only_fields = ["updated_at"]


class CourseSerializer(serializers.ModelSerializer):
    class Meta:
        model = Course
        fields = ["id", "code", "name", "level", "hours", "content", "is_active"]
        extra_kwargs = {"code": {"validators": []}}


class TrainingSessionSerializer(serializers.ModelSerializer):
    course_name = serializers.CharField(source="course.name", read_only=True)
    department_name = serializers.CharField(source="department.name", read_only=True)

    class Meta:
        model = TrainingSession
        fields = [
            "id",
            "course",
            "course_name",
            "department",
            "department_name",
            "level",
            "start_date",
            "end_date",
            "hours",
            "trainer",
            "place",
            "plan_item",
        ]
        extra_kwargs = {"level": {"required": False}, "end_date": {"required": False}}


class AttendanceSerializer(serializers.ModelSerializer):
    employee_no = serializers.CharField(source="employee.employee_no", read_only=True)
    employee_name = serializers.CharField(source="employee.name", read_only=True)
    holder_expired = serializers.BooleanField(read_only=True)
    hours_credited = serializers.DecimalField(
        max_digits=5, decimal_places=1, required=False, allow_null=True
    )
    date = serializers.DateField(required=False, allow_null=True)

    class Meta:
        model = Attendance
        fields = [
            "id",
            "session",
            "employee",
            "employee_no",
            "employee_name",
            "date",
            "level",
            "present",
            "hours_credited",
            "exam_score",
            "passed",
            "holder_expired",
        ]
        read_only_fields = ["id", "level"]
        validators = []  # one person once per session: the service updates instead


class ReinductionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Reinduction
        fields = ["id", "employee", "reason", "since", "note"]


class CertificateTypeSerializer(serializers.ModelSerializer):
    class Meta:
        model = CertificateType
        fields = ["id", "kind", "category_code", "category_name", "code", "name"]


class CertificateSerializer(serializers.ModelSerializer):
    holder_name = serializers.CharField(source="holder.name", read_only=True)
    status = serializers.CharField(read_only=True)

    class Meta:
        model = Certificate
        fields = [
            "id",
            "kind",
            "type",
            "number",
            "holder",
            "holder_name",
            "authority",
            "issued_on",
            "valid_until",
            "next_review_on",
            "reviewed_on",
            "status",
        ]
        read_only_fields = ["id", "kind", "reviewed_on"]
        extra_kwargs = {"valid_until": {"required": False}, "next_review_on": {"required": False}}
        validators = []  # uniqueness is checked by the service's full_clean


class ReviewSerializer(serializers.Serializer):
    reviewed_on = serializers.DateField()


class PlanItemSerializer(serializers.ModelSerializer):
    class Meta:
        model = TrainingPlanItem
        fields = ["id", "course", "month", "hours", "participants"]
        extra_kwargs = {"hours": {"required": False}}


class TrainingPlanSerializer(serializers.ModelSerializer):
    planned = serializers.IntegerField(read_only=True)
    held = serializers.IntegerField(read_only=True)
    items = PlanItemSerializer(many=True, read_only=True)

    class Meta:
        model = TrainingPlan
        fields = [
            "id",
            "department",
            "year",
            "title",
            "note",
            "status",
            "approval_task",
            "approved_at",
            "planned",
            "held",
            "items",
        ]
        read_only_fields = ["id", "status", "approval_task", "approved_at"]
        extra_kwargs = {"title": {"required": False}}
        validators = []


class TrainingPlanUpdateSerializer(TrainingPlanSerializer):
    class Meta(TrainingPlanSerializer.Meta):
        read_only_fields = [*TrainingPlanSerializer.Meta.read_only_fields, "department", "year"]


class ComplianceSerializer(serializers.Serializer):
    employee_id = serializers.IntegerField()
    employee_no = serializers.CharField()
    name = serializers.CharField()
    department_id = serializers.IntegerField()
    department_name = serializers.CharField()
    role = serializers.CharField()
    initial_hours = serializers.DecimalField(max_digits=7, decimal_places=1)
    initial_required = serializers.IntegerField()
    initial_short = serializers.DecimalField(max_digits=7, decimal_places=1)
    annual_hours = serializers.DecimalField(max_digits=7, decimal_places=1)
    annual_required = serializers.IntegerField()
    annual_short = serializers.DecimalField(max_digits=7, decimal_places=1)
    induction_complete = serializers.BooleanField()
    induction_missing = serializers.ListField(child=serializers.CharField())
    has_expired_certificate = serializers.BooleanField()
    is_compliant = serializers.BooleanField()


class ImportResultSerializer(serializers.Serializer):
    created = serializers.IntegerField()
    updated = serializers.IntegerField()


class UploadSerializer(serializers.Serializer):
    file = serializers.FileField()


# ------------------------------------------------------------------------------
# Viewsets
# ------------------------------------------------------------------------------
class RuleSetViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = RuleSetSerializer
    queryset = RuleSet.objects.none()
    permission_classes = [DepartmentScoped]
    read_access = staticmethod(selectors.reads_training)

    def get_queryset(self):
        return selectors.ruleset_list()


class RuleSetRowViewSet(mixins.ListModelMixin, mixins.UpdateModelMixin, viewsets.GenericViewSet):
    """The hours of one role in one rule set; safety managers change them."""

    serializer_class = RuleSetRowSerializer
    queryset = RuleSetRow.objects.none()
    permission_classes = [DepartmentScoped]
    read_access = staticmethod(selectors.reads_training)
    filterset_fields = ["ruleset", "role", "high_risk"]

    def get_queryset(self):
        return RuleSetRow.objects.select_related("ruleset").order_by("ruleset", "role", "high_risk")

    def perform_update(self, serializer):
        serializer.instance = services.ruleset_row_update(
            row=serializer.instance, data=serializer.validated_data, user=self.request.user
        )


class TrainingSettingsViewSet(viewsets.GenericViewSet):
    """Which rule set is in force and who approves plans: one record."""

    serializer_class = TrainingSettingsSerializer
    queryset = TrainingSettings.objects.none()
    permission_classes = [DepartmentScoped]
    read_access = staticmethod(selectors.reads_training)

    @extend_schema(responses=TrainingSettingsSerializer)
    def list(self, request):
        current = selectors.training_settings()
        return Response(TrainingSettingsSerializer(current).data if current else {})

    @extend_schema(request=TrainingSettingsSerializer, responses=TrainingSettingsSerializer)
    @action(detail=False, methods=["put", "patch"], url_path="update")
    def update_settings(self, request):
        serializer = TrainingSettingsSerializer(
            selectors.training_settings(), data=request.data, partial=request.method == "PATCH"
        )
        serializer.is_valid(raise_exception=True)
        current = services.settings_update(data=serializer.validated_data, user=request.user)
        return Response(TrainingSettingsSerializer(current).data)


class CourseViewSet(ListCreateUpdateViewSet):
    serializer_class = CourseSerializer
    queryset = Course.objects.none()
    permission_classes = [DepartmentScoped]
    read_access = staticmethod(selectors.reads_training)
    filterset_fields = ["level", "is_active"]
    search_fields = ["code", "name"]

    def get_queryset(self):
        return selectors.course_list()

    def perform_create(self, serializer):
        serializer.instance = services.course_save(
            data=serializer.validated_data, user=self.request.user
        )

    def perform_update(self, serializer):
        serializer.instance = services.course_save(
            course=serializer.instance, data=serializer.validated_data, user=self.request.user
        )


class TrainingSessionViewSet(ListCreateUpdateViewSet):
    serializer_class = TrainingSessionSerializer
    queryset = TrainingSession.objects.none()
    permission_classes = [DepartmentScoped]
    read_access = staticmethod(selectors.reads_training)
    head_writes = True
    filterset_fields = ["course", "department", "level", "plan_item"]
    search_fields = ["course__name", "trainer", "place"]
    ordering_fields = ["start_date"]

    def get_queryset(self):
        return selectors.session_list(user=self.request.user)

    def perform_create(self, serializer):
        serializer.instance = services.session_create(
            data=serializer.validated_data, user=self.request.user
        )

    def perform_update(self, serializer):
        serializer.instance = services.session_update(
            session=serializer.instance, data=serializer.validated_data, user=self.request.user
        )

    @extend_schema(
        request={"multipart/form-data": UploadSerializer}, responses=ImportResultSerializer
    )
    @action(
        detail=True,
        methods=["post"],
        url_path="import-sign-in",
        parser_classes=[MultiPartParser, FormParser],
    )
    def import_sign_in(self, request, pk=None):
        """Import the session's sign-in sheet (xlsx): all or nothing, every bad row named."""
        body = UploadSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        result = importers.attendance_import(
            session=self.get_object(), upload=body.validated_data["file"], user=request.user
        )
        return Response(ImportResultSerializer(result).data)


class AttendanceViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """Attendance: everyone reads their own, heads their departments'. POST records or
    corrects one person's attendance of a session."""

    serializer_class = AttendanceSerializer
    queryset = Attendance.objects.none()
    permission_classes = [DepartmentScoped]
    read_access = staticmethod(_everyone)
    head_writes = True
    filterset_fields = ["session", "employee", "level", "present"]

    def get_queryset(self):
        return selectors.attendance_list(user=self.request.user)

    def perform_create(self, serializer):
        data = serializer.validated_data
        serializer.instance = services.attendance_record(
            session=data["session"],
            employee=data["employee"],
            user=self.request.user,
            present=data.get("present", True),
            hours_credited=data.get("hours_credited"),
            exam_score=data.get("exam_score"),
            passed=data.get("passed"),
            date=data.get("date"),
        )
        serializer.instance.holder_expired = False


class ReinductionViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    serializer_class = ReinductionSerializer
    queryset = Reinduction.objects.none()
    permission_classes = [DepartmentScoped]
    read_access = staticmethod(selectors.reads_training)
    head_writes = True
    filterset_fields = ["employee", "reason"]

    def get_queryset(self):
        return selectors.reinduction_list(user=self.request.user)

    def perform_create(self, serializer):
        serializer.instance = services.reinduction_create(
            data=serializer.validated_data, user=self.request.user
        )


class CertificateTypeViewSet(viewsets.ReadOnlyModelViewSet):
    """特种作业目录 and 特种设备目录."""

    serializer_class = CertificateTypeSerializer
    queryset = CertificateType.objects.none()
    filterset_fields = ["kind", "category_code"]
    search_fields = ["code", "name", "category_name"]

    def get_queryset(self):
        return selectors.certificate_type_list()


class CertificateViewSet(ListCreateUpdateViewSet):
    serializer_class = CertificateSerializer
    queryset = Certificate.objects.none()
    permission_classes = [DepartmentScoped]
    read_access = staticmethod(_everyone)
    filterset_fields = ["kind", "type", "holder"]
    search_fields = ["number", "holder__name"]

    def get_queryset(self):
        return selectors.certificate_list(user=self.request.user)

    def perform_create(self, serializer):
        serializer.instance = services.certificate_create(
            data=serializer.validated_data, user=self.request.user
        )

    def perform_update(self, serializer):
        serializer.instance = services.certificate_update(
            certificate=serializer.instance,
            data=serializer.validated_data,
            user=self.request.user,
        )

    @extend_schema(request=ReviewSerializer, responses=CertificateSerializer)
    @action(detail=True, methods=["post"])
    def review(self, request, pk=None):
        body = ReviewSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        certificate = services.certificate_review(
            certificate=self.get_object(),
            reviewed_on=body.validated_data["reviewed_on"],
            user=request.user,
        )
        return Response(CertificateSerializer(certificate).data)


class TrainingPlanViewSet(ListCreateUpdateViewSet):
    queryset = TrainingPlan.objects.none()
    permission_classes = [DepartmentScoped]
    read_access = staticmethod(selectors.reads_training)
    head_writes = True
    filterset_fields = ["year", "department", "status"]

    def get_queryset(self):
        return selectors.plan_list(user=self.request.user).prefetch_related("items")

    def get_serializer_class(self):
        if self.action in ("update", "partial_update"):
            return TrainingPlanUpdateSerializer
        return TrainingPlanSerializer

    def _fresh(self, plan) -> dict:
        return TrainingPlanSerializer(self.get_queryset().get(pk=plan.pk)).data

    def create(self, request, *args, **kwargs):
        serializer = TrainingPlanSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        plan = services.plan_create(data=serializer.validated_data, user=request.user)
        return Response(self._fresh(plan), status=status.HTTP_201_CREATED)

    def perform_update(self, serializer):
        serializer.instance = services.plan_update(
            plan=serializer.instance, data=serializer.validated_data, user=self.request.user
        )

    @extend_schema(request=PlanItemSerializer, responses=TrainingPlanSerializer)
    @action(detail=True, methods=["post"])
    def items(self, request, pk=None):
        """Add a planned course to a draft (or rejected) plan."""
        plan = self.get_object()
        body = PlanItemSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        services.plan_item_save(plan=plan, data=body.validated_data, user=request.user)
        return Response(self._fresh(plan), status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses=TrainingPlanSerializer)
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        plan = services.plan_submit(plan=self.get_object(), user=request.user)
        return Response(self._fresh(plan))


class ComplianceViewSet(viewsets.GenericViewSet):
    """Each person's hours and induction against the rule set in force. Employees get their
    own row; heads their departments'; safety managers and leadership everyone."""

    serializer_class = ComplianceSerializer
    queryset = TrainingSession.objects.none()  # no model: rows are computed
    filter_backends: list = []

    @extend_schema(
        parameters=[
            OpenApiParameter("department", int, description="Department (with its subtree)"),
            OpenApiParameter("short", str, description="1: only people short of something"),
            OpenApiParameter("q", str, description="Name or employee number"),
        ],
        responses=ComplianceSerializer(many=True),
    )
    def list(self, request):
        access_for(request.user)  # computed once and cached for the selectors
        rows = selectors.compliance_rows(user=request.user, filters=request.query_params.dict())
        page = self.paginate_queryset(rows)
        return self.get_paginated_response(ComplianceSerializer(page, many=True).data)
