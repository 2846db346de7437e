from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import parsers, serializers
from rest_framework.decorators import action
from rest_framework.response import Response

from apps.core.text import names_prefetch
from apps.core.viewsets import ListCreateUpdateViewSet, ReadOnlyViewSet, ServiceAction, fields_as_keywords
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
        # All but what a person writes: the rest changes through the actions.
        read_only_fields = [
            f for f in fields if f not in ("title", "description", "department", "assignee", "due_date", "priority")
        ]


class TaskUpdateSerializer(TaskSerializer):
    class Meta(TaskSerializer.Meta):
        read_only_fields = [*TaskSerializer.Meta.read_only_fields, "department"]


class SubmitSerializer(serializers.Serializer):
    note = serializers.CharField(allow_blank=False)
    # The evidence, as the task's page takes it (multipart); the service checks each file.
    files = serializers.ListField(child=serializers.FileField(), required=False, default=list, write_only=True)


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

    selector = selectors.task_list
    list_filters = True

    def get_serializer_class(self):
        if self.action in ("update", "partial_update"):
            return TaskUpdateSerializer
        return TaskSerializer

    create_service = fields_as_keywords(services.task_create)
    update_service = services.task_update
    instance_name = "task"

    submit = ServiceAction(
        services.task_submit,
        "task",
        body=SubmitSerializer,
        reply=TaskSerializer,
        answer="fresh",
        parser_classes=[parsers.JSONParser, parsers.MultiPartParser, parsers.FormParser],
        doc="Submit the work done for sign-off, with evidence files (multipart `files`) as on the task's page.",
    )
    sign_off = ServiceAction(
        services.task_sign_off,
        "task",
        body=SignOffRequestSerializer,
        reply=SignOffSerializer,
        created=True,
        url_path="sign-off",
    )
    reopen = ServiceAction(services.task_reopen, "task", body=ReopenSerializer, reply=TaskSerializer, answer="fresh")

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


class SignOffViewSet(ReadOnlyViewSet):
    """Sign-offs are read-only here as everywhere: they are made through a task's sign-off."""

    serializer_class = SignOffSerializer
    filterset_fields = ["task", "decision", "signer"]
    selector = selectors.signoff_list


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


class NotificationViewSet(ReadOnlyViewSet):
    serializer_class = NotificationSerializer
    filterset_fields = {"read_at": ["isnull"]}
    policies = {"mark_read": policies.can_mark_notification_read}
    selector = selectors.notification_list

    @extend_schema(request=None, responses=NotificationSerializer)
    @action(detail=True, methods=["post"], url_path="read")
    def mark_read(self, request, pk=None):
        notification = self.get_object()
        services.notification_mark_read(user=request.user, notification_ids=[notification.pk])
        notification.refresh_from_db()
        return Response(NotificationSerializer(notification).data)
