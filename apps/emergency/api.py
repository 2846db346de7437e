from __future__ import annotations

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, parsers, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from apps.emergency import selectors, services
from apps.emergency.models import (
    Drill,
    DrillPlan,
    DrillPlanItem,
    Evaluation,
    EvaluationResult,
    Improvement,
    Plan,
    Supply,
    SupplyCheck,
    Team,
    TeamMember,
)
from apps.org.models import Department
from apps.org.permissions import DepartmentScoped, reads_org

_WRITABLE = (
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
)


class _Scoped:
    permission_classes = [DepartmentScoped]
    read_access = staticmethod(reads_org)


# ------------------------------------------------------------------------------
# Plans
# ------------------------------------------------------------------------------
class EmergencyPlanSerializer(serializers.ModelSerializer):
    department_name = serializers.CharField(source="department.name", read_only=True)
    filing_due = serializers.DateField(read_only=True)
    evaluation_due = serializers.DateField(read_only=True)
    is_filing_overdue = serializers.BooleanField(read_only=True)
    is_evaluation_overdue = serializers.BooleanField(read_only=True)
    is_drill_overdue = serializers.BooleanField(read_only=True)

    class Meta:
        model = Plan
        fields = [
            "id",
            "code",
            "title",
            "kind",
            "version",
            "published_on",
            "department",
            "department_name",
            "owner",
            "scope",
            "filed_on",
            "filing_number",
            "filing_due",
            "is_filing_overdue",
            "evaluation_interval_years",
            "last_evaluated_on",
            "evaluation_due",
            "is_evaluation_overdue",
            "last_drill_on",
            "next_drill_due",
            "is_drill_overdue",
            "is_active",
            "created_at",
            "updated_at",
        ]
        # The filing is recorded through the `filing` action, with its checks.
        read_only_fields = [
            "filed_on",
            "filing_number",
            "last_drill_on",
            "next_drill_due",
            "created_at",
            "updated_at",
        ]


class FilingSerializer(serializers.Serializer):
    filed_on = serializers.DateField()
    filing_number = serializers.CharField(max_length=100)


class EvaluationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Evaluation
        fields = [
            "id",
            "plan",
            "evaluated_on",
            "result",
            "findings",
            "revision",
            "new_version",
            "evaluated_by",
            "created_at",
        ]
        read_only_fields = fields


class EvaluationCreateSerializer(serializers.Serializer):
    evaluated_on = serializers.DateField()
    result = serializers.ChoiceField(choices=EvaluationResult.choices)
    findings = serializers.CharField(required=False, allow_blank=True, default="")
    revision = serializers.CharField(required=False, allow_blank=True, default="")
    new_version = serializers.CharField(required=False, allow_blank=True, default="")


class EmergencyPlanViewSet(_Scoped, *_WRITABLE):
    """Emergency plans; filing and evaluation as actions. Safety managers write."""

    queryset = Plan.objects.none()
    serializer_class = EmergencyPlanSerializer
    parser_classes = [parsers.JSONParser, parsers.MultiPartParser, parsers.FormParser]
    search_fields = ["code", "title"]
    ordering_fields = ["code", "next_drill_due", "published_on"]

    def get_queryset(self):
        params = self.request.query_params.dict() if self.action == "list" else None
        return selectors.plan_list(user=self.request.user, filters=params)

    def perform_create(self, serializer):
        serializer.instance = services.emergency_plan_save(
            data=serializer.validated_data,
            user=self.request.user,
            files=self.request.FILES.getlist("files"),
        )

    def perform_update(self, serializer):
        serializer.instance = services.emergency_plan_save(
            plan=serializer.instance, data=serializer.validated_data, user=self.request.user
        )

    @extend_schema(request=FilingSerializer, responses=EmergencyPlanSerializer)
    @action(detail=True, methods=["post"])
    def filing(self, request, pk=None):
        """Filed with the authority: date and number."""
        plan = self.get_object()
        body = FilingSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        plan = services.plan_file(plan=plan, user=request.user, **body.validated_data)
        return Response(EmergencyPlanSerializer(plan).data)

    @extend_schema(request=EvaluationCreateSerializer, responses=EvaluationSerializer)
    @action(detail=True, methods=["post"])
    def evaluate(self, request, pk=None):
        """A periodic evaluation; a revision gives the plan its new version."""
        plan = self.get_object()
        body = EvaluationCreateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        evaluation = services.plan_evaluate(plan=plan, user=request.user, **body.validated_data)
        return Response(EvaluationSerializer(evaluation).data, status=status.HTTP_201_CREATED)

    @action(detail=False, methods=["get"])
    def overdue(self, request):
        """Plans in force whose next drill is past due."""
        page = self.paginate_queryset(selectors.overdue_plans(user=request.user))
        return self.get_paginated_response(EmergencyPlanSerializer(page, many=True).data)


