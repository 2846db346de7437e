from __future__ import annotations

from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, parsers, permissions, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from apps.core.selectors import as_int
from apps.org.access import access_for
from apps.org.models import Department, Employee
from apps.org.permissions import DepartmentScoped, reads_org
from apps.responsibility import selectors, services
from apps.responsibility.models import (
    AppointmentDocument,
    DepartmentAssessment,
    DepartmentTarget,
    DutyDocument,
    LetterTemplate,
    Meeting,
    MeetingSettings,
    MemberRole,
    Objective,
    ResponsibilityLetter,
    ReviewResult,
    SafetyBody,
)


def _year(request) -> int:
    return as_int(request.query_params.get("year")) or timezone.localdate().year


# ------------------------------------------------------------------------------
# Objectives
# ------------------------------------------------------------------------------
class DepartmentTargetSerializer(serializers.ModelSerializer):
    department_name = serializers.CharField(source="department.name", read_only=True)
    met = serializers.BooleanField(read_only=True, allow_null=True)

    class Meta:
        model = DepartmentTarget
        fields = ["id", "objective", "department", "department_name", "target", "actual", "met"]


class ObjectiveSerializer(serializers.ModelSerializer):
    class Meta:
        model = Objective
        fields = [
            "id",
            "year",
            "name",
            "indicator_key",
            "direction",
            "target",
            "unit",
            "manual_actual",
            "order",
        ]


class ObjectiveViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Yearly objectives; `GET .../status/?year=` gives actual values (live where an indicator
    key names an evidence indicator) and the split."""

    queryset = Objective.objects.none()
    serializer_class = ObjectiveSerializer
    permission_classes = [DepartmentScoped]
    read_access = staticmethod(reads_org)
    filterset_fields = ["year"]

    def get_queryset(self):
        return Objective.objects.all()

    def perform_create(self, serializer):
        serializer.instance = services.objective_save(
            data=serializer.validated_data, user=self.request.user
        )

    def perform_update(self, serializer):
        serializer.instance = services.objective_save(
            objective=serializer.instance, data=serializer.validated_data, user=self.request.user
        )

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
    department = serializers.PrimaryKeyRelatedField(
        queryset=Department.objects.filter(is_active=True)
    )
    target = serializers.DecimalField(max_digits=14, decimal_places=2)
    actual = serializers.DecimalField(
        max_digits=14, decimal_places=2, required=False, allow_null=True
    )


class TargetViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Department targets; POST sets one (safety managers split, heads record actuals)."""

    queryset = DepartmentTarget.objects.none()
    serializer_class = DepartmentTargetSerializer
    permission_classes = [DepartmentScoped]
    read_access = staticmethod(reads_org)
    head_writes = True

    def get_queryset(self):
        return selectors.target_list(user=self.request.user, year=_year(self.request))

    @extend_schema(request=DepartmentTargetInputSerializer, responses=DepartmentTargetSerializer)
    def create(self, request):
        body = DepartmentTargetInputSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        item = services.target_set(user=request.user, **body.validated_data)
        return Response(DepartmentTargetSerializer(item).data, status=status.HTTP_201_CREATED)


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
    department = serializers.PrimaryKeyRelatedField(
        queryset=Department.objects.filter(is_active=True)
    )
    comment = serializers.CharField(required=False, allow_blank=True, default="")


class DepartmentAssessmentViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """Year-end department assessments; POST submits one for leadership's sign-off."""

    queryset = DepartmentAssessment.objects.none()
    serializer_class = DepartmentAssessmentSerializer
    permission_classes = [DepartmentScoped]
    read_access = staticmethod(reads_org)

    def get_queryset(self):
        return selectors.assessment_list(user=self.request.user, year=_year(self.request))

    @extend_schema(
        request=DepartmentAssessmentInputSerializer, responses=DepartmentAssessmentSerializer
    )
    def create(self, request):
        body = DepartmentAssessmentInputSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        item = services.assessment_submit(user=request.user, **body.validated_data)
        return Response(DepartmentAssessmentSerializer(item).data, status=status.HTTP_201_CREATED)


