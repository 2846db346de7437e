"""The reporting clock: when the company head and the authority were told."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from apps.accidents import policies
from apps.accidents.models import Accident
from apps.accidents.services._common import _refuse_if_closed, _save
from apps.core.exceptions import ApplicationError
from apps.org.policy import require


def check_report_times(accident: Accident) -> None:
    """The reporting clock cannot start before the accident nor lie in the future. The head
    may be told after the authority (the law does not order them), but nobody before the
    accident."""
    now = timezone.now()
    for name in ("head_told_at", "authority_told_at"):
        value = getattr(accident, name)
        if value is None:
            continue
        label = capfirst(Accident._meta.get_field(name).verbose_name)
        if accident.occurred_at and value < accident.occurred_at:
            raise ApplicationError(_("%(field)s: it cannot be before the accident.") % {"field": label})
        if value > now:
            raise ApplicationError(_("%(field)s: it cannot be in the future.") % {"field": label})


@transaction.atomic
def accident_report_times(*, accident: Accident, user, head_told_at=None, authority_told_at=None) -> Accident:
    """The reporting clock: when the company head and the authority were told."""
    require(policies.can_report_accident(user, accident))
    _refuse_if_closed(accident)
    for name, value in (("head_told_at", head_told_at), ("authority_told_at", authority_told_at)):
        if value is not None:
            setattr(accident, name, value)
    check_report_times(accident)
    _save(accident, user=user)
    return accident
