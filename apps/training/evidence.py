"""What the training app tells the scoring engine (element 5), as of a date.

A fixed number of queries: the company-wide compliance (six), certificate validity (one) and
plan completion (one).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.urls import reverse
from django.utils.translation import gettext as _

from apps.core.numbers import percent
from apps.scoring.registry import Indicator
from apps.training import selectors

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


def provider(as_of: dt.date) -> list[Indicator]:
    counts, _computed_at = selectors.compliance_by_path(as_of=as_of)
    people = sum(c[0] for c in counts.values())
    valid, certificates = selectors.certificate_validity(as_of=as_of)
    held, due = selectors.plan_completion(as_of=as_of)
    compliance_url = reverse("training:compliance")
    return [
        _indicator(
            "training.annual_hours_compliance",
            _("Staff meeting their initial and yearly training hours"),
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