# ------------------------------------------------------------------------------
# Duties
# ------------------------------------------------------------------------------
class DutyDocumentSerializer(serializers.ModelSerializer):
    class Meta:
        model = DutyDocument
        fields = [
            "id",
            "scope",
            "department",
            "position",
            "title",
            "version",
            "content",
            "effective_on",
            "is_current",
        ]
        read_only_fields = ["version", "is_current"]


class DutyReviewInputSerializer(serializers.Serializer):
    year = serializers.IntegerField(min_value=2000, max_value=2100)
    result = serializers.ChoiceField(choices=ReviewResult.choices)
    notes = serializers.CharField(required=False, allow_blank=True, default="")


class DutyViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """Duty documents; `revise` makes a new version, `review` records the yearly review."""

    queryset = DutyDocument.objects.none()
    serializer_class = DutyDocumentSerializer
    permission_classes = [DepartmentScoped]
    read_access = staticmethod(reads_org)

    def get_queryset(self):
        return selectors.duty_list(user=self.request.user, filters={"current": "0"})

    def perform_create(self, serializer):
        serializer.instance = services.duty_save(
            data=serializer.validated_data, user=self.request.user
        )

    @extend_schema(request=DutyDocumentSerializer, responses=DutyDocumentSerializer)
    @action(detail=True, methods=["post"])
    def revise(self, request, pk=None):
        previous = self.get_object()
        body = DutyDocumentSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        document = services.duty_save(
            data=body.validated_data, user=request.user, previous=previous
        )
        return Response(DutyDocumentSerializer(document).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=DutyReviewInputSerializer, responses={201: dict})
    @action(detail=True, methods=["post"])
    def review(self, request, pk=None):
        document = self.get_object()
        body = DutyReviewInputSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        review = services.duty_review(document=document, user=request.user, **body.validated_data)
        return Response(
            {"id": review.pk, "year": review.year, "result": review.result},
            status=status.HTTP_201_CREATED,
        )


# ------------------------------------------------------------------------------
# Letters
# ------------------------------------------------------------------------------
class LetterTemplateSerializer(serializers.ModelSerializer):
    class Meta:
        model = LetterTemplate
        fields = ["id", "level", "title", "body", "is_active"]


class TemplateViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    queryset = LetterTemplate.objects.none()
    serializer_class = LetterTemplateSerializer
    permission_classes = [DepartmentScoped]
    read_access = staticmethod(reads_org)

    def get_queryset(self):
        return LetterTemplate.objects.all()

    def perform_create(self, serializer):
        serializer.instance = services.template_save(
            data=serializer.validated_data, user=self.request.user
        )

    def perform_update(self, serializer):
        serializer.instance = services.template_save(
            template=serializer.instance, data=serializer.validated_data, user=self.request.user
        )


class LetterSerializer(serializers.ModelSerializer):
    department_name = serializers.CharField(source="department.name", read_only=True)
    issuer_name = serializers.CharField(source="issuer.name", read_only=True)
    holder_name = serializers.CharField(source="holder.name", read_only=True)

    class Meta:
        model = ResponsibilityLetter
        fields = [
            "id",
            "year",
            "level",
            "template",
            "department",
            "department_name",
            "issuer",
            "issuer_name",
            "holder",
            "holder_name",
            "title",
            "body",
            "sign_by",
            "status",
        ]
        read_only_fields = fields


class LetterIssueSerializer(serializers.Serializer):
    template = serializers.PrimaryKeyRelatedField(
        queryset=LetterTemplate.objects.filter(is_active=True)
    )
    year = serializers.IntegerField(min_value=2000, max_value=2100)
    sign_by = serializers.DateField()


class LetterSignSerializer(serializers.Serializer):
    scan = serializers.FileField(required=False, allow_null=True, default=None)


