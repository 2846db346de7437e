"""Case education: an accident's lessons shared with departments, with attendance."""

from __future__ import annotations

from rest_framework import serializers

from apps.accidents import policies, selectors, services
from apps.accidents.models import Lesson
from apps.core.viewsets import ListCreateViewSet
from apps.org.models import Department, Employee


class LessonSerializer(serializers.ModelSerializer):
    departments = serializers.PrimaryKeyRelatedField(many=True, queryset=Department.objects.all())
    attendees = serializers.PrimaryKeyRelatedField(many=True, queryset=Employee.objects.all(), required=False)

    class Meta:
        model = Lesson
        fields = ["id", "accident", "title", "held_on", "content", "departments", "attendees"]


class LessonViewSet(ListCreateViewSet):
    """Case education: an accident's lessons shared with departments, with attendance."""

    serializer_class = LessonSerializer
    policies = {"read": policies.can_read_accidents, "create": policies.can_edit_lesson}

    def get_queryset(self):
        return selectors.lesson_list(user=self.request.user).prefetch_related("attendees")

    create_service = services.lesson_save
