"""Reporting and investigation deadlines (生产安全事故报告和调查处理条例, 国务院令第493号).

Pure: no ORM, no settings.
"""

from __future__ import annotations

import datetime as dt

# 第九条: the company head reports to the county-level authority within 1 hour of being told.
REPORT_LIMIT = dt.timedelta(hours=1)
# 第十三条: casualty changes within 30 days are reported; 7 days for road-traffic and fire accidents.
CASUALTY_WINDOW_DAYS = 30
CASUALTY_WINDOW_DAYS_ROAD_OR_FIRE = 7
# 第二十九条: the investigation report within 60 days; the government responsible for the
# investigation may approve an extension of at most 60. Time for technical appraisal is not counted
# (the sentence is confirmed; its article, 第二十七条 in the issue, is not: docs/domain.md).
INVESTIGATION_DAYS = 60
MAX_EXTENSION_DAYS = 60

# GB 6441: a serious injury (重伤) is one with 105 or more lost workdays.
SERIOUS_INJURY_WORKDAYS = 105

# Accident types that get the 7-day window by themselves: fire only (GB 6441-2025 WSA10009 火灾,
# GB 6441-1986 08 火灾). 第十三条 shortens the window for 道路交通事故 and fires; GB 6441-2025
# WSA10003 道路(轨道)车辆致害 also covers rail vehicles and in-plant vehicles, which are not
# road-traffic accidents, and 1986's 02 车辆伤害 mixes road and in-plant vehicles. So road
# traffic is ticked on the accident itself (its road_traffic field), never read from the type.
FIRE_OR_ROAD_TYPE_CODES = frozenset({"WSA10009", "08"})


def report_deadline(occurred_at: dt.datetime, head_told_at: dt.datetime | None = None) -> dt.datetime:
    """第九条: 单位负责人接到报告后1小时内 — the hour runs from when the company head was told;
    until that time is recorded, from the accident itself (the earliest it can start)."""
    return (head_told_at or occurred_at) + REPORT_LIMIT


def reported_on_time(
    occurred_at: dt.datetime, authority_told_at: dt.datetime | None, head_told_at: dt.datetime | None = None
) -> bool:
    return authority_told_at is not None and authority_told_at <= report_deadline(occurred_at, head_told_at)


def casualty_window_days(*, road_or_fire: bool) -> int:
    return CASUALTY_WINDOW_DAYS_ROAD_OR_FIRE if road_or_fire else CASUALTY_WINDOW_DAYS


def casualty_window_end(occurred_on: dt.date, *, road_or_fire: bool) -> dt.date:
    """The last day on which a change in casualties still regrades the accident."""
    return occurred_on + dt.timedelta(days=casualty_window_days(road_or_fire=road_or_fire))


def investigation_due(occurred_on: dt.date, extension_days: int = 0, appraisal_days: int = 0) -> dt.date:
    """The day the investigation report is due: 60 days from the accident (its day not counted),
    plus the approved extension, plus the days of technical appraisal, which do not count."""
    return occurred_on + dt.timedelta(days=INVESTIGATION_DAYS + (extension_days or 0) + (appraisal_days or 0))


def rate(cases: int, hours, base: int) -> float | None:
    """Cases per `base` hours worked; None without hours."""
    if not hours:
        return None
    return round(cases * base / float(hours), 2)


# Safety statistics (docs/domain.md): TRIR per 200,000 hours, LTIFR per 1,000,000 hours.
TRIR_BASE = 200_000
LTIFR_BASE = 1_000_000


def per_thousand_staff(count: int, staff) -> float | None:
    if not staff:
        return None
    return round(count * 1000 / float(staff), 2)
