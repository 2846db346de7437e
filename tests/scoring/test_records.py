"""The records behind an indicator (the evidence binder), read through the registry."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from apps.core.numbers import percent
from apps.org.models import Employee
from apps.scoring import registry
from apps.scoring.registry import EvidenceRecord
from tests.hazards.factories import assign, report
from tests.training.factories import make_certificate


def test_an_unknown_key_or_an_app_without_records_gives_none():
    today = timezone.localdate()
    assert registry.records_of("nosuchapp.count", today) == []
    assert registry.records_of("hazards.no_such_indicator", today) == []
    assert registry.records_of("accidents.count_ytd", today) == []


def test_a_failing_app_is_logged_and_gives_none(caplog):
    def broken(key, as_of):
        raise RuntimeError("broken")

    registry.register("broken_app", lambda as_of: [], records=broken)
    try:
        assert registry.records_of("broken_app.anything", timezone.localdate()) == []
    finally:
        registry.unregister("broken_app")
    assert "Evidence records of broken_app.anything failed" in caplog.text


def test_registering_again_without_records_forgets_them():
    registry.register("twice", lambda as_of: [], records=lambda key, as_of: [EvidenceRecord("x")])
    assert registry.records_of("twice.x", timezone.localdate()) == [EvidenceRecord("x")]
    registry.register("twice", lambda as_of: [])
    try:
        assert registry.records_of("twice.x", timezone.localdate()) == []
    finally:
        registry.unregister("twice")


def test_overdue_hazards_are_the_records_of_the_overdue_count(world, django_assert_max_num_queries):
    today = timezone.localdate()
    late = [assign(world, report(world), days=days) for days in (5, 3)]
    assign(world, report(world), days=60)  # not yet due on the day asked
    report(world)  # not assigned: no deadline
    as_of = today + dt.timedelta(days=30)

    with django_assert_max_num_queries(1):
        records = registry.records_of("hazards.overdue_count", as_of)

    assert [r.url for r in records] == [h.get_absolute_url() for h in reversed(late)]
    assert [r.date for r in records] == [today + dt.timedelta(days=3), today + dt.timedelta(days=5)]
    assert records[0].label.startswith(late[1].code)
    count = registry.indicators(as_of)["hazards.overdue_count"].value
    assert count == len(records)
    assert registry.records_of("hazards.overdue_count", today) == []


@pytest.mark.parametrize("as_of_offset, expected", [(-1, 0), (0, 0), (1, 2)])
def test_certificates_not_valid_are_the_records_of_the_validity_rate(
    world, as_of_offset, expected, django_assert_max_num_queries
):
    """The latest certificate per holder and type counts; it is not valid from the day after
    its valid-until date."""
    issued = dt.date(2019, 1, 10)
    holders = list(Employee.objects.filter(user__isnull=False).order_by("employee_no")[:3])
    first = make_certificate(holder=holders[0], issued_on=issued, user=world.safety_manager)
    make_certificate(holder=holders[1], issued_on=issued, user=world.safety_manager, number="T2")
    # The third holder renewed: the expired one is no longer current.
    make_certificate(holder=holders[2], issued_on=issued, user=world.safety_manager, number="T3")
    make_certificate(holder=holders[2], issued_on=issued.replace(year=2024), user=world.safety_manager, number="T4")
    as_of = first.valid_until + dt.timedelta(days=as_of_offset)

    with django_assert_max_num_queries(1):
        records = registry.records_of("training.certificates_valid_rate", as_of)

    assert len(records) == expected
    assert {r.label.split(" · ")[0] for r in records} <= {holders[0].name, holders[1].name}
    assert all(r.date == first.valid_until for r in records)
    assert all(r.url.endswith("&state=expired") for r in records)
    indicator = registry.indicators(as_of)["training.certificates_valid_rate"]
    assert indicator.value == percent(3 - expected, 3)
