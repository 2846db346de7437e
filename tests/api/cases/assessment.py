from __future__ import annotations

from apps.assessment.models import Finding
from apps.scoring.exporters import StandardExporter
from tests.api.case import Case, crud
from tests.api.cases._common import employee_of
from tests.assessment.factories import make_assessment, score_all
from tests.scoring.factories import make_standard


def standard(world):
    return make_standard(4)


def assessment(world):
    return make_assessment(world, make_standard(4))


def scored(world):
    item = assessment(world)
    score_all(world, item)
    return item


def finding(world):
    return Finding.objects.filter(assessment=assessment(world)).first()


def assessment_body(world, record=None):
    return {
        "standard": (record.standard_id if record else make_standard(4, version="2").pk),
        "year": 2027,
        "kind": "self",
        "leader": employee_of(world.leader).pk,
        "method": "现场检查与资料核查",
    }


def standard_upload(world, record):
    from django.core.files.uploadedfile import SimpleUploadedFile

    content = StandardExporter(user=world.safety_manager, params={"standard": record.pk}).render()
    record.delete()  # the same standard again: the import refuses a duplicate
    return {"file": SimpleUploadedFile("standard.xlsx", content)}


CASES = {
    **crud("v1_standards", standard, "list retrieve"),
    "v1_standards_import_create": Case(standard, payload=standard_upload, multipart=True),
    **crud(
        "v1_assessments",
        assessment,
        "list retrieve create update partial_update",
        create=assessment_body,
        update=assessment_body,
    ),
    "v1_assessments_summary_retrieve": Case(assessment),
    "v1_assessments_nonconformities_list": Case(assessment),
    "v1_assessments_suggest_create": Case(assessment),
    "v1_assessments_submit_create": Case(scored),
    **crud(
        "v1_findings",
        finding,
        "list retrieve update partial_update",
        update=lambda w, r: {"applicable": True, "deduction": "0", "reason": ""},
    ),
}
