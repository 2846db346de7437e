"""三同时 records: the safety facilities of a construction project designed, built and put into
use with the project."""

from __future__ import annotations

from django.db import transaction

from apps.equipment import policies
from apps.equipment.models import Project
from apps.equipment.services._common import _attach_all, _save
from apps.org.policy import require

PROJECT_FIELDS = (
    "name",
    "kind",
    "department",
    "safety_facilities",
    "designed_on",
    "built_on",
    "commissioned_on",
    "accepted_on",
    "notes",
)


@transaction.atomic
def project_save(*, project: Project | None = None, data: dict, user, files=()) -> Project:
    project = project or Project()
    if project.pk:
        require(policies.can_act_for_department(user, project.department_id))
    for field in PROJECT_FIELDS:
        if field in data:
            setattr(project, field, data[field])
    require(policies.can_act_for_department(user, project.department_id))
    _save(project, user=user)
    _attach_all(project, files, user)
    return project
