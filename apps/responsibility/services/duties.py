"""Duty documents (a revision is a new version) and their yearly review."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from apps.core.exceptions import ApplicationError
from apps.core.text import stored
from apps.org.policy import require
from apps.responsibility import policies
from apps.responsibility.models import DutyDocument, DutyReview
from apps.responsibility.services._common import _save


@transaction.atomic
def duty_save(*, data: dict, user, previous: DutyDocument | None = None) -> DutyDocument:
    """A new duty document, or a new version of `previous` (which stops being current)."""
    require(policies.can_write_duties(user))
    document = DutyDocument(
        scope=data["scope"],
        department=data.get("department"),
        position=data.get("position"),
        title=data["title"],
        content=data["content"],
        effective_on=data.get("effective_on") or timezone.localdate(),
    )
    if document.scope == "department" and document.department is None:
        raise ValidationError({"department": _("Choose the department.")})
    if document.scope == "position" and document.position is None:
        raise ValidationError({"position": _("Choose the position.")})
    if previous is not None:
        previous = DutyDocument.objects.select_for_update().filter(pk=previous.pk, is_current=True).first()
        if previous is None:
            raise ApplicationError(_("Only the current version of a duty document is revised."))
        document.version = previous.version + 1
        previous.is_current = False
        _save(
            previous, user=user, reason=stored(gettext_noop("Superseded by version %(v)s"), v=document.version).dumps()
        )
    _save(document, user=user)
    return document


@transaction.atomic
def duty_review(
    *, document: DutyDocument, year: int, result: str, user, notes: str = "", reviewed_on: dt.date | None = None
) -> DutyReview:
    require(policies.can_write_duties(user, document))
    if DutyReview.objects.filter(document=document, year=year).exists():
        raise ApplicationError(_("These duties are already reviewed for %(year)s.") % {"year": year})
    review = DutyReview(
        document=document,
        year=year,
        result=result,
        notes=notes,
        reviewer=user,
        reviewed_on=reviewed_on or timezone.localdate(),
    )
    _save(review, user=user)
    return review
