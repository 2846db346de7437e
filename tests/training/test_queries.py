"""The compliance page, its API, the ledger and the compliance report run the same number of
queries for 10 people as for 1,000 (and their attendances)."""

import datetime as dt
from decimal import Decimal

import pytest

from apps.org.access import forget
from apps.org.models import Employee
from apps.training.exporters import ComplianceExporter, LedgerExporter, RecordExporter
from apps.training.models import Attendance, Reinduction
from tests.helpers import count_queries
from tests.training.factories import make_certificate, make_session


def _seed(world, count: int, sessions) -> None:
    """`count` more people in team A, each at every session, some with repeated induction and
    expired certificates (bulk: this is volume, not behaviour)."""
    start = Employee.objects.count()
    people = Employee.objects.bulk_create(
        [
            Employee(
                employee_no=f"Q{start + i:05d}",
                name=f"员工{start + i}",
                department=world.team_a if i % 2 else world.dept_a,
            )
            for i in range(count)
        ]
    )
    Attendance.objects.bulk_create(
        [
            Attendance(session=s, employee=p, date=s.start_date, level=s.level, hours_credited=Decimal(i % 9))
            for i, p in enumerate(people)
            for s in sessions
        ]
    )
    Reinduction.objects.bulk_create(
        [Reinduction(employee=p, reason="return", since=dt.date(2026, 1, 5)) for p in people[::7]]
    )
    for p in people[::50]:
        make_certificate(holder=p, issued_on=dt.date(2019, 1, 1), number=f"X{p.pk}", user=world.safety_manager)


def _count(fn, world) -> int:
    """Queries of one call, from the same cold caches every time: the personas' access too."""
    for persona in ("safety_manager", "head_a", "employee_a", "leader", "outsider"):
        forget(world.persona(persona))
    return count_queries(fn)


@pytest.fixture
def sessions(world):
    return [
        make_session(user=world.safety_manager, department=world.dept_a, level=level, on=dt.date(2026, 2, 1 + i))
        for i, level in enumerate(["company", "workshop", "team", "refresher"])
    ]


def test_queries_do_not_grow_with_people(world, client_for, api_for, sessions):
    def measure() -> tuple:
        page = client_for("head_a")
        manager = client_for("safety_manager")
        return (
            _count(lambda: page.get("/training/compliance/?short=0"), world),
            _count(lambda: manager.get(f"/training/compliance/?department={world.dept_a.pk}"), world),
            _count(lambda: api_for("head_a").get("/api/v1/training/compliance/"), world),
            _count(lambda: page.get(f"/training/sessions/{sessions[0].pk}/"), world),
            _count(lambda: LedgerExporter(user=world.safety_manager, params={}).render(), world),
            _count(lambda: ComplianceExporter(user=world.head_a, params={}).render(), world),
        )

    _seed(world, 10, sessions)
    small = measure()
    _seed(world, 990, sessions)
    assert Employee.objects.count() >= 1000
    large = measure()
    assert small == large, f"10 people: {small}, 1,000 people: {large}"
    assert max(large) <= 30


def test_the_compliance_page_is_pinned(world, client_for, sessions, django_assert_max_num_queries):
    _seed(world, 1000, sessions)
    client = client_for("safety_manager")
    with django_assert_max_num_queries(20):
        response = client.get("/training/compliance/")
    assert response.status_code == 200
    assert response.content.decode().count("<tr>") >= 50


def test_a_personal_record_runs_a_fixed_number_of_queries(world, sessions):
    _seed(world, 20, sessions)
    employee = Employee.objects.get(user=world.employee_a)
    exporter = RecordExporter(user=world.head_a, params={"employee": employee.pk})
    first = _count(exporter.render, world)
    _seed(world, 200, sessions)
    assert _count(exporter.render, world) == first
