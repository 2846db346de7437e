"""Certificates: validity and review dates, the daily reminders on the right days, the red flag."""

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from apps.core.exceptions import ApplicationError
from apps.org import services as org_services
from apps.org.models import Employee
from apps.training import services
from apps.training.tasks import send_certificate_reminders
from apps.workflow.models import Notification
from tests.training.factories import attend, make_certificate, make_session

pytestmark = pytest.mark.usefixtures("english")

ISSUED = dt.date(2020, 5, 10)  # review due 2023-05-10, valid until 2026-05-10
NO_PERMITS = {"permit_notice": 0, "permit_urgent": 0}  # operator permits: tests/training/test_permits.py


@pytest.fixture
def certificate(world):
    holder = Employee.objects.get(user=world.employee_a)  # in team A, under department A
    return make_certificate(holder=holder, issued_on=ISSUED, user=world.safety_manager)


def _sent(user) -> list[str]:
    return list(Notification.objects.filter(recipient=user).values_list("message", flat=True))


def _run(day: dt.date) -> dict:
    return services.certificate_reminders_send(today=day)


def test_validity_and_review_follow_the_issue_date(certificate):
    assert certificate.valid_until == dt.date(2026, 5, 10)
    assert certificate.next_review_on == dt.date(2023, 5, 10)
    assert certificate.kind == "special_operation"


@pytest.mark.parametrize(
    "day, expected",
    [
        (dt.date(2023, 3, 10), {"review": 0, "expiring": 0, "expired": 0}),  # 61 days before
        (dt.date(2023, 3, 11), {"review": 1, "expiring": 0, "expired": 0}),  # 60 days before
        (dt.date(2023, 5, 10), {"review": 1, "expiring": 0, "expired": 0}),  # the review day
        (dt.date(2026, 3, 10), {"review": 0, "expiring": 0, "expired": 0}),  # after review
        (dt.date(2026, 3, 11), {"review": 0, "expiring": 1, "expired": 0}),  # 60 days to expiry
        (dt.date(2026, 5, 10), {"review": 0, "expiring": 1, "expired": 0}),  # last valid day
        (dt.date(2026, 5, 11), {"review": 0, "expiring": 0, "expired": 1}),  # expired
    ],
)
def test_reminders_fire_on_the_window_boundaries(world, certificate, day, expected):
    if day >= dt.date(2026, 1, 1):
        services.certificate_review(
            certificate=certificate, reviewed_on=dt.date(2023, 4, 20), user=world.safety_manager
        )
    assert _run(day) == {**expected, **NO_PERMITS}


def test_a_window_is_reminded_once_to_the_heads_of_the_holders_department(world, certificate):
    day = dt.date(2023, 3, 11)
    assert _run(day)["review"] == 1
    assert _run(day)["review"] == 0  # twice on the same day
    assert _run(day + dt.timedelta(days=1))["review"] == 0  # and on the following days
    messages = _sent(world.head_a)  # head of department A, above the holder's team
    assert len(messages) == 1 and "review due on 2023-05-10" in messages[0]
    assert _sent(world.outsider) == [] and _sent(world.employee_a) == []


def test_a_review_opens_the_next_window_only_after_expiry_is_near(world, certificate):
    _run(dt.date(2023, 3, 11))
    services.certificate_review(certificate=certificate, reviewed_on=dt.date(2023, 4, 20), user=world.safety_manager)
    certificate.refresh_from_db()
    # The next review would be 2026-05-10, the day it expires: it is renewed instead.
    assert certificate.next_review_on is None and certificate.reviewed_on == dt.date(2023, 4, 20)
    assert _run(dt.date(2025, 6, 1)) == {"review": 0, "expiring": 0, "expired": 0, **NO_PERMITS}


def test_a_renewed_certificate_is_reminded_again(world, certificate):
    _run(dt.date(2026, 3, 11))
    services.certificate_update(
        certificate=certificate,
        data={"issued_on": dt.date(2026, 5, 1), "valid_until": None, "next_review_on": None},
        user=world.safety_manager,
    )
    certificate.refresh_from_db()
    assert certificate.valid_until == dt.date(2032, 5, 1)
    assert _run(dt.date(2029, 3, 2))["review"] == 1


def test_expired_certificates_are_notified_once_and_not_when_replaced(world, certificate):
    assert _run(dt.date(2026, 6, 1))["expired"] == 1
    assert _run(dt.date(2026, 6, 2))["expired"] == 0
    other = make_certificate(
        holder=certificate.holder, issued_on=dt.date(2020, 1, 1), number="T002", user=world.safety_manager
    )
    make_certificate(holder=certificate.holder, issued_on=dt.date(2026, 1, 2), number="T003", user=world.safety_manager)
    assert other.is_expired(dt.date(2026, 6, 3))
    assert _run(dt.date(2026, 6, 3))["expired"] == 0  # T003 of the same type replaces it


