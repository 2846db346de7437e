"""The training year: the yearly hours counted and judged per training year (the calendar year
by default, or the company's own start), shown as progress while the year runs."""

import datetime as dt
from decimal import Decimal

import pytest
import time_machine

from apps.org.models import Employee
from apps.training import evidence, rules, selectors, services
from apps.training.forms import SettingsForm
from apps.training.models import RuleSet
from tests.training.factories import attend, make_session

pytestmark = pytest.mark.usefixtures("english")

D = dt.date


@pytest.mark.parametrize(
    "on, start, expected",
    [
        # the calendar year (the default): its first and last days, and the day after
        (D(2026, 1, 1), (1, 1), (D(2026, 1, 1), D(2026, 12, 31))),
        (D(2026, 12, 31), (1, 1), (D(2026, 1, 1), D(2026, 12, 31))),
        (D(2025, 12, 31), (1, 1), (D(2025, 1, 1), D(2025, 12, 31))),
        (D(2028, 2, 29), (1, 1), (D(2028, 1, 1), D(2028, 12, 31))),
        # a year starting on 1 April: the start day, and the day before it
        (D(2026, 4, 1), (4, 1), (D(2026, 4, 1), D(2027, 3, 31))),
        (D(2026, 3, 31), (4, 1), (D(2025, 4, 1), D(2026, 3, 31))),
        # a year starting on 1 March ends on 29 February in a leap year, else on 28 February
        (D(2028, 2, 29), (3, 1), (D(2027, 3, 1), D(2028, 2, 29))),
        (D(2028, 3, 1), (3, 1), (D(2028, 3, 1), D(2029, 2, 28))),
        (D(2027, 2, 28), (3, 1), (D(2026, 3, 1), D(2027, 2, 28))),
        # a year starting on 28 February holds 29 February as its second day
        (D(2028, 2, 29), (2, 28), (D(2028, 2, 28), D(2029, 2, 27))),
        (D(2028, 2, 27), (2, 28), (D(2027, 2, 28), D(2028, 2, 27))),
        # a year starting on the last day of the calendar year
        (D(2026, 12, 30), (12, 31), (D(2025, 12, 31), D(2026, 12, 30))),
        (D(2026, 12, 31), (12, 31), (D(2026, 12, 31), D(2027, 12, 30))),
    ],
)
def test_the_training_year_containing_a_date(on, start, expected):
    assert rules.training_year(on, start_month=start[0], start_day=start[1]) == expected


def test_the_calendar_year_is_the_default():
    assert rules.training_year(D(2026, 7, 15)) == (D(2026, 1, 1), D(2026, 12, 31))


@pytest.mark.parametrize("month, day", [(2, 29), (2, 30), (4, 31), (13, 1), (0, 1), (1, 0), (1, 32)])
def test_a_training_year_cannot_start_on_a_day_some_years_lack(month, day):
    with pytest.raises(ValueError, match="cannot start"):
        rules.training_year(D(2026, 6, 1), start_month=month, start_day=day)


@pytest.mark.parametrize(
    "on, start, end, expected",
    [
        (D(2026, 1, 1), D(2026, 1, 1), D(2026, 12, 31), Decimal("0.3")),  # 1 of 365 days
        (D(2026, 7, 2), D(2026, 1, 1), D(2026, 12, 31), Decimal("50.1")),  # 183 of 365
        (D(2026, 12, 30), D(2026, 1, 1), D(2026, 12, 31), Decimal("99.7")),
        (D(2026, 12, 31), D(2026, 1, 1), D(2026, 12, 31), Decimal("100.0")),
        (D(2028, 2, 29), D(2027, 3, 1), D(2028, 2, 29), Decimal("100.0")),  # 366-day year
        (D(2028, 2, 28), D(2027, 3, 1), D(2028, 2, 29), Decimal("99.7")),
    ],
)
def test_the_share_of_the_training_year_gone(on, start, end, expected):
    assert rules.year_elapsed(on, start, end) == expected


@pytest.mark.parametrize("on", [D(2025, 12, 31), D(2027, 1, 1)])
def test_the_share_gone_is_only_for_a_day_of_the_year(on):
    with pytest.raises(ValueError, match="outside"):
        rules.year_elapsed(on, D(2026, 1, 1), D(2026, 12, 31))


@pytest.fixture
def worker(world):
    return Employee.objects.get(user=world.employee_a)


def _inducted(world, worker):
    for level, hours in (("company", 16), ("workshop", 16), ("team", 8)):
        session = make_session(
            user=world.safety_manager, department=world.dept_a, level=level, on=D(2020, 3, 2), hours=hours
        )
        attend(session, [worker], user=world.safety_manager)


def _refresher(world, worker, on, hours):
    session = make_session(user=world.safety_manager, department=world.dept_a, on=on, hours=hours)
    attend(session, [worker], user=world.safety_manager)


def _row(worker, as_of):
    return selectors.compliance(Employee.objects.filter(pk=worker.pk), as_of=as_of)[0]


def _year_start(world, month, day):
    services.settings_update(data={"year_start_month": month, "year_start_day": day}, user=world.safety_manager)


