"""Special-equipment operator permits (特种设备作业人员证): 4 years' validity, no review, reminded
3 months and, urgent, 1 month before expiry; invalid once expired. Sources: TSG Z6001-2019
特种设备作业人员考核规则 (4 years; renewal applied for at least 1 month before expiry) and the older
质检总局令第140号 第二十二条 (3 months before); docs/domain.md."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from apps.core.exceptions import ApplicationError
from apps.core.recurrence import add_months
from apps.org.models import Employee
from apps.training import selectors, services, validity
from apps.workflow.models import Notification
from tests.training.factories import certificate_type, make_certificate

pytestmark = pytest.mark.usefixtures("english")

NOTHING = {"review": 0, "expiring": 0, "expired": 0, "permit_notice": 0, "permit_urgent": 0}


def _permit(world, issued_on: dt.date, number: str = "P001", **data):
    holder = Employee.objects.get(user=world.employee_a)  # in team A, under department A
    permit_type = certificate_type("special_equipment", "1100")
    return make_certificate(
        holder=holder, issued_on=issued_on, number=number, type=permit_type, user=world.safety_manager, **data
    )


def _run(day: dt.date) -> dict:
    return services.certificate_reminders_send(today=day)


def _sent(user) -> list[str]:
    return [str(m) for m in Notification.objects.filter(recipient=user).values_list("message", flat=True)]


@pytest.mark.parametrize(
    "issued_on, valid_until",
    [
        (dt.date(2020, 5, 10), dt.date(2024, 5, 10)),
        (dt.date(2024, 2, 29), dt.date(2028, 2, 29)),  # 4 years from a leap day: a leap day again
        (dt.date(2022, 2, 28), dt.date(2026, 2, 28)),
        (dt.date(2023, 1, 31), dt.date(2027, 1, 31)),  # a month end
        (dt.date(2021, 4, 30), dt.date(2025, 4, 30)),
        (dt.date(2021, 12, 31), dt.date(2025, 12, 31)),  # a year end
    ],
)
def test_a_permit_is_valid_4_years_from_issue_without_a_review(world, issued_on, valid_until):
    permit = _permit(world, issued_on)
    assert (permit.kind, permit.valid_until, permit.next_review_on) == ("special_equipment", valid_until, None)
    assert not permit.review_applies


@pytest.mark.parametrize(
    "issued_on, valid_until, review",
    [
        (dt.date(2020, 5, 10), dt.date(2026, 5, 10), dt.date(2023, 5, 10)),
        (dt.date(2024, 2, 29), dt.date(2030, 2, 28), dt.date(2027, 2, 28)),  # 29 February falls back
        (dt.date(2023, 1, 31), dt.date(2029, 1, 31), dt.date(2026, 1, 31)),
    ],
)
def test_special_operation_certificates_keep_6_years_and_the_review(world, issued_on, valid_until, review):
    holder = Employee.objects.get(user=world.employee_a)
    certificate = make_certificate(holder=holder, issued_on=issued_on, user=world.safety_manager)
    assert (certificate.valid_until, certificate.next_review_on) == (valid_until, review)
    assert certificate.review_applies


# issue date -> (3 months before expiry, 1 month before, expiry day): the reminder days of a permit.
PERMITS = {
    dt.date(2020, 8, 15): (dt.date(2024, 5, 15), dt.date(2024, 7, 15), dt.date(2024, 8, 15)),
    dt.date(2021, 5, 31): (dt.date(2025, 2, 28), dt.date(2025, 4, 30), dt.date(2025, 5, 31)),  # month ends
    dt.date(2024, 2, 29): (dt.date(2027, 11, 29), dt.date(2028, 1, 29), dt.date(2028, 2, 29)),  # leap day
    dt.date(2021, 3, 31): (dt.date(2024, 12, 31), dt.date(2025, 2, 28), dt.date(2025, 3, 31)),  # no 31 Feb
}
ONE_DAY = dt.timedelta(days=1)


def _boundaries():
    """(issue date, day of the run, reminder sent that day): each boundary, the day before and
    after; the expiry day is the last valid day (urgent), the day after it the permit expired."""
    for issued_on, (notice, urgent, expiry) in PERMITS.items():
        for day, sent in (
            (notice - ONE_DAY, None),
            (notice, "permit_notice"),
            (notice + ONE_DAY, "permit_notice"),
            (urgent - ONE_DAY, "permit_notice"),
            (urgent, "permit_urgent"),
            (urgent + ONE_DAY, "permit_urgent"),
            (expiry, "permit_urgent"),
            (expiry + ONE_DAY, "expired"),
        ):
            yield pytest.param(issued_on, day, sent, id=f"{issued_on}:{day}")


# Each row a fresh permit, never reminded before.
@pytest.mark.parametrize("issued_on, day, sent", list(_boundaries()))
def test_permit_reminders_fire_on_the_boundaries(world, issued_on, day, sent):
    _permit(world, issued_on)
    assert _run(day) == {**NOTHING, **({sent: 1} if sent else {})}
    expected = {None: None, "permit_notice": validity.NOTICE, "permit_urgent": validity.URGENT, "expired": None}
    assert validity.permit_reminder(add_months(issued_on, 48), day) == expected[sent]


def test_each_permit_reminder_is_sent_once_to_the_heads_and_the_safety_managers(world):
    _permit(world, dt.date(2020, 8, 15))  # valid until 2024-08-15
    assert _run(dt.date(2024, 5, 15))["permit_notice"] == 1
    assert _run(dt.date(2024, 5, 15)) == NOTHING  # twice the same day
    assert _run(dt.date(2024, 6, 1)) == NOTHING  # and the days after
    assert _run(dt.date(2024, 7, 15))["permit_urgent"] == 1
    assert _run(dt.date(2024, 7, 20)) == NOTHING
    for user in (world.head_a, world.safety_manager):
        notice, urgent = sorted(_sent(user), key=lambda m: m.startswith("Urgent"))
        assert notice.startswith("Operator permit expires on 2024-08-15") and "one month before" in notice
        assert urgent.startswith("Urgent: operator permit expires on 2024-08-15")
    assert _sent(world.outsider) == [] and _sent(world.employee_a) == []


def test_a_renewed_permit_is_reminded_again(world):
    permit = _permit(world, dt.date(2020, 8, 15))
    _run(dt.date(2024, 7, 15))
    services.certificate_update(
        certificate=permit, data={"issued_on": dt.date(2024, 8, 1), "valid_until": None}, user=world.safety_manager
    )
    permit.refresh_from_db()
    assert (permit.valid_until, permit.next_review_on) == (dt.date(2028, 8, 1), None)
    assert _run(dt.date(2028, 5, 1))["permit_notice"] == 1


def test_a_permit_is_not_offered_a_review(world):
    permit = _permit(world, dt.date(2022, 1, 10))
    with pytest.raises(ApplicationError, match="operator permit has no review"):
        services.certificate_review(certificate=permit, reviewed_on=dt.date(2024, 1, 1), user=world.safety_manager)
    with pytest.raises(ValidationError, match="operator permit has no review: leave the date empty"):
        _permit(world, dt.date(2022, 1, 10), number="P002", next_review_on=dt.date(2025, 1, 10))


def test_a_certificate_turned_into_a_permit_takes_the_permit_dates(world):
    holder = Employee.objects.get(user=world.employee_a)
    certificate = make_certificate(holder=holder, issued_on=dt.date(2022, 1, 10), user=world.safety_manager)
    services.certificate_update(
        certificate=certificate,
        data={"type": certificate_type("special_equipment", "1100"), "valid_until": None, "next_review_on": None},
        user=world.safety_manager,
    )
    certificate.refresh_from_db()
    assert (certificate.kind, certificate.valid_until, certificate.next_review_on) == (
        "special_equipment",
        dt.date(2026, 1, 10),
        None,
    )


@pytest.mark.parametrize(
    "as_of, valid, state",
    [
        (dt.date(2024, 5, 14), True, "valid"),
        (dt.date(2024, 5, 15), True, "due"),  # 3 months before expiry: renewal due
        (dt.date(2024, 8, 15), True, "due"),  # the expiry day
        (dt.date(2024, 8, 16), False, "expired"),  # not renewed: invalid
    ],
)
def test_an_expired_permit_counts_as_invalid(world, as_of, valid, state, time_machine):
    permit = _permit(world, dt.date(2020, 8, 15))
    time_machine.move_to(dt.datetime.combine(as_of, dt.time(12), tzinfo=dt.UTC), tick=False)
    assert selectors.certificate_validity(as_of=as_of) == (int(valid), 1)  # training.certificates_valid_rate
    (person,) = selectors.compliance(Employee.objects.filter(pk=permit.holder_id), as_of=as_of)
    assert person.has_expired_certificate is not valid
    listed = {
        s: list(selectors.certificate_list(user=world.safety_manager, filters={"state": s}, as_of=as_of))
        for s in ("valid", "due", "expired")
    }
    assert permit in listed[state] and (permit in listed["valid"]) is valid
    assert permit.status == {"valid": "valid", "due": "expiring", "expired": "expired"}[state]


def test_reminded_through_selects_exactly_the_permits_whose_reminder_day_has_come():
    start = dt.date(2023, 1, 1)
    for today in (start + dt.timedelta(days=n) for n in range(800)):
        for months in (validity.PERMIT_URGENT_MONTHS, validity.PERMIT_NOTICE_MONTHS):
            through = validity.reminded_through(today, months)
            for expires in (today + dt.timedelta(days=n) for n in range(0, 110)):
                assert (add_months(expires, -months) <= today) == (expires <= through), (today, months, expires)


def test_creating_a_permit_through_the_api_gets_4_years_and_no_review(world, api_for):
    holder = Employee.objects.get(user=world.employee_a)
    client = api_for("safety_manager")
    response = client.post(
        "/api/v1/training/certificates/",
        {
            "type": certificate_type("special_equipment", "1100").pk,
            "number": "P100",
            "holder": holder.pk,
            "issued_on": "2024-02-29",
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["kind"], body["valid_until"], body["next_review_on"]) == ("special_equipment", "2028-02-29", None)
    assert body["review_applies"] is False
    review = client.post(
        f"/api/v1/training/certificates/{body['id']}/review/", {"reviewed_on": "2026-01-01"}, format="json"
    )
    assert review.status_code == 400 and "no review" in review.content.decode()


def test_the_pages_say_a_permit_has_no_review_and_offer_none(world, client_for):
    permit = _permit(world, dt.date(2024, 1, 10))
    client = client_for("safety_manager")
    listing = client.get("/training/certificates/").content.decode()
    assert "No review: renewed every 4 years" in listing
    assert f"/training/certificates/{permit.pk}/review/" not in listing
    record = client.get(f"/training/people/{permit.holder_id}/").content.decode()
    assert "No review: renewed every 4 years" in record