def test_without_a_head_the_safety_managers_are_told(world):
    loner_department = org_services.department_create(
        data={"name": "独立班组", "code": "L", "kind": "department", "parent": world.root}, user=None
    )
    holder = Employee.objects.create(employee_no="L1", name="孤独", department=loner_department)
    make_certificate(holder=holder, issued_on=ISSUED, number="T9", user=world.safety_manager)
    _run(dt.date(2023, 4, 1))
    assert any("孤独" in m for m in _sent(world.safety_manager))


def test_the_daily_task_runs_with_today(world, certificate):
    with time_machine.travel(dt.datetime(2023, 3, 11, 8, 0, tzinfo=dt.UTC), tick=False):
        assert send_certificate_reminders.delay().get() == {"review": 1, "expiring": 0, "expired": 0, **NO_PERMITS}
        assert send_certificate_reminders.delay().get()["review"] == 0


def test_an_expired_certificate_cannot_be_reviewed(world, certificate):
    with pytest.raises(ApplicationError, match="An expired certificate cannot be reviewed"):
        services.certificate_review(certificate=certificate, reviewed_on=dt.date(2026, 6, 1), user=world.safety_manager)


def test_only_safety_managers_keep_certificates(world):
    holder = Employee.objects.get(user=world.employee_a)
    with pytest.raises(PermissionDenied, match="Only a safety manager may change this"):
        make_certificate(holder=holder, issued_on=ISSUED, user=world.head_a)


def test_expired_certificates_are_flagged_red_where_the_person_appears(world, client_for):
    holder = Employee.objects.get(user=world.employee_a)
    make_certificate(holder=holder, issued_on=dt.date(2019, 1, 1), user=world.safety_manager)
    session = make_session(
        user=world.safety_manager, department=world.dept_a, on=timezone.localdate() - dt.timedelta(days=1)
    )
    attend(session, [holder], user=world.safety_manager)
    client = client_for("head_a")
    for url in ("/training/compliance/?short=0", f"/training/sessions/{session.pk}/", f"/training/people/{holder.pk}/"):
        html = client.get(url).content.decode()
        assert 'data-testid="expired-certificate"' in html, url
    mine = client_for("employee_a").get("/training/mine/").content.decode()
    assert 'data-testid="expired-certificate"' in mine and "table-danger" in mine
    listing = client.get("/training/certificates/").content.decode()
    assert "table-danger" in listing


def _repost(client, url: str, **changes) -> dict:
    """Post the edit page back as the browser would: every field as shown, some changed."""
    form = client.get(url).context["form"]
    data = {}
    for name in form.fields:
        value = form[name].value()
        data[name] = value.isoformat() if isinstance(value, dt.date) else value or ""
    response = client.post(url, {**data, **changes})
    assert response.status_code == 302, response.content.decode()
    return data


def test_editing_after_a_review_keeps_the_review_and_expiry_dates(world, certificate, client_for):
    services.certificate_review(certificate=certificate, reviewed_on=dt.date(2023, 4, 20), user=world.safety_manager)
    certificate.refresh_from_db()
    assert certificate.next_review_on is None  # the next review would fall on the expiry day
    shown = _repost(
        client_for("safety_manager"), f"/training/certificates/{certificate.pk}/edit/", authority="省应急管理厅"
    )
    assert shown["next_review_on"] == ""  # the cleared review comes back empty
    certificate.refresh_from_db()
    assert certificate.authority == "省应急管理厅"
    assert certificate.next_review_on is None and certificate.valid_until == dt.date(2026, 5, 10)
    assert certificate.reviewed_on == dt.date(2023, 4, 20)


def test_a_patch_without_the_dates_keeps_them(world, api_for):
    holder = Employee.objects.get(user=world.employee_a)
    certificate = make_certificate(
        holder=holder,
        issued_on=dt.date(2020, 1, 1),
        number="T7",
        valid_until=dt.date(2029, 1, 1),
        user=world.safety_manager,
    )
    services.certificate_review(certificate=certificate, reviewed_on=dt.date(2022, 12, 1), user=world.safety_manager)
    certificate.refresh_from_db()
    assert certificate.next_review_on == dt.date(2026, 1, 1)  # moved on by the review
    client = api_for("safety_manager")
    response = client.patch(
        f"/api/v1/training/certificates/{certificate.pk}/", {"authority": "市市场监管局"}, format="json"
    )
    assert response.status_code == 200, response.content
    assert response.json()["valid_until"] == "2029-01-01"
    assert response.json()["next_review_on"] == "2026-01-01"
    certificate.refresh_from_db()
    assert (certificate.valid_until, certificate.next_review_on) == (dt.date(2029, 1, 1), dt.date(2026, 1, 1))
    # A new issue date is a renewal: the dates left out follow it again.
    response = client.patch(
        f"/api/v1/training/certificates/{certificate.pk}/", {"issued_on": "2026-01-02"}, format="json"
    )
    assert response.status_code == 200, response.content
    assert (response.json()["valid_until"], response.json()["next_review_on"]) == ("2032-01-02", "2029-01-02")