class LetterViewSet(viewsets.ReadOnlyModelViewSet):
    """Letters everyone may see of their own; `issue` (bulk, idempotent), `sign` by a party."""

    queryset = ResponsibilityLetter.objects.none()
    serializer_class = LetterSerializer
    permission_classes = [permissions.IsAuthenticated]
    parser_classes = [parsers.JSONParser, parsers.MultiPartParser, parsers.FormParser]

    def get_queryset(self):
        params = self.request.query_params.dict() if self.action == "list" else None
        return selectors.letter_list(user=self.request.user, filters=params)

    @extend_schema(request=LetterIssueSerializer, responses={201: dict})
    @action(detail=False, methods=["post"], permission_classes=[DepartmentScoped])
    def issue(self, request):
        body = LetterIssueSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        return Response(
            services.letters_issue(user=request.user, **body.validated_data),
            status=status.HTTP_201_CREATED,
        )

    @extend_schema(request=LetterSignSerializer, responses=LetterSerializer)
    @action(detail=True, methods=["post"])
    def sign(self, request, pk=None):
        letter = self.get_object()
        body = LetterSignSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        services.letter_sign(letter=letter, user=request.user, scan=body.validated_data["scan"])
        return Response(
            LetterSerializer(selectors.letter_list(user=request.user).get(pk=letter.pk)).data
        )

    @extend_schema(parameters=[OpenApiParameter("year", int)], responses={200: dict})
    @action(detail=False, methods=["get"])
    def progress(self, request):
        return Response(selectors.signing_progress(user=request.user, year=_year(request)))


# ------------------------------------------------------------------------------
# Organisation
# ------------------------------------------------------------------------------
class AppointmentDocumentSerializer(serializers.ModelSerializer):
    class Meta:
        model = AppointmentDocument
        fields = ["id", "number", "title", "issued_on", "content"]


class DocumentViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    queryset = AppointmentDocument.objects.none()
    serializer_class = AppointmentDocumentSerializer
    permission_classes = [DepartmentScoped]
    read_access = staticmethod(reads_org)

    def get_queryset(self):
        return AppointmentDocument.objects.all()

    def perform_create(self, serializer):
        serializer.instance = services.document_save(
            data=serializer.validated_data, user=self.request.user
        )

    def perform_update(self, serializer):
        serializer.instance = services.document_save(
            document=serializer.instance, data=serializer.validated_data, user=self.request.user
        )


class BodyMemberSerializer(serializers.Serializer):
    employee = serializers.PrimaryKeyRelatedField(queryset=Employee.objects.filter(is_active=True))
    role = serializers.ChoiceField(choices=MemberRole.choices, default=MemberRole.MEMBER)


class SafetyBodySerializer(serializers.ModelSerializer):
    members = serializers.SerializerMethodField()

    class Meta:
        model = SafetyBody
        fields = ["id", "kind", "name", "document", "duties", "members"]

    def get_members(self, body) -> list[dict]:
        return [
            {"id": m.pk, "employee": m.employee_id, "name": m.employee.name, "role": m.role}
            for m in body.members.all()
        ]


class BodyViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Safety committee and office; `members` adds one; `officers` and `units-without-officer`
    read the officer data of the organisation."""

    queryset = SafetyBody.objects.none()
    serializer_class = SafetyBodySerializer
    permission_classes = [DepartmentScoped]
    read_access = staticmethod(reads_org)

    def get_queryset(self):
        return selectors.body_list()

    def perform_create(self, serializer):
        serializer.instance = services.body_save(
            data=serializer.validated_data, user=self.request.user
        )

    def perform_update(self, serializer):
        serializer.instance = services.body_save(
            body=serializer.instance, data=serializer.validated_data, user=self.request.user
        )

    @extend_schema(request=BodyMemberSerializer, responses=SafetyBodySerializer)
    @action(detail=True, methods=["post"])
    def members(self, request, pk=None):
        body = self.get_object()
        data = BodyMemberSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.member_add(body=body, user=request.user, **data.validated_data)
        return Response(
            SafetyBodySerializer(selectors.body_list().get(pk=body.pk)).data,
            status=status.HTTP_201_CREATED,
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
        visible = access_for(request.user).visible_department_ids()
        return Response(
            [
                {"id": d.pk, "name": d.name, "kind": d.kind}
                for d in selectors.units_without_officer(department_ids=visible)
            ]
        )


# ------------------------------------------------------------------------------
# Meetings
# ------------------------------------------------------------------------------
class MeetingSerializer(serializers.ModelSerializer):
    attendee_count = serializers.IntegerField(read_only=True)
    decision_count = serializers.IntegerField(read_only=True)
    attendees = serializers.PrimaryKeyRelatedField(
        queryset=Employee.objects.all(), many=True, required=False, write_only=True
    )

    class Meta:
        model = Meeting
        fields = [
            "id",
            "level",
            "department",
            "title",
            "scheduled_on",
            "held_on",
            "place",
            "chair",
            "minutes",
            "attendees",
            "attendee_count",
            "decision_count",
        ]


class MeetingDecisionSerializer(serializers.Serializer):
    text = serializers.CharField(max_length=300)
    department = serializers.PrimaryKeyRelatedField(
        queryset=Department.objects.filter(is_active=True)
    )
    due_date = serializers.DateField()


class MeetingSettingsSerializer(serializers.ModelSerializer):
    class Meta:
        model = MeetingSettings
        fields = ["company_frequency", "department_frequency"]


class MeetingViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Safety meetings: schedule, record (held on, attendees, minutes), `decisions` become
    Tasks; `compliance` gives meetings held against required per unit."""

    queryset = Meeting.objects.none()
    serializer_class = MeetingSerializer
    permission_classes = [DepartmentScoped]
    head_writes = True
    filterset_fields = ["level", "department"]

    def get_queryset(self):
        return selectors.meeting_list(user=self.request.user)

    def _save(self, serializer, meeting=None):
        data = dict(serializer.validated_data)
        attendees = data.pop("attendees", None)
        saved = services.meeting_save(
            meeting=meeting, data=data, user=self.request.user, attendees=attendees
        )
        serializer.instance = selectors.meeting_list(user=self.request.user).get(pk=saved.pk)

    def perform_create(self, serializer):
        self._save(serializer)

    def perform_update(self, serializer):
        self._save(serializer, serializer.instance)

    @extend_schema(request=MeetingDecisionSerializer, responses={201: dict})
    @action(detail=True, methods=["post"])
    def decisions(self, request, pk=None):
        meeting = self.get_object()
        body = MeetingDecisionSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        decision = services.decision_add(meeting=meeting, user=request.user, **body.validated_data)
        return Response(
            {"id": decision.pk, "task": decision.task_id}, status=status.HTTP_201_CREATED
        )

    @extend_schema(parameters=[OpenApiParameter("year", int)], responses={200: dict})
    @action(detail=False, methods=["get"])
    def compliance(self, request):
        access = access_for(request.user)
        if not reads_org(access):
            return Response(status=status.HTTP_403_FORBIDDEN)
        import datetime as dt

        year, today = _year(request), timezone.localdate()
        as_of = dt.date(year + 1, 1, 1) if year < today.year else today
        rows = selectors.meeting_compliance(
            year=year, as_of=as_of, department_ids=access.visible_department_ids()
        )
        return Response(
            [
                {
                    "level": r.level,
                    "department": r.department.pk,
                    "department_name": r.department.name,
                    "frequency": r.frequency,
                    "required": r.result.required,
                    "held": r.result.held,
                    "rate": r.result.rate,
                    "current_held": r.result.current_held,
                }
                for r in rows
            ]
        )

    @extend_schema(request=MeetingSettingsSerializer, responses=MeetingSettingsSerializer)
    @action(detail=False, methods=["get", "put"], url_path="settings")
    def frequencies(self, request):
        if request.method == "PUT":
            body = MeetingSettingsSerializer(data=request.data)
            body.is_valid(raise_exception=True)
            return Response(
                MeetingSettingsSerializer(
                    services.meeting_settings_save(data=body.validated_data, user=request.user)
                ).data
            )
        return Response(MeetingSettingsSerializer(services.meeting_settings()).data)