class EvaluationViewSet(_Scoped, viewsets.ReadOnlyModelViewSet):
    queryset = Evaluation.objects.none()
    serializer_class = EvaluationSerializer
    filterset_fields = ["plan", "result"]

    def get_queryset(self):
        return selectors.evaluation_list(user=self.request.user)


# ------------------------------------------------------------------------------
# Teams
# ------------------------------------------------------------------------------
class MemberSerializer(serializers.ModelSerializer):
    class Meta:
        model = TeamMember
        fields = ["id", "team", "name", "role", "phone", "user"]
        read_only_fields = ["team"]


class TeamSerializer(serializers.ModelSerializer):
    members = MemberSerializer(many=True, read_only=True)

    class Meta:
        model = Team
        fields = [
            "id",
            "name",
            "kind",
            "department",
            "leader",
            "phone",
            "agreement_party",
            "agreement_until",
            "duties",
            "is_active",
            "members",
        ]


class TeamViewSet(_Scoped, *_WRITABLE):
    """Rescue teams with their members; members are added as an action."""

    queryset = Team.objects.none()
    serializer_class = TeamSerializer
    head_writes = True
    filterset_fields = ["kind", "department"]

    def get_queryset(self):
        return selectors.team_list(user=self.request.user).prefetch_related("members")

    def perform_create(self, serializer):
        serializer.instance = services.team_save(
            data=serializer.validated_data, user=self.request.user
        )

    def perform_update(self, serializer):
        serializer.instance = services.team_save(
            team=serializer.instance, data=serializer.validated_data, user=self.request.user
        )

    @extend_schema(request=MemberSerializer, responses=MemberSerializer)
    @action(detail=True, methods=["post"])
    def members(self, request, pk=None):
        team = self.get_object()
        body = MemberSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        member = services.team_member_save(team=team, data=body.validated_data, user=request.user)
        return Response(MemberSerializer(member).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses={204: None})
    @action(detail=True, methods=["delete"], url_path=r"members/(?P<member_id>\d+)")
    def remove_member(self, request, pk=None, member_id=None):
        team = self.get_object()
        member = get_object_or_404(team.members, pk=member_id)
        services.team_member_remove(member=member, user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


# ------------------------------------------------------------------------------
# Supplies
# ------------------------------------------------------------------------------
class SupplySerializer(serializers.ModelSerializer):
    is_expired = serializers.BooleanField(read_only=True)
    is_missing = serializers.BooleanField(read_only=True)
    is_check_overdue = serializers.BooleanField(read_only=True)

    class Meta:
        model = Supply
        fields = [
            "id",
            "name",
            "kind",
            "specification",
            "department",
            "location",
            "quantity",
            "required_quantity",
            "unit",
            "expires_on",
            "check_interval_months",
            "last_checked_on",
            "next_check_due",
            "keeper",
            "is_active",
            "is_expired",
            "is_missing",
            "is_check_overdue",
        ]


class SupplyCheckSerializer(serializers.ModelSerializer):
    expires_on = serializers.DateField(required=False, allow_null=True, write_only=True)

    class Meta:
        model = SupplyCheck
        fields = [
            "id",
            "supply",
            "checked_on",
            "quantity_found",
            "in_good_order",
            "note",
            "checked_by",
            "expires_on",
        ]
        read_only_fields = ["supply", "checked_by"]


class SupplyViewSet(_Scoped, *_WRITABLE):
    """Emergency supplies; `flag=expired|missing|check_due` filters the flagged ones."""

    queryset = Supply.objects.none()
    serializer_class = SupplySerializer
    head_writes = True

    def get_queryset(self):
        params = self.request.query_params.dict() if self.action == "list" else {"active": "0"}
        return selectors.supply_list(user=self.request.user, filters=params)

    def perform_create(self, serializer):
        serializer.instance = services.supply_save(
            data=serializer.validated_data, user=self.request.user
        )

    def perform_update(self, serializer):
        serializer.instance = services.supply_save(
            supply=serializer.instance, data=serializer.validated_data, user=self.request.user
        )

    @extend_schema(request=SupplyCheckSerializer, responses=SupplySerializer)
    @action(detail=True, methods=["post"])
    def check(self, request, pk=None):
        """A check done: the quantity found becomes the stock."""
        supply = self.get_object()
        body = SupplyCheckSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        services.supply_check(supply=supply, user=request.user, **body.validated_data)
        supply.refresh_from_db()
        return Response(SupplySerializer(supply).data)

    @extend_schema(responses=SupplyCheckSerializer(many=True))
    @action(detail=True, methods=["get"])
    def checks(self, request, pk=None):
        """The checks recorded for this item, the latest first."""
        supply = self.get_object()
        return Response(SupplyCheckSerializer(supply.checks.all()[:100], many=True).data)


# ------------------------------------------------------------------------------
# Drill plans, drills and improvements
# ------------------------------------------------------------------------------
class DrillPlanItemSerializer(serializers.ModelSerializer):
    class Meta:
        model = DrillPlanItem
        fields = ["id", "plan", "month", "kind", "scenario"]


class DrillPlanSerializer(serializers.ModelSerializer):
    items = DrillPlanItemSerializer(many=True, read_only=True)

    class Meta:
        model = DrillPlan
        fields = [
            "id",
            "department",
            "year",
            "title",
            "note",
            "status",
            "approval_task",
            "approved_at",
            "items",
        ]
        read_only_fields = ["status", "approval_task", "approved_at"]
        extra_kwargs = {"title": {"required": False}}
        validators = []  # one plan per department and year: the service says so in words


class DrillPlanViewSet(
    _Scoped,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """Yearly drill plans: items added, then submitted for leadership's sign-off."""

    queryset = DrillPlan.objects.none()
    serializer_class = DrillPlanSerializer
    head_writes = True
    filterset_fields = ["year", "department", "status"]

    def get_queryset(self):
        return selectors.drill_plan_list(user=self.request.user).prefetch_related("items")

    def perform_create(self, serializer):
        serializer.instance = services.drill_plan_create(
            data=serializer.validated_data, user=self.request.user
        )

    @extend_schema(request=DrillPlanItemSerializer, responses=DrillPlanItemSerializer)
    @action(detail=True, methods=["post"])
    def items(self, request, pk=None):
        drill_plan = self.get_object()
        body = DrillPlanItemSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        item = services.drill_plan_item_add(
            drill_plan=drill_plan, data=body.validated_data, user=request.user
        )
        return Response(DrillPlanItemSerializer(item).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses=DrillPlanSerializer)
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        drill_plan = services.drill_plan_submit(drill_plan=self.get_object(), user=request.user)
        return Response(DrillPlanSerializer(drill_plan).data)


class ImprovementSerializer(serializers.ModelSerializer):
    task_status = serializers.CharField(source="task.status", read_only=True, default=None)

    class Meta:
        model = Improvement
        fields = ["id", "drill", "description", "department", "due_date", "task", "task_status"]
        read_only_fields = ["drill", "task"]


class DrillSerializer(serializers.ModelSerializer):
    improvements = ImprovementSerializer(many=True, read_only=True)
    on_time = serializers.BooleanField(read_only=True, allow_null=True)

    class Meta:
        model = Drill
        fields = [
            "id",
            "plan",
            "department",
            "scenario",
            "kind",
            "held_on",
            "duration_minutes",
            "participant_count",
            "participants",
            "due_on",
            "on_time",
            "recorded_by",
            "evaluated_on",
            "worked_well",
            "problems_found",
            "conclusion",
            "improvements",
            "created_at",
        ]
        read_only_fields = [
            "due_on",
            "recorded_by",
            "evaluated_on",
            "worked_well",
            "problems_found",
            "conclusion",
            "created_at",
        ]

    def get_fields(self):
        fields = super().get_fields()
        request = self.context.get("request")
        if request is not None and "plan" in fields and not fields["plan"].read_only:
            # Only the plans the user may drill are accepted (the service says why otherwise).
            fields["plan"].queryset = selectors.drillable_plans(user=request.user)
        return fields


class ImprovementInputSerializer(serializers.Serializer):
    description = serializers.CharField()
    department = serializers.PrimaryKeyRelatedField(queryset=Department.objects.all())
    due_date = serializers.DateField()


class DrillEvaluationSerializer(serializers.Serializer):
    evaluated_on = serializers.DateField()
    worked_well = serializers.CharField()
    problems_found = serializers.CharField(required=False, allow_blank=True, default="")
    conclusion = serializers.CharField(required=False, allow_blank=True, default="")
    improvements = ImprovementInputSerializer(many=True, required=False, default=list)


class DrillViewSet(
    _Scoped,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """Drills held; the evaluation (with improvements raised as tasks) as an action."""

    queryset = Drill.objects.none()
    serializer_class = DrillSerializer
    head_writes = True
    parser_classes = [parsers.JSONParser, parsers.MultiPartParser, parsers.FormParser]

    def get_queryset(self):
        params = self.request.query_params.dict() if self.action == "list" else None
        return selectors.drill_list(user=self.request.user, filters=params).prefetch_related(
            "improvements__task"
        )

    def perform_create(self, serializer):
        files = self.request.FILES.getlist("files")
        serializer.instance = services.drill_record(
            data=serializer.validated_data, user=self.request.user, files=files
        )

    @extend_schema(request=DrillEvaluationSerializer, responses=DrillSerializer)
    @action(detail=True, methods=["post"])
    def evaluate(self, request, pk=None):
        drill = self.get_object()
        body = DrillEvaluationSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        services.drill_evaluate(drill=drill, user=request.user, **body.validated_data)
        return Response(DrillSerializer(self.get_queryset().get(pk=drill.pk)).data)


class ImprovementViewSet(_Scoped, viewsets.ReadOnlyModelViewSet):
    queryset = Improvement.objects.none()
    serializer_class = ImprovementSerializer
    filterset_fields = ["drill", "department"]

    def get_queryset(self):
        return selectors.improvement_list(user=self.request.user)
