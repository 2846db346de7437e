"""The people involved and the dated casualty updates (补报) that may regrade an accident."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.accidents import policies, rules
from apps.accidents.models import Accident, CasualtyUpdate, Person, Severity
from apps.accidents.services._common import _refuse_if_closed, _save
from apps.accidents.services.reports import regrade
from apps.core.exceptions import ApplicationError
from apps.org.policy import require


def _check_injury(severity: str, lost_workdays: int) -> None:
    # GB 6441: an injury with 105 or more lost workdays is a serious one.
    if severity == Severity.MINOR and (lost_workdays or 0) >= rules.SERIOUS_INJURY_WORKDAYS:
        raise ApplicationError(
            _("Injury: %(days)d or more lost workdays make a serious injury (GB 6441).")
            % {"days": rules.SERIOUS_INJURY_WORKDAYS}
        )
    # ... and one with fewer is not (0: the lost workdays are not known yet).
    if severity == Severity.SERIOUS and 0 < (lost_workdays or 0) < rules.SERIOUS_INJURY_WORKDAYS:
        raise ApplicationError(
            _(
                "Injury: a serious injury loses %(days)d or more workdays (GB 6441); with fewer it "
                "is a minor injury, or leave the lost workdays at 0 until they are known."
            )
            % {"days": rules.SERIOUS_INJURY_WORKDAYS}
        )


@transaction.atomic
def person_add(
    *, accident: Accident, user, name: str, severity: str, employee=None, lost_workdays: int = 0, note: str = ""
) -> Person:
    require(policies.can_report_accident(user, accident))
    _refuse_if_closed(accident)
    _check_injury(severity, lost_workdays)
    if accident.is_near_miss and severity != Severity.NONE:
        raise ApplicationError(_("Injury: nobody is injured in a near miss."))
    person = Person(
        accident=accident,
        name=name or (employee.name if employee else ""),
        employee=employee,
        severity=severity,
        lost_workdays=lost_workdays or 0,
        note=note,
    )
    _save(person, user=user)
    return person


@transaction.atomic
def casualty_update(
    *,
    accident: Accident,
    user,
    reported_on: dt.date,
    deaths: int,
    serious_injuries: int,
    minor_injuries: int,
    note: str = "",
) -> CasualtyUpdate:
    """补报 (第十三条): a change within 30 days (7 for road traffic and fire) of the accident
    regrades it; a later change is recorded without touching the figures or the grade."""
    require(policies.can_report_accident(user, accident))
    _refuse_if_closed(accident)
    accident = Accident.objects.select_for_update().select_related("accident_type").get(pk=accident.pk)
    if accident.is_near_miss:
        raise ApplicationError(_("Near miss: a near miss has no casualties to update."))
    if reported_on < accident.occurred_on:
        raise ApplicationError(_("Reported on: it cannot be before the accident."))
    if reported_on > timezone.localdate():
        raise ApplicationError(_("Reported on: it cannot be in the future."))
    update = CasualtyUpdate(
        accident=accident,
        reported_on=reported_on,
        deaths=deaths,
        serious_injuries=serious_injuries,
        minor_injuries=minor_injuries,
        note=note,
        grade_before=accident.grade,
        grade_after=accident.grade,
        created_by=user,
    )
    if reported_on <= accident.casualty_window_end:
        update.applied = True
        _save(update, user=user)
        # Updates may be entered out of order: the figures are those of the latest applied
        # update by its date (and entry order on the same day), not of the last one entered.
        latest = accident.updates.filter(applied=True).order_by("-reported_on", "-pk").first()
        accident.deaths, accident.serious_injuries = latest.deaths, latest.serious_injuries
        accident.minor_injuries = latest.minor_injuries
        regrade(accident)
        _save(accident, user=user)
        update.grade_after = accident.grade
    _save(update, user=user)
    return update


# The accident's count each severity adds to (Not injured adds to none).
_COUNT_OF = {Severity.DEATH: "deaths", Severity.SERIOUS: "serious_injuries", Severity.MINOR: "minor_injuries"}


@transaction.atomic
def person_status_change(
    *, person: Person, user, severity: str, reported_on: dt.date, note: str = ""
) -> CasualtyUpdate:
    """A person's injury changes (say, a serious injury dies): the person's record takes the new
    status and a casualty update moves them from one count to the other, which regrades the
    accident within its window (第十三条) and is only recorded after it."""
    require(policies.can_report_accident(user, person.accident))
    if severity not in Severity.values:
        raise ApplicationError(_("Injury: choose one of the listed injuries."))
    _check_injury(severity, person.lost_workdays)
    accident = Accident.objects.select_for_update().get(pk=person.accident_id)
    if severity == person.severity:
        raise ApplicationError(_("Injury: the person already has this injury."))
    counts = {field: getattr(accident, field) for field in _COUNT_OF.values()}
    if person.severity in _COUNT_OF:
        field = _COUNT_OF[person.severity]
        counts[field] = max(counts[field] - 1, 0)
    if severity in _COUNT_OF:
        counts[_COUNT_OF[severity]] += 1
    label = _("%(name)s: %(before)s → %(after)s") % {
        "name": person.name,
        "before": Severity(person.severity).label,
        "after": Severity(severity).label,
    }
    update = casualty_update(
        accident=accident,
        user=user,
        reported_on=reported_on,
        note=f"{label}. {note}".strip() if note else label,
        **counts,
    )
    person.severity = severity
    _save(person, user=user)
    return update


def late_update_message(accident: Accident) -> str:
    return _(
        "Recorded without regrading: changes in casualties regrade an accident only within "
        "%(days)d days of it (until %(end)s)."
    ) % {
        "days": rules.casualty_window_days(road_or_fire=accident.road_or_fire),
        "end": accident.casualty_window_end.isoformat(),
    }
