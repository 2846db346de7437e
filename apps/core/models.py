from __future__ import annotations

import os

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class BaseModel(models.Model):
    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


class AuditedModel(BaseModel):
    """A ledger record whose every change is kept (django-simple-history): each concrete subclass
    gets its own historical table and a `history` manager. A model that keeps some field out of its
    history declares its own `HistoricalRecords(excluded_fields=...)` on `BaseModel` instead."""

    history = HistoricalRecords(inherit=True)

    class Meta:
        abstract = True


class WrittenOnceQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise TypeError(f"{self.model.record_name} is never changed.")

    def delete(self):
        raise TypeError(f"{self.model.record_name} is never deleted.")


class WrittenOnce(models.Model):
    """A record on file (a decision, a signature): written once, never changed or deleted.
    Immutability is a property of the record, so it is guarded here and not only in the services:
    no service, admin or shell may rewrite it. `record_name` names it in the refusals."""

    record_name = "A record"

    objects = WrittenOnceQuerySet.as_manager()

    class Meta:
        abstract = True
        # Django's internal lookups use the guarded queryset too.
        base_manager_name = "objects"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise TypeError(f"{self.record_name} is never changed.")
        # force_insert: a reused primary key fails instead of overwriting what is on file.
        kwargs["force_insert"] = True
        kwargs.pop("force_update", None)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError(f"{self.record_name} is never deleted.")


class CodeNamed(models.Model):
    """An entry of a catalogue or a ledger known by its `code` and `name`, and shown by both."""

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class Named(models.Model):
    """A record shown by its `name`."""

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.name


class Titled(models.Model):
    """A record shown by its `title`."""

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.title


class Frequency(models.TextChoices):
    """How often a plan recurs; `apps/core/recurrence.py` steps each of them forward."""

    ONCE = "once", _("Once")
    DAILY = "daily", _("Every day")
    WEEKLY = "weekly", _("Every week")
    MONTHLY = "monthly", _("Every month")
    QUARTERLY = "quarterly", _("Every quarter")
    HALF_YEARLY = "half_yearly", _("Every half year")
    YEARLY = "yearly", _("Every year")


RECURRING = [(value, label) for value, label in Frequency.choices if value != Frequency.ONCE]


class Attachment(BaseModel):
    """An evidence file (photo, scan, document) attached to any record."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    owner = GenericForeignKey("content_type", "object_id")
    file = models.FileField(_("file"), upload_to="attachments/%Y/%m/")
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveBigIntegerField(_("size (bytes)"))
    mime_type = models.CharField(_("file type"), max_length=100, blank=True)
    caption = models.CharField(_("caption"), max_length=200, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("uploaded by")
    )

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        # Attachments are always listed for one owner record.
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return self.original_name

    @property
    def is_image(self) -> bool:
        return self.mime_type.startswith("image/")

    @property
    def extension(self) -> str:
        return os.path.splitext(self.original_name)[1].lower().lstrip(".")


class GeneratedFileStatus(models.TextChoices):
    PENDING = "pending", _("Queued")
    RUNNING = "running", _("Generating")
    DONE = "done", _("Ready")
    FAILED = "failed", _("Failed")


class GeneratedFile(Titled, BaseModel):
    """An export produced in the background and kept for download."""

    kind = models.CharField(_("kind"), max_length=100)
    title = models.CharField(_("title"), max_length=200)
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=GeneratedFileStatus.choices, default=GeneratedFileStatus.PENDING
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    # The file speaks the language of the person who asked for it, whoever generates it.
    language = models.CharField(_("language"), max_length=10, default=settings.LANGUAGE_CODE)
    file = models.FileField(_("file"), upload_to="generated/%Y/%m/", blank=True)
    error = models.TextField(_("error"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="generated_files", verbose_name=_("created by")
    )
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("generated file")
        verbose_name_plural = _("generated files")
        ordering = ["-created_at"]

    @property
    def is_finished(self) -> bool:
        return self.status in (GeneratedFileStatus.DONE, GeneratedFileStatus.FAILED)


def link(
    to,
    verbose_name,
    *,
    on_delete=models.PROTECT,
    optional: bool = False,
    related_name: str | None = None,
    one_to_one: bool = False,
    **options,
):
    """A foreign key (or, with `one_to_one`, a one-to-one link) as the project declares them:
    protected unless said otherwise, and `optional` meaning it may be left empty (null and
    blank). The migrations see the same field as the long form."""
    if optional:
        options.update(null=True, blank=True)
    field = models.OneToOneField if one_to_one else models.ForeignKey
    return field(to, on_delete=on_delete, related_name=related_name, verbose_name=verbose_name, **options)
