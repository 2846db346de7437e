"""Courses, sessions (with the sign-in sheet import), attendance and repeated inductions."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response

from apps.core.viewsets import ListCreateUpdateViewSet, ListCreateViewSet, fields_with, validated
from apps.training import importers, policies, selectors, services
from apps.training.models import Attendance, Course, Reinduction, TrainingSession
from apps.training.services.sessions import COURSE_FIELDS, SESSION_FIELDS


class CourseSerializer(serializers.ModelSerializer):
    class Meta:
        model = Course
        fields = ["id", *COURSE_FIELDS]
        extra_kwargs = {"code": {"validators": []}}


class TrainingSessionSerializer(serializers.ModelSerializer):
    course_name = serializers.CharField(source="course.name", read_only=True)
    department_name = serializers.CharField(source="department.name", read_only=True)

    class Meta:
        model = TrainingSession
        fields = ["id", *fields_with(SESSION_FIELDS, course="course_name", department="department_name")]
        extra_kwargs = {"level": {"required": False}, "end_date": {"required": False}}


class AttendanceSerializer(serializers.ModelSerializer):
    employee_no = serializers.CharField(source="employee.employee_no", read_only=True)
    employee_name = serializers.CharField(source="employee.name", read_only=True)
    holder_expired = serializers.BooleanField(read_only=True)
    hours_credited = serializers.DecimalField(max_digits=5, decimal_places=1, required=False, allow_null=True)
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


class ImportResultSerializer(serializers.Serializer):
    created = serializers.IntegerField()
    updated = serializers.IntegerField()


class UploadSerializer(serializers.Serializer):
    file = serializers.FileField()


class CourseViewSet(ListCreateUpdateViewSet):
    serializer_class = CourseSerializer
    policies = {"read": policies.can_read_training, "save": policies.can_edit_course}
    filterset_fields = ["level", "is_active"]
    search_fields = ["code", "name"]
    selector = selectors.course_list
    create_service = update_service = services.course_save
    instance_name = "course"


class TrainingSessionViewSet(ListCreateUpdateViewSet):
    serializer_class = TrainingSessionSerializer
    policies = {
        "read": policies.can_read_training,
        "save": policies.can_edit_session,
        "import_sign_in": policies.can_edit_session,
    }
    filterset_fields = ["course", "department", "level", "plan_item"]
    search_fields = ["course__name", "trainer", "place"]
    ordering_fields = ["start_date"]
    selector = selectors.session_list
    create_service = services.session_create
    update_service = services.session_update
    instance_name = "session"

    @extend_schema(request={"multipart/form-data": UploadSerializer}, responses=ImportResultSerializer)
    @action(detail=True, methods=["post"], url_path="import-sign-in", parser_classes=[MultiPartParser, FormParser])
    def import_sign_in(self, request, pk=None):
        """Import the session's sign-in sheet (xlsx): all or nothing, every bad row named."""
        session = self.get_object()  # found and allowed before the upload is read
        valid = validated(UploadSerializer, request)
        result = importers.attendance_import(session=session, upload=valid["file"], user=request.user)
        return Response(ImportResultSerializer(result).data)


class AttendanceViewSet(ListCreateViewSet):
    """Attendance: everyone reads their own, heads their departments'. POST records or
    corrects one person's attendance of a session."""

    serializer_class = AttendanceSerializer
    policies = {"create": policies.can_record_attendance}
    filterset_fields = ["session", "employee", "level", "present"]
    selector = selectors.attendance_list
    create_service = services.attendance_record

    def service_arguments(self, data, instance=None):
        return {
            "session": data["session"],
            "employee": data["employee"],
            "present": data.get("present", True),
            **{f: data.get(f) for f in ("hours_credited", "exam_score", "passed", "date")},
        }

    def service_result(self, attendance):
        attendance.holder_expired = False
        return attendance


class ReinductionViewSet(ListCreateViewSet):
    serializer_class = ReinductionSerializer
    policies = {"read": policies.can_read_training, "create": policies.can_create_reinduction}
    filterset_fields = ["employee", "reason"]
    selector = selectors.reinduction_list
    create_service = services.reinduction_create
