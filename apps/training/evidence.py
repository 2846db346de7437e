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
from apps.org.models import Employee
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
    rows = selectors.compliance(Employee.objects.all(), as_of=as_of)
    valid, certificates = selectors.certificate_validity(as_of=as_of)
    held, due = selectors.plan_completion(as_of=as_of)
    compliance_url = reverse("training:compliance")
    return [
        _indicator(
            "training.annual_hours_compliance",
            _("Staff meeting their initial and yearly training hours"),
            sum(r.hours_ok for r in rows),
            len(rows),
            compliance_url,
        ),
        _indicator(
            "training.induction_complete_rate",
            _("Staff with their three-level induction complete"),
            sum(r.induction_complete for r in rows),
            len(rows),
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
