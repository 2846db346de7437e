from __future__ import annotations

import datetime
import operator
from collections import defaultdict
from functools import reduce

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, Q, QuerySet
from django.utils import formats, timezone
from django.utils.translation import gettext

from apps.core.models import Attachment, GeneratedFile
from apps.core.text import names_prefetch, render


def generated_file_list(*, user) -> QuerySet[GeneratedFile]:
    return GeneratedFile.objects.filter(created_by=user).order_by("-created_at")


def attachment_list(*, owner: Model) -> QuerySet[Attachment]:
    return (
        Attachment.objects.filter(content_type=ContentType.objects.get_for_model(owner), object_id=owner.pk)
        .select_related("uploaded_by")
        .order_by("created_at")
    )


def history_entries(obj: Model, *, limit: int = 50) -> list[dict]:
    """The audit trail of one record: who changed what and when, newest first.

    Foreign keys are shown by name, with one query per related model however many changes.
    """
    records = list(obj.history.select_related("history_user").order_by("-history_date")[: limit + 1])
    raw: list[tuple] = []
    related_ids: dict = defaultdict(set)
    for index, record in enumerate(records[:limit]):
        previous = records[index + 1] if index + 1 < len(records) else None
        changes = []
        if previous is not None and record.history_type == "~":
            for change in record.diff_against(previous).changes:
                field = obj._meta.get_field(change.field)
                changes.append((field, change.old, change.new))
                if field.is_relation:
                    related_ids[field.related_model].update(v for v in (change.old, change.new) if v is not None)
        raw.append((record, changes))
    names = {
        model: {pk: str(o) for pk, o in model._default_manager.in_bulk(ids).items()}
        for model, ids in related_ids.items()
    }
    names_prefetch(record.history_change_reason for record, _changes in raw)
    return [
        {
            "when": record.history_date,
            "who": record.history_user,
            "type": record.history_type,
            "reason": render(record.history_change_reason),
            "changes": [
                {"field": field.verbose_name, "old": _display(field, old, names), "new": _display(field, new, names)}
                for field, old, new in changes
            ],
        }
        for record, changes in raw
    ]


def _display(field, value, names: dict) -> str:
    if value is None or value == "":
        return "—"
    if field.is_relation:
        return names.get(field.related_model, {}).get(value, f"#{value}")
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return gettext("Yes") if value else gettext("No")
    if isinstance(value, datetime.datetime):
        return formats.date_format(timezone.localtime(value), "Y-m-d H:i")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return render(value)


def as_int(value) -> int | None:
    """A filter value from a query string as an int; anything else is ignored."""
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


def as_date(value):
    """A filter value from a query string as a date (2026-03-31); anything else is ignored."""
    import datetime

    try:
        return datetime.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def by_flag(qs: QuerySet, value, condition: Q) -> QuerySet:
    """A yes/no filter from a query string: "1" keeps the records that meet `condition`, "0" the
    others; anything else keeps them all."""
    if value == "1":
        return qs.filter(condition)
    if value == "0":
        return qs.exclude(condition)
    return qs


def searched(qs: QuerySet, text, *fields: str) -> QuerySet:
    """A list's search box: the records where any of `fields` contains `text`, whatever the case;
    blank text keeps them all."""
    if not text:
        return qs
    return qs.filter(reduce(operator.or_, (Q(**{f"{field}__icontains": text}) for field in fields)))


def matching(qs: QuerySet, filters: dict, *names: str) -> QuerySet:
    """Exact filters from a query string: for each of `names` given a value in `filters`, the
    records whose field of that name equals it; a blank or missing value keeps them all."""
    for name in names:
        if value := filters.get(name):
            qs = qs.filter(**{name: value})
    return qs
