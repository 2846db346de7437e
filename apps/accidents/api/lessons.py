"""Case education: an accident's lessons shared with departments, with attendance."""

from __future__ import annotations

from rest_framework import mixins, serializers, viewsets

from apps.accidents import selectors, services
from apps.accidents.models import Lesson
from apps.core.viewsets import ServiceMixin
from apps.org.models import Department, Employee
from apps.org.permissions import DepartmentScoped, reads_org


class LessonSerializer(serializers.ModelSerializer):
    departments = serializers.PrimaryKeyRelatedField(many=True, queryset=Department.objects.all())
    attendees = serializers.PrimaryKeyRelatedField(
        many=True, queryset=Employee.objects.all(), required=False
    )

    class Meta:
        model = Lesson
        fields = ["id", "accident", "title", "held_on", "content", "departments", "attendees"]


class LessonViewSet(
    ServiceMixin,
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

    create_service = services.lesson_save
