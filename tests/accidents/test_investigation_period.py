"""The investigation period (生产安全事故报告和调查处理条例 第二十九条): 60 days, an extension of at most
60 approved by the government responsible for the investigation, technical appraisal not counted."""

import datetime as dt

import pytest

from apps.accidents import rules, services
from apps.core.exceptions import ApplicationError
from tests.accidents.factories import accident, at

pytestmark = pytest.mark.usefixtures("english", "frozen")

GOVERNMENT = "某县人民政府"


@pytest.mark.parametrize(
    "extension, appraisal, due",
    [
        (0, 0, dt.date(2026, 10, 31)),  # 60 days, the day of the accident not counted
        (60, 0, dt.date(2026, 12, 30)),
        (0, 15, dt.date(2026, 11, 15)),  # appraisal days added, not counted
        (60, 15, dt.date(2027, 1, 14)),
    ],
)
def test_the_report_is_due_60_days_after_plus_extension_plus_appraisal(extension, appraisal, due):
    assert rules.investigation_due(dt.date(2026, 9, 1), extension, appraisal) == due


@pytest.mark.parametrize(
    "days, approved_by, error",
    [
        (60, GOVERNMENT, None),
        (61, GOVERNMENT, "at most 60 days"),
        (30, "", "Extension approved by: name the people's government"),
        (30, "  ", "Extension approved by"),
        (1, GOVERNMENT, None),
    ],
)
def test_an_extension_is_at_most_60_days_and_names_the_approving_government(world, days, approved_by, error):
    item = accident(world, when=at(dt.date(2026, 9, 1)))
    data = {"extension_days": days, "extension_reason": "技术鉴定复杂", "extension_approved_by": approved_by}
    if error:
        with pytest.raises(ApplicationError, match=error):
            services.investigation_save(accident=item, data=data, user=world.safety_manager)
        item.refresh_from_db()
        assert (item.extension_days, item.extension_approved_by) == (0, "")
    else:
        services.investigation_save(accident=item, data=data, user=world.safety_manager)
        item.refresh_from_db()
        assert item.extension_approved_by == GOVERNMENT
        assert item.investigation_due == dt.date(2026, 10, 31) + dt.timedelta(days=days)


@pytest.mark.parametrize(
    "appraisal, submitted, on_time",
    [
        (0, dt.date(2026, 10, 31), True),  # the 60th day
        (0, dt.date(2026, 11, 1), False),  # the 61st
        (10, dt.date(2026, 11, 10), True),  # 10 days of appraisal do not count
        (10, dt.date(2026, 11, 11), False),
    ],
)
def test_appraisal_days_do_not_count_towards_the_60_days(world, appraisal, submitted, on_time):
    item = accident(world, when=at(dt.date(2026, 9, 1)))
    services.investigation_save(
        accident=item, data={"appraisal_days": appraisal, "report_submitted_on": submitted}, user=world.safety_manager
    )
    item.refresh_from_db()
    assert (item.report_submitted_on <= item.investigation_due) is on_time
