"""What the training app tells the scoring engine (element 5), as of a date.

A fixed number of queries: the company-wide compliance (seven), the training year (one),
certificate validity (one) and plan completion (one).

Staff short of their yearly hours count against the hours indicator only once the training year
is over (its last day); before that the indicator says so and how much of the year has gone.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db.models import OuterRef, Subquery
from django.urls import reverse
from django.utils.translation import gettext as _

from apps.core.numbers import percent
from apps.scoring.registry import EvidenceRecord, Indicator
from apps.training import rules, selectors
from apps.training.models import Certificate

TARGET = Decimal(100)


def _indicator(key: str, label: str, part: int, whole: int, url: str) -> Indicator:
    value = percent(part, whole)
    return Indicator(
        key=key,
        label=label,
        value=value,
        element=5,
        target=TARGET,
        unit="%",
        ok=None if value is None else value >= TARGET,
        url=url,
    )


def _hours_label(as_of: dt.date) -> str:
    """The hours indicator's label: the final judgement on the last day of the training year,
    progress before it (the yearly hours not yet held against anyone)."""
    start, end = selectors.training_year(as_of)
    if as_of >= end:
        return _("Staff meeting their initial and yearly training hours")
    return _(
        "Staff meeting their initial training hours (yearly hours in progress: training year %(start)s to "
        "%(end)s, %(elapsed)s%% of it gone)"
    ) % {"start": start.isoformat(), "end": end.isoformat(), "elapsed": rules.year_elapsed(as_of, start, end)}


def provider(as_of: dt.date) -> list[Indicator]:
    counts, _computed_at = selectors.compliance_by_path(as_of=as_of)
    people = sum(c[0] for c in counts.values())
    valid, certificates = selectors.certificate_validity(as_of=as_of)
    held, due = selectors.plan_completion(as_of=as_of)
    compliance_url = reverse("training:compliance")
    return [
        _indicator(
            "training.annual_hours_compliance",
            _hours_label(as_of),
            sum(c[1] for c in counts.values()),
            people,
            compliance_url,
        ),
        _indicator(
            "training.induction_complete_rate",
            _("Staff with their three-level induction complete"),
            sum(c[2] for c in counts.values()),
            people,
            compliance_url,
        ),
        _indicator(
            "training.certificates_valid_rate",
            _("Special-operation and equipment certificates in date"),
            valid,
            certificates,
            reverse("training:certificate_list"),
        ),
        _indicator(
            "training.plan_completion_rate",
            _("Planned training held (items due by this month)"),
            held,
            due,
            reverse("training:plan_list"),
        ),
    ]


def _certificates_not_valid(as_of: dt.date) -> list[EvidenceRecord]:
    """The current certificates (the latest per holder in service and type, as counted by
    `training.certificates_valid_rate`) that had expired by the date: one query."""
    latest = (
        Certificate.objects.filter(holder_id=OuterRef("holder_id"), type_id=OuterRef("type_id"))
        .order_by("-valid_until", "-pk")
        .values("pk")[:1]
    )
    expired = (
        Certificate.objects.filter(holder__is_active=True, pk=Subquery(latest), valid_until__lt=as_of)
        .select_related("holder", "type")
        .order_by("valid_until", "holder__employee_no", "pk")
    )
    url = reverse("training:certificate_list")
    return [
        EvidenceRecord(
            f"{certificate.holder.name} · {certificate}",
            f"{url}?holder={certificate.holder_id}&state=expired",
            certificate.valid_until,
        )
        for certificate in expired
    ]


RECORDS = {"training.certificates_valid_rate": _certificates_not_valid}


def records(key: str, as_of: dt.date) -> list[EvidenceRecord]:
    """The records behind one of this app's indicators (see RECORDS for the keys it lists)."""
    lister = RECORDS.get(key)
    return lister(as_of) if lister else []
