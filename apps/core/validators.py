"""Checks on uploaded files: size, extension, and that an image really is one."""

from __future__ import annotations

import os

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

IMAGE_EXTENSIONS = {"jpg", "jpeg", "png", "webp", "gif"}


def validate_attachment(upload) -> str:
    """Validate an uploaded evidence file and return its MIME type."""
    name = upload.name or ""
    ext = os.path.splitext(name)[1].lower().lstrip(".")
    allowed = settings.ATTACHMENT_EXTENSIONS
    if ext not in allowed:
        raise ValidationError(
            _("File “%(name)s” has type “%(ext)s”, which is not accepted. Accepted: %(allowed)s.")
            % {"name": name, "ext": ext or "?", "allowed": ", ".join(allowed)},
            code="file_type",
        )
    if upload.size > settings.ATTACHMENT_MAX_BYTES:
        raise ValidationError(
            _("File “%(name)s” is %(size)s; the limit is %(limit)s.")
            % {
                "name": name,
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(settings.ATTACHMENT_MAX_BYTES),
            },
            code="file_size",
        )
    if ext in IMAGE_EXTENSIONS:
        try:
            upload.seek(0)
            with Image.open(upload) as image:
                image.verify()
                mime = Image.MIME.get(image.format or "", "")
        except (UnidentifiedImageError, OSError, SyntaxError) as exc:
            raise ValidationError(
                _("File “%(name)s” is not a readable image.") % {"name": name}, code="file_image"
            ) from exc
        finally:
            upload.seek(0)
        return mime or f"image/{ext}"
    return getattr(upload, "content_type", None) or {"pdf": "application/pdf", "txt": "text/plain"}.get(
        ext, "application/octet-stream"
    )
