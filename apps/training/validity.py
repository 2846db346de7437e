"""How long certificates are valid and when their holders are reminded: pure rules, no Django.

- Special-operation certificates (特种作业操作证, 安监总局令第30号): valid 6 years, reviewed every
  3 years, the review requested within 60 days before it is due.
- Special-equipment operator permits (特种设备作业人员证, TSG Z6001-2019 特种设备作业人员考核规则):
  valid 4 years, no review in between; the renewal is applied for at least 1 month before expiry
  (the older 质检总局令第140号 第二十二条 said 3 months), and a permit not renewed is invalid.
  Reminded 3 months before expiry and again, urgent, 1 month before.

Kinds are the values of `training.CertificateKind`. See docs/domain.md.
"""

from __future__ import annotations

import calendar
import datetime as dt

from apps.core import recurrence

SPECIAL_OPERATION = "special_operation"
SPECIAL_EQUIPMENT = "special_equipment"

CERTIFICATE_VALID_YEARS = 6
CERTIFICATE_REVIEW_YEARS = 3
CERTIFICATE_WINDOW_DAYS = 60

PERMIT_VALID_YEARS = 4
PERMIT_NOTICE_MONTHS = 3  # the first reminder
PERMIT_URGENT_MONTHS = 1  # the last day to apply for the renewal: reminded again, urgent

NOTICE = "notice"
URGENT = "urgent"


def has_review(kind: str) -> bool:
    """Only special-operation certificates are reviewed every 3 years."""
    return kind != SPECIAL_EQUIPMENT


def valid_until(kind: str, issued_on: dt.date) -> dt.date:
    years = PERMIT_VALID_YEARS if kind == SPECIAL_EQUIPMENT else CERTIFICATE_VALID_YEARS
    return recurrence.add_years(issued_on, years)


def next_review(kind: str, issued_on: dt.date) -> dt.date | None:
    return recurrence.add_years(issued_on, CERTIFICATE_REVIEW_YEARS) if has_review(kind) else None


def permit_reminder(expires: dt.date, today: dt.date) -> str | None:
    """Which reminder of a permit expiring on `expires` is due today: URGENT from 1 month before
    to the expiry day itself (the last valid day), NOTICE from 3 months before until then, None
    before that and once it has expired."""
    if today > expires:
        return None
    if today >= recurrence.add_months(expires, -PERMIT_URGENT_MONTHS):
        return URGENT
    if today >= recurrence.add_months(expires, -PERMIT_NOTICE_MONTHS):
        return NOTICE
    return None


def reminded_through(today: dt.date, months: int) -> dt.date:
    """The last expiry date whose reminder `months` before has come by `today`, so that a query
    `valid_until <= reminded_through(today, months)` selects exactly the permits with
    `add_months(valid_until, -months) <= today`. A month's last day stands for the last days of
    a longer month too (31 May - 3 months = 28 February)."""
    ahead = recurrence.add_months(today, months)
    if today.day == calendar.monthrange(today.year, today.month)[1]:
        return ahead.replace(day=calendar.monthrange(ahead.year, ahead.month)[1])
    return ahead
