"""The task's evidence through the API: multipart `files` on submit, checked by the same service
(core.validators) as the task's page."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from apps.core.selectors import attachment_list
from apps.workflow.models import TaskStatus
from tests.hazards.factories import photo
from tests.workflow.factories import make_task

pytestmark = pytest.mark.usefixtures("english")


def _exe():
    return SimpleUploadedFile("virus.exe", b"MZ...", content_type="application/octet-stream")


@pytest.mark.parametrize(
    ("requires_evidence", "files", "status", "submitted", "kept"),
    [
        (False, [], 200, True, 0),
        (False, ["photo"], 200, True, 1),
        (False, ["photo", "photo"], 200, True, 2),
        (True, [], 400, False, 0),
        (True, ["photo"], 200, True, 1),
        (False, ["exe"], 400, False, 0),
        (False, ["photo", "exe"], 400, False, 0),  # one bad file keeps none
    ],
)
def test_submit_takes_evidence_files_as_the_page_does(
    world, api_for, requires_evidence, files, status, submitted, kept
):
    task = make_task(department=world.dept_a, user=world.safety_manager, requires_evidence=requires_evidence)
    uploads = [photo(f"现场{i}.jpg") if kind == "photo" else _exe() for i, kind in enumerate(files)]
    response = api_for("head_a").post(
        f"/api/v1/tasks/{task.pk}/submit/", {"note": "已完成", "files": uploads}, format="multipart"
    )
    assert response.status_code == status, response.content
    task.refresh_from_db()
    assert (task.status == TaskStatus.SUBMITTED) is submitted
    assert attachment_list(owner=task).count() == kept


def test_a_refused_file_is_named_in_the_answer(world, api_for):
    task = make_task(department=world.dept_a, user=world.safety_manager)
    response = api_for("head_a").post(
        f"/api/v1/tasks/{task.pk}/submit/", {"note": "已完成", "files": [_exe()]}, format="multipart"
    )
    assert response.status_code == 400
    assert "virus.exe" in str(response.json()) and "not accepted" in str(response.json())


def test_json_without_files_still_submits(world, api_for):
    task = make_task(department=world.dept_a, user=world.safety_manager)
    response = api_for("head_a").post(f"/api/v1/tasks/{task.pk}/submit/", {"note": "已完成"}, format="json")
    assert response.status_code == 200 and response.json()["status"] == "submitted"


def test_the_uploaded_evidence_shows_on_the_task_page(world, api_for, client_for):
    task = make_task(department=world.dept_a, user=world.safety_manager)
    api_for("head_a").post(
        f"/api/v1/tasks/{task.pk}/submit/", {"note": "已完成", "files": [photo("整改照片.jpg")]}, format="multipart"
    )
    assert "整改照片.jpg" in client_for("head_a").get(f"/tasks/{task.pk}/").content.decode()
