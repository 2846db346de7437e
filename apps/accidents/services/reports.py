"""Accident reports and near misses: numbering, the GB 6441 type edition, grading and the
report's photos and documents."""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.accidents import grading, policies
from apps.accidents.models import GB6441_2025_FROM, Accident, Edition, Severity
from apps.accidents.services._common import _refuse_if_closed, _save
from apps.accidents.services.clock import check_report_times
from apps.core.exceptions import ApplicationError
from apps.core.services import attachment_add
from apps.org.policy import require


def regrade(accident: Accident) -> None:
    accident.grade = grading.classify(accident.deaths, accident.serious_injuries, accident.direct_loss)


def next_code(occurred_at: dt.datetime) -> str:
    year = timezone.localtime(occurred_at).year
    prefix = f"SG-{year}-"
    # By the number, not the text: "SG-2026-10000" sorts before "SG-2026-9999".
    suffixes = Accident.objects.filter(code__startswith=prefix).values_list("code", flat=True)
    numbers = [int(code[len(prefix) :]) for code in suffixes if code[len(prefix) :].isdigit()]
    return f"{prefix}{max(numbers, default=0) + 1:04d}"


def _check_type_edition(accident: Accident) -> None:
    """GB 6441-2025 types for accidents from 2026-07-01, the 1986 classes before."""
    expected = Edition.GB6441_2025 if accident.occurred_on >= GB6441_2025_FROM else Edition.GB6441_1986
    if accident.accident_type.edition != expected:
        raise ApplicationError(
            _(
                "Accident type: accidents from %(date)s use the GB 6441-2025 types, older ones the "
                "GB 6441-1986 classes; choose a type of %(edition)s."
            )
            % {"date": GB6441_2025_FROM.isoformat(), "edition": Edition(expected).label}
        )


REPORT_FIELDS = (
    "title",
    "occurred_at",
    "place",
    "department",
    "accident_type",
    "is_near_miss",
    "road_traffic",
    "deaths",
    "serious_injuries",
    "minor_injuries",
    "direct_loss",
    "account",
    "immediate_measures",
    "head_told_at",
    "authority_told_at",
)
# Once reported, casualties change only through dated updates (补报).
CASUALTY_FIELDS = ("deaths", "serious_injuries", "minor_injuries")


NUMBER_ATTEMPTS = 5


def _save_numbered(accident: Accident, *, user) -> None:
    """Number a new accident and save it; when a concurrent report took the number first, the
    unique constraint refuses it and the next free number is taken."""
    for attempt in range(NUMBER_ATTEMPTS):
        if accident.occurred_at:
            accident.code = next_code(accident.occurred_at)
        try:
            with transaction.atomic():
                _save(accident, user=user)
            return
        except IntegrityError:
            if attempt == NUMBER_ATTEMPTS - 1:
                raise


@transaction.atomic
def accident_save(*, accident: Accident | None = None, data: dict, user, files=()) -> Accident:
    """Report an accident or near miss, or correct its report."""
    creating = accident is None
    if not creating:
        _refuse_if_closed(accident)
        # A ModelForm may already have written the new department on the instance: check the
        # stored one (and, below, the new one).
        stored = Accident.objects.select_related("accident_type").get(pk=accident.pk)
        require(policies.may_report(user, stored.department_id))
    accident = accident or Accident(reported_by=user)
    for field in REPORT_FIELDS:
        if field in data and not (field in CASUALTY_FIELDS and not creating):
            setattr(accident, field, data[field])
    require(policies.may_report(user, accident.department_id))
    if accident.is_near_miss and (accident.deaths or accident.serious_injuries or accident.minor_injuries):
        raise ApplicationError(_("Near miss: a near miss has no casualties; record it as an accident."))
    if accident.is_near_miss and not creating and accident.people.exclude(severity=Severity.NONE).exists():
        raise ApplicationError(
            _("Near miss: people injured or killed are recorded on this accident; a near miss has no casualties.")
        )
    if accident.occurred_at and accident.occurred_at > timezone.now():
        raise ApplicationError(_("Time of the accident: it cannot be in the future."))
    check_report_times(accident)
    if accident.accident_type_id and accident.occurred_at:
        _check_type_edition(accident)
    regrade(accident)
    if creating:
        _save_numbered(accident, user=user)
    else:
        _save(accident, user=user)
    for upload in files:
        attachment_add(owner=accident, upload=upload, user=user)
    return accident


@transaction.atomic
def accident_attach(*, accident: Accident, user, files) -> list[str]:
    """Photos and documents of the accident, added by those who report it, until it is
    closed."""
    require(policies.may_report(user, accident.department_id))
    _refuse_if_closed(accident)
    return [attachment_add(owner=accident, upload=f, user=user).original_name for f in files]
