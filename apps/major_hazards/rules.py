"""When a major hazard source is filed with the authority (备案). Pure: no ORM, no settings.

危险化学品重大危险源监督管理暂行规定 (安监总局令第40号, 2015 修正) 第二十三条: the unit files the
source with the authority after completing its safety assessment report (安全评估报告) or safety
evaluation report (安全评价报告). The number of days is TO BE CONFIRMED: 15 is the reading the
project was given; the published text of the article could not be checked (docs/domain.md).
"""

from __future__ import annotations

import datetime as dt

FILING_DAYS = 15  # 第二十三条; TO BE CONFIRMED against the published text (docs/domain.md)


def filing_due(assessed_on: dt.date | None, filed_on: dt.date | None) -> dt.date | None:
    """The last day to file a source assessed on `assessed_on` (counted in calendar days from
    the day the report is completed, that day not counted); None when nothing is to be filed: never
    assessed, or filed on or after the day of the latest assessment."""
    if assessed_on is None or (filed_on is not None and filed_on >= assessed_on):
        return None
    return assessed_on + dt.timedelta(days=FILING_DAYS)