@pytest.mark.parametrize(
    "as_of, done, hours_ok, in_progress, behind",
    [
        (D(2026, 1, 5), 0, True, True, True),  # January: progress, not a failure
        (D(2026, 6, 30), 8, True, True, False),  # half the hours by half the year: on pace
        (D(2026, 9, 30), 8, True, True, True),  # three quarters gone, half done: behind
        (D(2026, 12, 30), 8, True, True, True),  # the day before the end: still progress
        (D(2026, 12, 31), 8, False, False, False),  # the last day: judged, 8 h short
        (D(2026, 12, 31), 16, True, False, False),  # the last day: judged, met
    ],
)
def test_the_yearly_hours_are_judged_when_the_training_year_is_over(
    world, worker, as_of, done, hours_ok, in_progress, behind
):
    _inducted(world, worker)
    if done:
        _refresher(world, worker, D(2026, 1, 2), done)
    row = _row(worker, as_of)
    assert (row.annual_hours, row.annual_required) == (done, 16)
    assert (row.hours_ok, row.annual_in_progress, row.annual_behind) == (hours_ok, in_progress, behind)
    assert row.is_compliant == hours_ok
    assert row.needs_attention == (not hours_ok or behind)


def test_the_initial_hours_are_judged_at_any_time_of_the_year(world, worker):
    row = _row(worker, D(2026, 1, 5))
    assert row.initial_short == 40 and not row.hours_ok and not row.is_compliant


@pytest.mark.parametrize(
    "attended, as_of, counted",
    [
        (D(2026, 3, 31), D(2026, 3, 31), 8),  # the last day of the 2025 training year
        (D(2026, 3, 31), D(2026, 4, 1), 0),  # the next one starts the day after
        (D(2026, 4, 1), D(2026, 4, 1), 8),  # its start day counts
        (D(2026, 1, 10), D(2026, 3, 1), 8),  # January belongs to the year begun last April
    ],
)
def test_the_company_training_year_decides_which_hours_count(world, worker, attended, as_of, counted):
    _year_start(world, 4, 1)
    _refresher(world, worker, attended, 8)
    row = _row(worker, as_of)
    assert row.annual_hours == counted
    assert (row.year_start.month, row.year_start.day) == (4, 1)


def test_people_hired_in_the_training_year_owe_no_yearly_hours_until_the_next(world, worker):
    _year_start(world, 4, 1)
    worker.hire_date = D(2026, 2, 1)  # in the training year begun 2025-04-01
    worker.save()
    assert _row(worker, D(2026, 3, 31)).annual_required == 0
    assert _row(worker, D(2026, 4, 1)).annual_required == 16


def test_the_setting_refuses_a_start_some_years_lack(world):
    settings_row = selectors.training_settings()
    form = SettingsForm(
        {
            "ruleset": settings_row.ruleset_id,
            "plan_approver_role": "leadership",
            "year_start_month": 2,
            "year_start_day": 29,
        },
        instance=settings_row,
    )
    assert not form.is_valid() and "year_start_day" in form.errors
    form = SettingsForm(
        {
            "ruleset": settings_row.ruleset_id,
            "plan_approver_role": "leadership",
            "year_start_month": 3,
            "year_start_day": 1,
        },
        instance=settings_row,
    )
    assert form.is_valid(), form.errors


def test_the_setting_through_the_api(world, api_for, worker):
    client = api_for("safety_manager")
    assert client.get("/api/v1/training/settings/").json()["year_start_month"] == 1
    response = client.patch(
        "/api/v1/training/settings/update/", {"year_start_month": 2, "year_start_day": 29}, format="json"
    )
    assert response.status_code == 400 and "year_start_day" in response.json(), response.content
    response = client.patch(
        "/api/v1/training/settings/update/", {"year_start_month": 4, "year_start_day": 1}, format="json"
    )
    assert response.status_code == 200, response.content
    assert (response.json()["year_start_month"], response.json()["year_start_day"]) == (4, 1)
    assert RuleSet.objects.filter(pk=response.json()["ruleset"]).exists()
    assert selectors.training_year(D(2026, 3, 31)) == (D(2025, 4, 1), D(2026, 3, 31))
    denied = api_for("leader").patch("/api/v1/training/settings/update/", {"year_start_month": 1}, format="json")
    assert denied.status_code == 403
    with time_machine.travel(dt.datetime(2026, 4, 2, 4, tzinfo=dt.UTC), tick=False):
        rows = api_for("employee_a").get("/api/v1/training/compliance/").json()["results"]
    assert (rows[0]["year_start"], rows[0]["year_end"]) == ("2026-04-01", "2027-03-31")
    assert rows[0]["annual_in_progress"] is True


@pytest.mark.parametrize(
    "as_of, value, final", [(D(2026, 1, 5), Decimal(100), False), (D(2026, 12, 31), Decimal(0), True)]
)
def test_the_evidence_shows_progress_during_the_year_and_judges_at_its_end(world, worker, as_of, value, final):
    Employee.objects.exclude(pk=worker.pk).update(is_active=False)
    _inducted(world, worker)
    found = {i.key: i for i in evidence.provider(as_of)}["training.annual_hours_compliance"]
    assert (found.value, found.ok) == (value, not final)
    assert ("in progress" in found.label) is not final
    if not final:
        assert "2026-01-01 to 2026-12-31" in found.label


def test_the_compliance_page_shows_the_year_running_and_the_last_one_judged(world, worker, client_for):
    _inducted(world, worker)
    _refresher(world, worker, D(2025, 5, 6), 16)  # met last year's
    with time_machine.travel(dt.datetime(2026, 1, 5, 4, tzinfo=dt.UTC), tick=False):
        page = client_for("safety_manager").get("/training/compliance/?short=0").content.decode()
    assert 'data-testid="training-year"' in page and "2026-01-01" in page and "2026-12-31" in page
    assert 'data-testid="annual-in-progress"' in page and 'data-testid="annual-short"' not in page
    assert 'data-testid="last-training-year"' in page and "2025-12-31" in page
    with time_machine.travel(dt.datetime(2026, 12, 31, 4, tzinfo=dt.UTC), tick=False):
        page = client_for("safety_manager").get("/training/compliance/?short=0").content.decode()
    assert 'data-testid="annual-short"' in page and 'data-testid="last-training-year"' not in page
