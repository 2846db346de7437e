"""The safety organisation: the appointing document, the safety bodies and their members."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from apps.core.exceptions import ApplicationError
from apps.org.policy import require
from apps.responsibility import policies
from apps.responsibility.models import AppointmentDocument, SafetyBody, SafetyBodyMember
from apps.responsibility.services._common import _apply, _save

DOCUMENT_FIELDS = ("number", "title", "issued_on", "content")
BODY_FIELDS = ("kind", "name", "document", "duties")


@transaction.atomic
def document_save(*, document: AppointmentDocument | None = None, data: dict, user) -> AppointmentDocument:
    require(policies.can_edit_organisation(user))
    document = document or AppointmentDocument()
    _apply(document, data, DOCUMENT_FIELDS)
    _save(document, user=user)
    return document


@transaction.atomic
def body_save(*, body: SafetyBody | None = None, data: dict, user) -> SafetyBody:
    require(policies.can_edit_organisation(user))
    body = body or SafetyBody()
    _apply(body, data, BODY_FIELDS)
    _save(body, user=user)
    return body


@transaction.atomic
def member_add(*, body: SafetyBody, employee, role: str, user) -> SafetyBodyMember:
    require(policies.can_edit_organisation(user))
    member = SafetyBodyMember(body=body, employee=employee, role=role)
    try:
        member.full_clean()
    except ValidationError as exc:
        raise ApplicationError(" ".join(exc.messages)) from exc
    member._history_user = user
    member.save()
    return member


@transaction.atomic
def member_remove(*, member: SafetyBodyMember, user) -> None:
    require(policies.can_edit_organisation(user))
    member._history_user = user
    member.delete()
