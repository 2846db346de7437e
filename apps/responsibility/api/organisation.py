"""API of the safety organisation: appointing documents, the safety bodies with their members,
the safety officers and the units without one."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.response import Response

from apps.core.viewsets import ListCreateUpdateViewSet, ServiceAction
from apps.org.models import Employee
from apps.org.policy import visible_department_ids
from apps.responsibility import policies, selectors, services
from apps.responsibility.models import AppointmentDocument, MemberRole, SafetyBody
from apps.responsibility.services.organisation import BODY_FIELDS, DOCUMENT_FIELDS


class AppointmentDocumentSerializer(serializers.ModelSerializer):
    class Meta:
        model = AppointmentDocument
        fields = ["id", *DOCUMENT_FIELDS]


class DocumentViewSet(ListCreateUpdateViewSet):
    queryset = AppointmentDocument.objects.all()
    serializer_class = AppointmentDocumentSerializer
    policies = {"read": policies.can_read_organisation, "save": policies.can_edit_organisation}
    create_service = update_service = services.document_save
    instance_name = "document"


class BodyMemberSerializer(serializers.Serializer):
    employee = serializers.PrimaryKeyRelatedField(queryset=Employee.objects.filter(is_active=True))
    role = serializers.ChoiceField(choices=MemberRole.choices, default=MemberRole.MEMBER)


class SafetyBodySerializer(serializers.ModelSerializer):
    members = serializers.SerializerMethodField()

    class Meta:
        model = SafetyBody
        fields = ["id", *BODY_FIELDS, "members"]

    def get_members(self, body) -> list[dict]:
        return [
            {"id": m.pk, "employee": m.employee_id, "name": m.employee.name, "role": m.role} for m in body.members.all()
        ]


class BodyViewSet(ListCreateUpdateViewSet):
    """Safety committee and office; `members` adds one; `officers` and `units-without-officer`
    read the officer data of the organisation."""

    serializer_class = SafetyBodySerializer
    policies = {
        "read": policies.can_read_organisation,
        "save": policies.can_edit_organisation,
        "members": policies.can_edit_organisation,
    }
    selector = selectors.body_list
    create_service = update_service = services.body_save
    instance_name = "body"

    members = ServiceAction(
        services.member_add, "body", body=BodyMemberSerializer, reply=SafetyBodySerializer, answer="fresh", created=True
    )

    @extend_schema(responses={200: dict})
    @action(detail=False, methods=["get"])
    def officers(self, request):
        return Response(
            [
                {
                    "id": e.pk,
                    "employee_no": e.employee_no,
                    "name": e.name,
                    "department": e.department_id,
                    "department_name": e.department.name,
                    "safety_officer": e.safety_officer,
                }
                for e in selectors.officer_list(user=request.user)
            ]
        )

    @extend_schema(responses={200: dict})
    @action(detail=False, methods=["get"], url_path="units-without-officer")
    def units_without_officer(self, request):
        visible = visible_department_ids(request.user)
        return Response(
            [
                {"id": d.pk, "name": d.name, "kind": d.kind}
                for d in selectors.units_without_officer(department_ids=visible)
            ]
        )
