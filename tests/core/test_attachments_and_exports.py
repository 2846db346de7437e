import io
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from apps.core import exports, services
from apps.core.exceptions import ApplicationError
from apps.core.models import GeneratedFile, GeneratedFileStatus
from tests.helpers import xlsx_rows


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, format="PNG")
    return buffer.getvalue()


def test_a_photo_is_stored_with_its_type_and_size(world):
    upload = SimpleUploadedFile("现场照片.png", _png(), content_type="image/png")
    attachment = services.attachment_add(owner=world.dept_a, upload=upload, user=world.head_a)
    assert attachment.mime_type == "image/png"
    assert attachment.size == len(_png())
    assert attachment.original_name == "现场照片.png"
    assert attachment.file.storage.exists(attachment.file.name)


@pytest.mark.parametrize(
    "name, content, code",
    [
        ("tool.exe", b"MZ", "file_type"),
        ("fake.jpg", b"not an image", "file_image"),
        ("big.pdf", b"%PDF" + b"0" * 2048, "file_size"),
    ],
)
def test_bad_files_are_refused_with_their_name(world, settings, name, content, code):
    settings.ATTACHMENT_MAX_BYTES = 1024
    upload = SimpleUploadedFile(name, content)
    with pytest.raises(ValidationError, match=re.escape(name)) as exc:
        services.attachment_add(owner=world.dept_a, upload=upload, user=world.head_a)
    assert exc.value.error_list[0].code == code
    assert name in exc.value.messages[0]


def test_an_export_is_kept_as_a_generated_file(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        generated = services.export_start(user=world.safety_manager, kind="org.departments")
    generated.refresh_from_db()
    assert generated.status == GeneratedFileStatus.DONE
    assert generated.progress == 100
    with generated.file.open("rb") as file:
        rows = xlsx_rows(file.read())
    assert rows[0][0] == "编码"  # Chinese headers by default
    assert {row[0] for row in rows[1:]} >= {"A", "A-1", "B"}


def test_a_failing_export_is_marked_failed_and_changes_nothing_else(world, monkeypatch):
    @exports.register
    class Broken(exports.Exporter):
        kind = "test.broken"
        title = "坏导出"

        def header(self):
            return ["x"]

        def rows(self):
            raise RuntimeError("数据源不可用")
            yield  # pragma: no cover

    generated = GeneratedFile.objects.create(kind="test.broken", title="坏导出", created_by=world.safety_manager)
    services.export_run(generated_file_id=generated.pk)
    generated.refresh_from_db()
    assert generated.status == GeneratedFileStatus.FAILED
    assert "数据源不可用" in generated.error
    assert not generated.file


def test_exports_check_who_asks(world, english):
    with pytest.raises(PermissionDenied, match="You are not allowed to run this export"):
        services.export_start(user=world.employee_a, kind="org.employees")
    with pytest.raises(ApplicationError, match="Unknown export “no.such.export”"):
        services.export_start(user=world.safety_manager, kind="no.such.export")


def test_only_the_requester_downloads_the_file(world, client_for, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        generated = services.export_start(user=world.head_a, kind="org.employees")
    url = f"/files/{generated.pk}/download/"
    download = client_for("head_a").get(url)
    # Reading the stream to its end closes the file; response.close() would instead send
    # request_finished, which closes the test's database connection.
    assert b"".join(download.streaming_content).startswith(b"PK")
    assert download.status_code == 200
    assert client_for("outsider").get(url).status_code == 404


def test_the_export_button_starts_and_reports_progress(world, client_for, django_capture_on_commit_callbacks):
    client = client_for("safety_manager")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/files/start/workflow.tasks/", {"status": "unfinished"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    generated = GeneratedFile.objects.get()
    assert generated.params == {"status": "unfinished"}
    status = client.get(f"/files/{generated.pk}/status/", HTTP_ACCEPT="application/json").json()
    assert status["status"] == "done"


def test_history_shows_related_records_by_name(world):
    from apps.core.selectors import history_entries
    from apps.org import services as org_services
    from apps.org.models import Employee

    employee = Employee.objects.get(user=world.employee_a)
    org_services.employee_update(employee=employee, data={"department": world.dept_b}, user=world.safety_manager)
    latest = history_entries(employee)[0]
    assert latest["who"] == world.safety_manager
    assert {"old": "车削一班", "new": "装配车间"}.items() <= latest["changes"][0].items()
