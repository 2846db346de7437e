from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from apps.core.viewsets import ListCreateUpdateViewSet, ServiceAction, validated
from apps.org import policies, selectors, services
from apps.org.models import Company, Department, Employee, Position
from apps.org.services import COMPANY_FIELDS, POSITION_FIELDS


class CompanySerializer(serializers.ModelSerializer):
    class Meta:
        model = Company
        fields = ["id", *COMPANY_FIELDS, "updated_at"]
        read_only_fields = ["id", "updated_at"]


class DepartmentSerializer(serializers.ModelSerializer):
    employee_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Department
        fields = ["id", "name", "code", "kind", "parent", "path", "sort_order", "is_active", "employee_count"]
        read_only_fields = ["id", "path", "employee_count"]
        # Uniqueness is checked by the service's full_clean, which names the field.
        validators = []
        extra_kwargs = {"code": {"validators": []}}


class PositionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Position
        fields = ["id", *POSITION_FIELDS]
        extra_kwargs = {"name": {"validators": []}}


class EmployeeSerializer(serializers.ModelSerializer):
    department_name = serializers.CharField(source="department.name", read_only=True)
    position_name = serializers.CharField(source="position.name", read_only=True, default="")

    class Meta:
        model = Employee
        fields = [
            "id",
            "employee_no",
            "name",
            "department",
            "department_name",
            "position",
            "position_name",
            "hire_date",
            "phone",
            "email",
            "user",
            "is_principal_head",
            "is_safety_manager",
            "safety_officer",
            "is_special_operation_worker",
            "employment_type",
            "is_high_risk_post",
            "is_active",
            "left_on",
        ]
        read_only_fields = ["id", "user", "left_on"]
        extra_kwargs = {"employee_no": {"validators": []}}


class LeaveSerializer(serializers.Serializer):
    left_on = serializers.DateField()
    handover_to = serializers.PrimaryKeyRelatedField(
        queryset=Employee.objects.filter(is_active=True), required=False, allow_null=True
    )


class CompanyViewSet(viewsets.GenericViewSet):
    """The company profile: one record, read by everyone, changed by safety managers."""

    serializer_class = CompanySerializer
    policies = {"update_profile": policies.can_edit_company}
    queryset = Company.objects.none()

    @extend_schema(responses=CompanySerializer)
    def list(self, request):
        company = selectors.company_get()
        return Response(CompanySerializer(company).data if company else {})

    @extend_schema(request=CompanySerializer, responses=CompanySerializer)
    @action(detail=False, methods=["put", "patch"], url_path="update")
    def update_profile(self, request):
        data = validated(CompanySerializer, request, selectors.company_get(), partial=request.method == "PATCH")
        company = services.company_update(data=data, user=request.user)
        return Response(CompanySerializer(company).data)


class DepartmentViewSet(ListCreateUpdateViewSet):
    serializer_class = DepartmentSerializer
    policies = {"save": policies.can_edit_department}
    filterset_fields = ["kind", "parent", "is_active"]
    search_fields = ["name", "code"]
    ordering_fields = ["path", "name", "code"]
    selector = selectors.department_list
    create_service = services.department_create
    update_service = services.department_update
    instance_name = "department"


class PositionViewSet(ListCreateUpdateViewSet):
    serializer_class = PositionSerializer
    policies = {"read": policies.can_read_positions, "save": policies.can_edit_position}
    search_fields = ["name"]
    filterset_fields = ["is_high_risk"]
    selector = selectors.position_list
    create_service = update_service = services.position_save
    instance_name = "position"


class EmployeeViewSet(ListCreateUpdateViewSet):
    serializer_class = EmployeeSerializer
    policies = {
        "read": policies.can_read_employees,
        "save": policies.can_edit_employee,
        "leave": policies.can_record_leaver,
    }
    filterset_fields = [
        "department",
        "position",
        "employment_type",
        "is_active",
        "is_principal_head",
        "is_safety_manager",
        "safety_officer",
        "is_special_operation_worker",
        "is_high_risk_post",
    ]
    search_fields = ["name", "employee_no", "phone"]
    ordering_fields = ["employee_no", "name", "hire_date"]

    def get_queryset(self):
        return selectors.employee_list(user=self.request.user, filters={"active": ""})

    create_service = services.employee_create
    update_service = services.employee_update
    instance_name = "employee"

    leave = ServiceAction(
        services.employee_leave,
        "employee",
        body=LeaveSerializer,
        reply=EmployeeSerializer,
        answer="record",
        doc="Record that the employee left; each app hands over their open work.",
    )
