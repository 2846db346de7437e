"""Case education: an accident's lessons shared with departments, with attendance."""

from __future__ import annotations

from django.db import transaction

from apps.accidents import policies
from apps.accidents.models import Lesson
from apps.accidents.services._common import _save
from apps.org.policy import require


@transaction.atomic
def lesson_save(*, lesson: Lesson | None = None, data: dict, user) -> Lesson:
    require(policies.can_edit_lesson(user))
    lesson = lesson or Lesson()
    for field in ("accident", "title", "held_on", "content"):
        if field in data:
            setattr(lesson, field, data[field])
    _save(lesson, user=user)
    if "departments" in data:
        lesson.departments.set(data["departments"])
    if "attendees" in data:
        lesson.attendees.set(data["attendees"])
    return lesson
