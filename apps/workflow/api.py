from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from apps.core.text import names_prefetch
from apps.core.viewsets import ListCreateUpdateViewSet, fields_as_keywords, validated
from apps.workflow import policies, selectors, services
from apps.workflow.models import Notification, SignOff, SignOffDecision, Task


class SignOffSerializer(serializers.ModelSerializer):
    signer_name = serializers.CharField(source="signer.username", read_only=True)

    class Meta:
        model = SignOff
        fields = ["id", "task", "signer", "signer_name", "decision", "comment", "signed_at"]
        read_only_fields = fields


class TaskSerializer(serializers.ModelSerializer):
    department_name = serializers.CharField(source="department.name", read_only=True)
    is_overdue = serializers.BooleanField(read_only=True)
    source_type = serializers.SlugRelatedField(slug_field="model", read_only=True)

    class Meta:
        model = Task
        fields = [
            "id",
            "title",
            "description",
            "department",
            "department_name",
            "assignee",
            "due_date",
            "priority",
            "status",
            "is_overdue",
            "source_type",
            "source_id",
            "created_by",
            "submitted_by",
            "submitted_at",
            "submission_note",
            "closed_at",
            "created_at",
            "updated_at",
        ]
        read_only_fields = [
            "id",
            "status",
            "source_type",
            "source_id",
            "created_by",
            "submitted_by",
            "submitted_at",
            "submission_note",
            "closed_at",
            "created_at",
            "updated_at",
        ]


class TaskUpdateSerializer(TaskSerializer):
    class Meta(TaskSerializer.Meta):
        read_only_fields = [*TaskSerializer.Meta.read_only_fields, "department"]


class SubmitSerializer(serializers.Serializer):
    note = serializers.CharField(allow_blank=False)


class SignOffRequestSerializer(serializers.Serializer):
    decision = serializers.ChoiceField(choices=SignOffDecision.choices)
    comment = serializers.CharField(required=False, allow_blank=True, default="")


class ReopenSerializer(serializers.Serializer):
    reason = serializers.CharField(required=False, allow_blank=True, default="")


class TaskViewSet(ListCreateUpdateViewSet):
    """Tasks the user may see. Out-of-scope tasks answer 404. State changes are actions."""

    serializer_class = TaskSerializer
    queryset = Task.objects.none()  # for the schema; requests use get_queryset
    filterset_fields = ["status", "department", "assignee", "priority"]
    search_fields = ["search_text"]  # title and description in every language
    ordering_fields = ["due_date", "priority", "created_at"]
    policies = {
        "create": policies.can_create_task,
        "update": policies.can_edit_task,
        "submit": policies.can_work_on_task,
        "sign_off": policies.can_sign_off_task,
        "reopen": policies.can_reopen_task,
    }

    def get_queryset(self):
        return selectors.task_list(
            user=self.request.user, filters=self.request.query_params.dict() if self.action == "list" else None
        )

    def get_serializer_class(self):
        if self.action in ("update", "partial_update"):
            return TaskUpdateSerializer
        return TaskSerializer

    create_service = fields_as_keywords(services.task_create)

    instance_name = "task"
    update_service = services.task_update

    def _respond(self, task) -> Response:
        task = selectors.task_get(user=self.request.user, pk=task.pk)
        return Response(TaskSerializer(task).data)

    @extend_schema(request=SubmitSerializer, responses=TaskSerializer)
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        task = self.get_object()
        valid = validated(SubmitSerializer, request)
        return self._respond(services.task_submit(task=task, user=request.user, note=valid["note"]))

    @extend_schema(request=SignOffRequestSerializer, responses=SignOffSerializer)
    @action(detail=True, methods=["post"], url_path="sign-off")
    def sign_off(self, request, pk=None):
        task = self.get_object()
        valid = validated(SignOffRequestSerializer, request)
        signoff = services.task_sign_off(task=task, user=request.user, **valid)
        return Response(SignOffSerializer(signoff).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=ReopenSerializer, responses=TaskSerializer)
    @action(detail=True, methods=["post"])
    def reopen(self, request, pk=None):
        task = self.get_object()
        valid = validated(ReopenSerializer, request)
        return self._respond(services.task_reopen(task=task, user=request.user, **valid))

    @extend_schema(responses=TaskSerializer(many=True))
    @action(detail=False, methods=["get"])
    def inbox(self, request):
        boxes = selectors.inbox(user=request.user)
        return Response(
            {
                "to_do": TaskSerializer(boxes["to_do"][:200], many=True).data,
                "to_sign": TaskSerializer(boxes["to_sign"][:200], many=True).data,
            }
        )


class SignOffViewSet(viewsets.ReadOnlyModelViewSet):
    """Sign-offs are read-only here as everywhere: they are made through a task's sign-off."""

    serializer_class = SignOffSerializer
    queryset = SignOff.objects.none()
    filterset_fields = ["task", "decision", "signer"]

    def get_queryset(self):
        return selectors.signoff_list(user=self.request.user)


class _NotificationList(serializers.ListSerializer):
    def to_representation(self, data):
        notifications = list(data.all() if hasattr(data, "all") else data)
        names_prefetch(n.message for n in notifications)  # the people they name, at once
        return super().to_representation(notifications)


class NotificationSerializer(serializers.ModelSerializer):
    class Meta:
        list_serializer_class = _NotificationList
        model = Notification
        fields = ["id", "message", "url", "task", "read_at", "created_at"]
        read_only_fields = fields


class NotificationViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = NotificationSerializer
    queryset = Notification.objects.none()
    filterset_fields = {"read_at": ["isnull"]}
    policies = {"mark_read": policies.can_mark_notification_read}

    def get_queryset(self):
        return selectors.notification_list(user=self.request.user)

    @extend_schema(request=None, responses=NotificationSerializer)
    @action(detail=True, methods=["post"], url_path="read")
    def mark_read(self, request, pk=None):
        notification = self.get_object()
        services.notification_mark_read(user=request.user, notification_ids=[notification.pk])
        notification.refresh_from_db()
        return Response(NotificationSerializer(notification).data)
