from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, QuerySet

from apps.core.models import Attachment, GeneratedFile


def generated_file_list(*, user) -> QuerySet[GeneratedFile]:
    return GeneratedFile.objects.filter(created_by=user).order_by("-created_at")


def attachment_list(*, owner: Model) -> QuerySet[Attachment]:
    return (
        Attachment.objects.filter(
            content_type=ContentType.objects.get_for_model(owner), object_id=owner.pk
        )
        .select_related("uploaded_by")
        .order_by("created_at")
    )


def history_entries(obj: Model, *, limit: int = 50) -> list[dict]:
    """The audit trail of one record: who changed what and when, newest first."""
    records = list(
        obj.history.select_related("history_user").order_by("-history_date")[: limit + 1]
    )
    entries = []
    for index, record in enumerate(records[:limit]):
        previous = records[index + 1] if index + 1 < len(records) else None
        changes = []
        if previous is not None and record.history_type == "~":
            delta = record.diff_against(previous)
            for change in delta.changes:
                field = obj._meta.get_field(change.field)
                changes.append(
                    {
                        "field": field.verbose_name,
                        "old": _display(field, change.old),
                        "new": _display(field, change.new),
                    }
                )
        entries.append(
            {
                "when": record.history_date,
                "who": record.history_user,
                "type": record.history_type,
                "reason": record.history_change_reason or "",
                "changes": changes,
            }
        )
    return entries


def _display(field, value):
    if value is None or value == "":
        return "—"
    if field.choices:
        return dict(field.flatchoices).get(value, value)
    if isinstance(value, bool):
        from django.utils.translation import gettext

        return gettext("Yes") if value else gettext("No")
    return value
