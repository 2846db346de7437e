"""Each person's compliance with the hours and the induction, computed, not stored."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, viewsets

from apps.training import selectors
from apps.training.models import TrainingSession


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
    year_start = serializers.DateField(help_text="First day of the training year the yearly hours count over")
    year_end = serializers.DateField(help_text="Its last day")
    year_elapsed = serializers.DecimalField(max_digits=4, decimal_places=1, help_text="Share of it gone, %")
    annual_in_progress = serializers.BooleanField(help_text="Short of the yearly hours, the year not yet over")
    induction_complete = serializers.BooleanField()
    induction_missing = serializers.ListField(child=serializers.CharField())
    has_expired_certificate = serializers.BooleanField()
    is_compliant = serializers.BooleanField()


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
        rows = selectors.compliance_rows(user=request.user, filters=request.query_params.dict())
        page = self.paginate_queryset(rows)
        return self.get_paginated_response(ComplianceSerializer(page, many=True).data)
