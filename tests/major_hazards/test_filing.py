"""Filing (备案) after the safety assessment: 安监总局令第40号 第二十三条, FILING_DAYS days (to be
confirmed, docs/domain.md), with a reminder before the due date and one when overdue."""

from __future__ import annotations

import datetime as dt

import pytest

from apps.major_hazards import rules, services
from apps.major_hazards.services import FILING_OVERDUE_REMINDER, FILING_REMINDER
from apps.workflow.models import Notification
from tests.helpers import reminded
from tests.major_hazards.factories import item, major_unit, unit

D = dt.date


@pytest.mark.parametrize(
    ("assessed_on", "filed_on", "due"),
    [
        (None, None, None),  # never assessed: the assessment comes first
        (None, D(2026, 1, 5), None),
        (D(2026, 3, 1), None, D(2026, 3, 16)),
        (D(2026, 3, 1), D(2026, 2, 28), D(2026, 3, 16)),  # filed before this assessment: again
        (D(2026, 3, 1), D(2026, 3, 1), None),  # filed the day of the assessment
        (D(2026, 3, 1), D(2026, 3, 16), None),
        (D(2026, 1, 20), None, D(2026, 2, 4)),  # across a month end
        (D(2024, 2, 20), None, D(2024, 3, 6)),  # across 29 February
        (D(2026, 12, 20), None, D(2027, 1, 4)),  # across a year end
    ],
)
def test_the_filing_due_date(assessed_on, filed_on, due):
    assert rules.FILING_DAYS == 15
    assert rules.filing_due(assessed_on, filed_on) == due


def _assessed(world, day, **data):
    u = major_unit(world, **data)
    services.assessment_save(unit=u, data={"assessed_on": day, "assessor": "某评价公司"}, user=world.safety_manager)
    return u


# Assessed on 1 March 2026: due by 16 March; the reminder 7 days before, the overdue one after.
@pytest.mark.parametrize(
    ("today", "sent", "kind"),
    [
        (D(2026, 3, 8), 0, None),  # 8 days before
        (D(2026, 3, 9), 1, FILING_REMINDER),  # 7 days before
        (D(2026, 3, 16), 1, FILING_REMINDER),  # the due date itself is still on time
        (D(2026, 3, 17), 1, FILING_OVERDUE_REMINDER),  # the day after
        (D(2026, 9, 1), 1, FILING_OVERDUE_REMINDER),
    ],
)
def test_the_reminder_on_each_side_of_the_due_date(world, english, today, sent, kind):
    u = _assessed(world, D(2026, 3, 1))
    assert services.filing_reminders_send(today=today) == sent
    assert services.filing_reminders_send(today=today) == 0  # once per due date
    for reminder in (FILING_REMINDER, FILING_OVERDUE_REMINDER):
        assert reminded(u, reminder) == (D(2026, 3, 16) if reminder == kind else None)


def test_the_heads_and_the_safety_managers_are_told_once_before_and_once_overdue(world, english):
    u = _assessed(world, D(2026, 3, 1))
    assert services.filing_reminders_send(today=D(2026, 3, 10)) == 1
    assert services.filing_reminders_send(today=D(2026, 3, 12)) == 0
    assert services.filing_reminders_send(today=D(2026, 3, 20)) == 1
    assert services.filing_reminders_send(today=D(2026, 3, 21)) == 0
    told = Notification.objects.filter(url=u.get_absolute_url())
    assert {n.recipient for n in told} == {world.head_a, world.safety_manager}
    assert sorted(str(n.message) for n in told.filter(recipient=world.head_a)) == [
        "U-1 液氨储罐区 is to be filed with the authority by 2026-03-16.",
        "U-1 液氨储罐区 was to be filed with the authority by 2026-03-16.",
    ]


def test_a_filing_after_the_assessment_stops_the_reminders(world):
    u = _assessed(world, D(2026, 3, 1))
    services.register_entry_save(
        unit=u,
        data={
            "number": "BA-1",
            "level": u.identifications.first().level,
            "filing_authority": "区应急管理局",
            "filed_on": D(2026, 3, 10),
        },
        user=world.safety_manager,
    )
    assert services.filing_reminders_send(today=D(2026, 3, 20)) == 0


def test_a_unit_not_major_is_not_filed(world):
    u = unit(world)
    item(world, u, tonnes="1")
    services.assessment_save(unit=u, data={"assessed_on": D(2026, 3, 1), "assessor": "x"}, user=world.safety_manager)
    assert services.filing_reminders_send(today=D(2026, 3, 20)) == 0


def test_the_unit_shows_its_filing_due_date(world, english, client_for, api_for):
    u = _assessed(world, D(2026, 3, 1))
    page = client_for("head_a").get(u.get_absolute_url()).content.decode()
    assert "File this source with the authority by 2026-03-16" in page
    assert 'alert-danger py-2 small" data-testid="filing-due"' in page  # overdue today
    assert api_for("head_a").get(f"/api/v1/major-hazards/units/{u.pk}/").json()["filing_due"] == "2026-03-16"
    other = unit(world, code="U-2")
    assert api_for("head_a").get(f"/api/v1/major-hazards/units/{other.pk}/").json()["filing_due"] is None
