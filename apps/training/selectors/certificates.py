"""Certificates the user may read, those due for a reminder, and their validity."""

from __future__ import annotations

import datetime as dt

from django.db.models import Exists, Max, OuterRef, Q, QuerySet
from django.utils import timezone

from apps.core.selectors import as_int, matching, searched
from apps.training import validity
from apps.training.models import CERTIFICATE_WINDOW_DAYS, Certificate, CertificateKind, CertificateType
from apps.training.selectors.visibility import _only, visible_employees
from apps.workflow.selectors import reminder_sent

# The reminders of a certificate, each once per review date or expiry date
# (apps/workflow/services/remind.py).
REVIEW_REMINDER = "certificate_review"
EXPIRY_REMINDER = "certificate_expiry"
EXPIRED_REMINDER = "certificate_expired"
# An operator permit's, each once per expiry date: 3 months before and, urgent, 1 month before.
PERMIT_REMINDERS = {validity.NOTICE: "permit_expiry_notice", validity.URGENT: "permit_expiry_urgent"}
PERMIT = Q(kind=CertificateKind.SPECIAL_EQUIPMENT)


def _newer_certificate(as_of: dt.date) -> QuerySet[Certificate]:
    """A valid certificate of the same holder and type replaces an expired one."""
    return Certificate.objects.filter(
        holder_id=OuterRef("holder_id"), type_id=OuterRef("type_id"), valid_until__gte=as_of
    )


def _expired_flag(as_of: dt.date):
    return Exists(
        Certificate.objects.filter(holder=OuterRef("employee_id"), valid_until__lt=as_of).exclude(
            Exists(_newer_certificate(as_of))
        )
    )


def certificate_type_list(*, kind: str | None = None) -> QuerySet[CertificateType]:
    qs = CertificateType.objects.all()
    if kind:
        qs = qs.filter(kind=kind)
    return qs.order_by("kind", "code")


def certificate_list(*, user, filters: dict | None = None, as_of: dt.date | None = None) -> QuerySet[Certificate]:
    filters = filters or {}
    as_of = as_of or timezone.localdate()
    people = visible_employees(user=user, filters={"active": "", **_only(filters, "department")})
    qs = Certificate.objects.filter(holder_id__in=people.values("id")).select_related("type", "holder__department")
    qs = matching(qs, filters, "kind")
    if holder := as_int(filters.get("holder")):
        qs = qs.filter(holder_id=holder)
    window = dt.timedelta(days=CERTIFICATE_WINDOW_DAYS)
    state = filters.get("state")
    if state == "expired":
        qs = qs.filter(valid_until__lt=as_of)
    elif state == "due":
        certificate_due = Q(next_review_on__lte=as_of + window) | Q(valid_until__lte=as_of + window)
        permit_due = Q(valid_until__lte=validity.reminded_through(as_of, validity.PERMIT_NOTICE_MONTHS))
        qs = qs.filter((~PERMIT & certificate_due) | (PERMIT & permit_due), valid_until__gte=as_of)
    elif state == "valid":
        qs = qs.filter(valid_until__gte=as_of)
    if (within := as_int(filters.get("within"))) is not None:
        # Expiring within so many days (the dashboard's 30/60/90-day figures): people in service.
        qs = qs.filter(
            holder__is_active=True, valid_until__gte=as_of, valid_until__lte=as_of + dt.timedelta(days=within)
        )
    qs = searched(qs, filters.get("q"), "number", "holder__name", "type__name")
    return qs.order_by("valid_until", "pk")


def reviews_due(*, today: dt.date) -> QuerySet[Certificate]:
    """Valid certificates whose review window (60 days before the review) is open and which
    were not reminded of this review yet."""
    window = dt.timedelta(days=CERTIFICATE_WINDOW_DAYS)
    return (
        Certificate.objects.filter(
            next_review_on__isnull=False,
            next_review_on__lte=today + window,
            valid_until__gte=today,
            holder__is_active=True,
        )
        .exclude(reminder_sent(Certificate, REVIEW_REMINDER, OuterRef("next_review_on")))
        .select_related("type", "holder")
    )


def expiries_due(*, today: dt.date) -> QuerySet[Certificate]:
    """Certificates within 60 days of expiry, not yet reminded of this expiry date (operator
    permits have reminders of their own)."""
    window = dt.timedelta(days=CERTIFICATE_WINDOW_DAYS)
    return (
        Certificate.objects.filter(valid_until__gte=today, valid_until__lte=today + window, holder__is_active=True)
        .exclude(PERMIT)
        .exclude(reminder_sent(Certificate, EXPIRY_REMINDER, OuterRef("valid_until")))
        .select_related("type", "holder")
    )


def permit_expiries_due(*, today: dt.date, reminder: str) -> QuerySet[Certificate]:
    """Operator permits in date for which `reminder` (validity.NOTICE or URGENT) is the one due
    today (validity.permit_reminder), not yet sent for this expiry date."""
    urgent_through = validity.reminded_through(today, validity.PERMIT_URGENT_MONTHS)
    if reminder == validity.URGENT:
        window = Q(valid_until__gte=today, valid_until__lte=urgent_through)
    else:
        notice_through = validity.reminded_through(today, validity.PERMIT_NOTICE_MONTHS)
        window = Q(valid_until__gt=urgent_through, valid_until__lte=notice_through)
    return (
        Certificate.objects.filter(PERMIT, window, holder__is_active=True)
        .exclude(reminder_sent(Certificate, PERMIT_REMINDERS[reminder], OuterRef("valid_until")))
        .select_related("type", "holder")
    )


def expired_unnotified(*, today: dt.date) -> QuerySet[Certificate]:
    return (
        Certificate.objects.filter(valid_until__lt=today, holder__is_active=True)
        .exclude(reminder_sent(Certificate, EXPIRED_REMINDER, OuterRef("valid_until")))
        .exclude(Exists(_newer_certificate(today)))
        .select_related("type", "holder")
    )


def certificate_validity(*, as_of: dt.date) -> tuple[int, int]:
    """(valid, total) of the current certificates of people in service: for each holder and
    type the latest certificate counts."""
    latest = (
        Certificate.objects.filter(holder__is_active=True)
        .values("holder_id", "type_id")
        .annotate(latest=Max("valid_until"))
        .values_list("latest", flat=True)
    )
    dates = list(latest)
    return sum(1 for d in dates if d >= as_of), len(dates)
