"""What the accidents app tells the scoring engine (element 12) and the safety-performance gate.

Before the app holds any record (no accident, near miss or man-hours) its values are None, so
an assessment keeps the figures entered on it; from then on the records replace them.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.accidents import grading, rules
from apps.accidents.models import Accident, AccidentStatus, ManHours
from apps.accidents.selectors import lost_time_injuries
from apps.core import recurrence
from apps.core.numbers import percent
from apps.scoring.registry import Indicator

URL = "/accidents/"


def _bounds(start: dt.date, end_inclusive: dt.date):
    tz = timezone.get_current_timezone()
    return (
        dt.datetime.combine(start, dt.time.min, tzinfo=tz),
        dt.datetime.combine(end_inclusive + dt.timedelta(days=1), dt.time.min, tzinfo=tz),
    )


ELEMENT = 12


def _last_12_months(as_of: dt.date) -> list[Accident]:
    """The accidents of the last 12 months: after the same day a calendar year before, up to
    as_of (a leap day in between makes it 366 days). Near misses come only when their figures
    grade them above 一般 (a ¥20M loss is 较大 whatever it was called): they count for the gate."""
    start, end = _bounds(recurrence.add_years(as_of, -1) + dt.timedelta(days=1), as_of)
    graded = Q(is_near_miss=False) | ~Q(grade=grading.GENERAL)
    return list(
        Accident.objects.filter(graded, occurred_at__gte=start, occurred_at__lt=end).only(
            "is_near_miss",
            "occurred_at",
            "head_told_at",
            "authority_told_at",
            "deaths",
            "grade",
            "status",
            "closed_on",
            "report_submitted_on",
            "extension_days",
            "appraisal_days",
            "cause_found",
            "responsible_handled",
            "staff_educated",
            "measures_taken",
        )
    )


def _year_to_date(as_of: dt.date) -> dict:
    """The year's accidents (not near misses) up to as_of: count, casualties, lost-time
    injuries and loss."""
    start, end = _bounds(dt.date(as_of.year, 1, 1), as_of)
    return Accident.objects.filter(occurred_at__gte=start, occurred_at__lt=end, is_near_miss=False).aggregate(
        lost_time=Sum(lost_time_injuries()),  # first: its F("deaths") names the field
        count=Count("pk"),
        deaths=Sum("deaths"),
        serious=Sum("serious_injuries"),
        minor=Sum("minor_injuries"),
        loss=Sum("direct_loss"),
    )


def _hours_year_to_date(as_of: dt.date):
    return ManHours.objects.filter(month__gte=dt.date(as_of.year, 1, 1), month__lte=as_of).aggregate(h=Sum("hours"))[
        "h"
    ]


def _rate(key: str, label: str, part: int, whole: int, url: str = URL) -> Indicator:
    """A percentage that is met at 100 %; None (and no verdict) when there is nothing to
    measure."""
    value = percent(part, whole)
    ok = None if value is None else value >= 100
    return Indicator(key, label, value, ELEMENT, 100, "%", ok, url)


def _figure(key: str, label: str, value, *, target=None, unit="", ok=None, url=URL) -> Indicator:
    return Indicator(key, label, value, ELEMENT, target, unit, ok, url)


def _twelve_month_indicators(graded: list[Accident], as_of: dt.date, data) -> list[Indicator]:
    # The grade reads every event its figures place above 一般; the rest reads accidents only.
    recent = [a for a in graded if not a.is_near_miss]
    on_time = sum(1 for a in recent if a.reported_on_time)
    # An investigation is measured once its report is due or the accident is closed.
    measured = [a for a in recent if a.status == AccidentStatus.CLOSED or a.investigation_due < as_of]
    # 第二十九条 sets the deadline for the investigation report, not for closing the accident.
    closed_on_time = sum(1 for a in measured if a.report_submitted_on and a.report_submitted_on <= a.investigation_due)
    complete = sum(1 for a in measured if not a.four_no_let_go_missing)
    deaths = sum(a.deaths for a in recent)
    larger = any(grading.is_larger_or_worse(a.grade) for a in graded)
    return [
        _rate(
            "accidents.reported_on_time_rate",
            _("Accidents reported to the authority within 1 hour (12 months)"),
            on_time,
            len(recent),
        ),
        _figure(
            "accidents.fatalities_12m",
            _("Deaths in accidents (12 months)"),
            data(deaths),
            target=0,
            ok=data(deaths == 0),
        ),
        _figure(
            "accidents.larger_or_worse_12m",
            _("Accident graded larger or worse (12 months)"),
            data(larger),
            target=False,
            ok=data(not larger),
            url=URL + "?grade=larger",
        ),
        _rate(
            "accidents.investigations_closed_on_time_rate",
            _("Investigation reports submitted within the deadline (12 months)"),
            closed_on_time,
            len(measured),
        ),
        _rate(
            "accidents.four_no_let_go_complete_rate",
            _("Accidents with the four-no-let-go checklist complete (12 months)"),
            complete,
            len(measured),
        ),
    ]


def _year_to_date_indicators(ytd: dict, hours, as_of: dt.date, data) -> list[Indicator]:
    recordable = (ytd["deaths"] or 0) + (ytd["serious"] or 0) + (ytd["minor"] or 0)
    lost_time = ytd["lost_time"] or 0
    statistics = URL + "statistics/"
    return [
        _figure(
            "accidents.count_ytd",
            _("Accidents this year"),
            data(ytd["count"]),
            url=URL + f"?year={as_of.year}&near_miss=0",
        ),
        _figure("accidents.deaths_ytd", _("Deaths this year"), data(ytd["deaths"] or 0), target=0),
        _figure("accidents.serious_injuries_ytd", _("Serious injuries this year"), data(ytd["serious"] or 0), target=0),
        _figure(
            "accidents.direct_loss_ytd", _("Direct economic loss this year"), data(ytd["loss"] or 0), unit=_("yuan")
        ),
        # TRIR per 200,000 and LTIFR per 1,000,000 hours worked (docs/domain.md "Safety statistics").
        _figure(
            "accidents.trir_ytd",
            _("TRIR this year (per 200,000 hours)"),
            rules.rate(recordable, hours, rules.TRIR_BASE),
            url=statistics,
        ),
        _figure(
            "accidents.ltifr_ytd",
            _("LTIFR this year (per 1,000,000 hours)"),
            rules.rate(lost_time, hours, rules.LTIFR_BASE),
            url=statistics,
        ),
    ]


def provider(as_of: dt.date) -> list[Indicator]:
    """Four queries: the last 12 months' accidents, the year's totals (lost-time injuries
    included), man-hours and whether the app holds any record at all."""
    in_use = Accident.objects.exists() or ManHours.objects.exists()
    recent = _last_12_months(as_of)
    ytd = _year_to_date(as_of)
    hours = _hours_year_to_date(as_of)

    def data(value):
        return value if in_use else None

    return [*_twelve_month_indicators(recent, as_of, data), *_year_to_date_indicators(ytd, hours, as_of, data)]
