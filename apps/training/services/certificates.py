"""Special-operation certificates and special-equipment permits: kept by safety managers.
Certificates are reviewed every 3 years and reminded to the holder's department heads before
review and expiry; operator permits have no review and are reminded to the heads and the safety
managers 3 months and, urgent, 1 month before expiry (apps/training/validity.py)."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from apps.core import recurrence
from apps.core.exceptions import ApplicationError
from apps.core.text import Person, stored
from apps.org.models import Role
from apps.org.selectors import department_head_users, users_with_role
from apps.training import policies, selectors, validity
from apps.training.models import CERTIFICATE_REVIEW_YEARS, Certificate
from apps.training.services._common import _apply, _check, _save
from apps.workflow import services as workflow

CERTIFICATE_FIELDS = ("type", "number", "holder", "authority", "issued_on", "valid_until", "next_review_on")


def _prepare_certificate(certificate: Certificate, data: dict) -> None:
    """Apply the data. The validity and review dates default from the issue date on creation
    and when the issue date changes (a renewal); otherwise an empty or missing date keeps the
    stored one, so that an edit after a review (or a PATCH without them) changes neither."""
    renewal = certificate._state.adding or ("issued_on" in data and data["issued_on"] != certificate.issued_on)
    stored = {"valid_until": certificate.valid_until, "next_review_on": certificate.next_review_on}
    kind = certificate.kind
    _apply(certificate, data, CERTIFICATE_FIELDS)
    if certificate.type_id:
        certificate.kind = certificate.type.kind
    renewal = renewal or certificate.kind != kind  # another kind has another validity
    for name, default in (("valid_until", validity.valid_until), ("next_review_on", validity.next_review)):
        if data.get(name):
            continue
        if not renewal:
            setattr(certificate, name, stored[name])
        elif certificate.issued_on:
            setattr(certificate, name, default(certificate.kind, certificate.issued_on))
    if not certificate.review_applies:
        if data.get("next_review_on"):
            raise ValidationError(
                {"next_review_on": _("A special-equipment operator permit has no review: leave the date empty.")}
            )
        certificate.next_review_on = None
    if certificate.valid_until and certificate.issued_on and certificate.valid_until <= certificate.issued_on:
        raise ValidationError({"valid_until": _("A certificate expires after it is issued.")})


@transaction.atomic
def certificate_create(*, data: dict, user) -> Certificate:
    _check(policies.can_edit_certificate, user)
    certificate = Certificate()
    _prepare_certificate(certificate, data)
    _save(certificate, user=user)
    return certificate


@transaction.atomic
def certificate_update(*, certificate: Certificate, data: dict, user) -> Certificate:
    _check(policies.can_edit_certificate, user, certificate)
    # The stored row, locked: an edit form has already written its data onto the instance.
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    _prepare_certificate(certificate, data)
    _save(certificate, user=user)
    return certificate


@transaction.atomic
def certificate_review(*, certificate: Certificate, reviewed_on: dt.date, user) -> Certificate:
    """Record the 3-yearly review: the next one is 3 years after the one just done, unless the
    certificate expires first (then it is renewed instead)."""
    _check(policies.can_review_certificate, user, certificate)
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if not certificate.review_applies:
        raise ApplicationError(_("A special-equipment operator permit has no review; renew it before it expires."))
    if certificate.is_expired(reviewed_on):
        raise ApplicationError(_("An expired certificate cannot be reviewed; renew it."))
    due = certificate.next_review_on or reviewed_on
    following = recurrence.add_years(due, CERTIFICATE_REVIEW_YEARS)
    certificate.reviewed_on = reviewed_on
    certificate.next_review_on = following if following < certificate.valid_until else None
    _save(certificate, user=user, reason=stored(gettext_noop("reviewed")).dumps())
    return certificate


def _heads_by_department(certificates) -> tuple[dict[int, list], list]:
    heads = department_head_users(department_ids={c.holder.department_id for c in certificates})
    return heads, list(users_with_role(Role.SAFETY_MANAGER))


def _reminder_values(certificate: Certificate) -> dict:
    return {
        "holder": Person(certificate.holder),
        "type": certificate.type.name,
        "number": certificate.number,
        "review": certificate.next_review_on.isoformat() if certificate.next_review_on else "",
        "until": certificate.valid_until.isoformat(),
    }


def _review_message(certificate: Certificate) -> str:
    return stored(
        gettext_noop("Certificate review due on %(review)s: %(holder)s, %(type)s no. %(number)s"),
        **_reminder_values(certificate),
    )


def _expiry_message(certificate: Certificate) -> str:
    return stored(
        gettext_noop("Certificate expires on %(until)s: %(holder)s, %(type)s no. %(number)s"),
        **_reminder_values(certificate),
    )


def _expired_message(certificate: Certificate) -> str:
    return stored(
        gettext_noop("Certificate expired on %(until)s: %(holder)s, %(type)s no. %(number)s"),
        **_reminder_values(certificate),
    )


def _permit_message(certificate: Certificate) -> str:
    return stored(
        gettext_noop(
            "Operator permit expires on %(until)s: %(holder)s, %(type)s no. %(number)s. "
            "Apply for its renewal at least one month before."
        ),
        **_reminder_values(certificate),
    )


def _permit_urgent_message(certificate: Certificate) -> str:
    return stored(
        gettext_noop(
            "Urgent: operator permit expires on %(until)s and its renewal must be applied for now: "
            "%(holder)s, %(type)s no. %(number)s"
        ),
        **_reminder_values(certificate),
    )


def _claim(certificates, kind: str, due: str, today: dt.date) -> list:
    """The certificates whose reminder of this date is recorded now, so each window is told
    once even by two runs at once (apps/workflow/services/remind.py)."""
    return [c for c in certificates if workflow.reminder_claim(subject=c, kind=kind, due=getattr(c, due), today=today)]


@transaction.atomic
def certificate_reminders_send(*, today: dt.date | None = None) -> dict[str, int]:
    """Tell the heads of each holder's department of certificates entering their review or
    expiry window (60 days before), and of certificates that expired; tell the heads and the
    safety managers of operator permits 3 months before expiry and, urgent, 1 month before.
    Each once per window: safe to run more than once a day."""
    today = today or timezone.localdate()
    reviews = _claim(selectors.reviews_due(today=today), selectors.REVIEW_REMINDER, "next_review_on", today)
    expiries = _claim(selectors.expiries_due(today=today), selectors.EXPIRY_REMINDER, "valid_until", today)
    expired = _claim(selectors.expired_unnotified(today=today), selectors.EXPIRED_REMINDER, "valid_until", today)
    notices, urgent = (
        _claim(
            selectors.permit_expiries_due(today=today, reminder=r), selectors.PERMIT_REMINDERS[r], "valid_until", today
        )
        for r in (validity.NOTICE, validity.URGENT)
    )
    heads, safety_managers = _heads_by_department([*reviews, *expiries, *expired, *notices, *urgent])
    url = reverse("training:certificate_list")
    batch = [
        (heads.get(c.holder.department_id) or safety_managers, message(c), None, url)
        for certificates, message in (
            (reviews, _review_message),
            (expiries, _expiry_message),
            (expired, _expired_message),
        )
        for c in certificates
    ] + [
        ([*heads.get(c.holder.department_id, []), *safety_managers], message(c), None, url)
        for permits, message in ((notices, _permit_message), (urgent, _permit_urgent_message))
        for c in permits
    ]
    workflow.notify_many(batch)
    return {
        "review": len(reviews),
        "expiring": len(expiries),
        "expired": len(expired),
        "permit_notice": len(notices),
        "permit_urgent": len(urgent),
    }
