from __future__ import annotations

import functools
import logging

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from apps.core import exports
from apps.core.exceptions import ApplicationError
from apps.core.models import Attachment, GeneratedFile, GeneratedFileStatus
from apps.core.validators import validate_attachment

logger = logging.getLogger(__name__)


@transaction.atomic
def attachment_add(*, owner: models.Model, upload, user, caption: str = "") -> Attachment:
    mime_type = validate_attachment(upload)
    attachment = Attachment(
        content_type=ContentType.objects.get_for_model(owner),
        object_id=owner.pk,
        file=upload,
        original_name=upload.name[:255],
        size=upload.size,
        mime_type=mime_type,
        caption=caption,
        uploaded_by=user,
    )
    attachment.full_clean(exclude=["file"])
    attachment.save()
    return attachment


@transaction.atomic
def export_start(*, user, kind: str, params: dict | None = None) -> GeneratedFile:
    """Create the GeneratedFile and queue its generation once the row is committed."""
    from apps.core.tasks import run_export

    exporter = exports.get(kind)
    if exporter is None:
        raise ApplicationError(_("Unknown export “%(kind)s”.") % {"kind": kind})
    if not exporter.allowed(user):
        raise PermissionDenied(_("You are not allowed to run this export."))
    generated = GeneratedFile.objects.create(
        kind=kind,
        title=str(exporter.title),
        params=params or {},
        created_by=user,
        language=translation.get_language() or settings.LANGUAGE_CODE,
    )
    transaction.on_commit(lambda: run_export.delay(generated.pk))
    return generated


def export_run(*, generated_file_id: int) -> GeneratedFile:
    """Build the file. A failure is recorded on the GeneratedFile and changes nothing else."""
    generated = GeneratedFile.objects.select_related("created_by").get(pk=generated_file_id)
    if generated.is_finished:
        return generated
    exporter_cls = exports.get(generated.kind)
    GeneratedFile.objects.filter(pk=generated.pk).update(status=GeneratedFileStatus.RUNNING, progress=0)

    def progress(done: int, total: int | None) -> None:
        if total:
            percent = min(99, int(done * 100 / total))
            GeneratedFile.objects.filter(pk=generated.pk).update(progress=percent)

    try:
        if exporter_cls is None:
            raise ApplicationError(_("Unknown export “%(kind)s”.") % {"kind": generated.kind})
        exporter = exporter_cls(user=generated.created_by, params=generated.params)
        with translation.override(generated.language):
            content = exporter.render(progress)
            filename = exporter.filename()
        generated.file.save(filename, ContentFile(content), save=False)
    except Exception as exc:  # noqa: BLE001 - any failure is shown to the person who asked
        logger.exception("Export %s failed", generated.pk)
        generated.status = GeneratedFileStatus.FAILED
        generated.error = str(exc) or exc.__class__.__name__
    else:
        generated.status = GeneratedFileStatus.DONE
        generated.progress = 100
    generated.finished_at = timezone.now()
    generated.save(update_fields=["status", "progress", "file", "error", "finished_at"])
    return generated


def fields_as_keywords(service):
    """A service that takes a record's fields as keywords, called as a save is, with `data=`: for
    `ServiceMixin` and `core.views.edit_page`."""

    @functools.wraps(service)
    def call(*, data, **kwargs):
        return service(**kwargs, **data)

    return call
