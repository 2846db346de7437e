"""Leadership's dashboard in the browser: the grade, the charts, and a figure that opens its records."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from apps.dashboard import selectors
from apps.hazards.models import Hazard
from apps.scoring.services import builtin_standard_load
from tests.assessment.factories import make_assessment
from tests.hazards.factories import assign, report

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_leadership_reads_the_grade_and_opens_the_overdue_hazards(page, live_server, login, console_errors, world):
    make_assessment(world, builtin_standard_load())
    late = assign(world, report(world), days=3)
    Hazard.objects.filter(pk=late.pk).update(deadline=timezone.localdate() - dt.timedelta(days=2))
    on_time = assign(world, report(world), days=10)
    board = selectors.dashboard(user=world.leader, as_of=timezone.localdate())
    login("leader")

    page.goto(f"{live_server.url}/dashboard/")
    expect(page.get_by_test_id("projected-score")).to_have_text(str(board.projection.result.score))
    expect(page.get_by_test_id("projected-grade")).to_contain_text(str(board.projection.final_level))
    for chart in ("elements", "history", "hazards", "tasks", "training", "rectification"):
        expect(page.locator(f"[data-chart={chart}] svg").first).to_be_attached()
    # The same figures as tables, on request.
    page.locator("#toggle-tables").click()
    expect(page.get_by_test_id("units-table")).to_be_visible()
    expect(page.locator("[data-chart=hazards]")).to_be_hidden()
    page.locator("#toggle-tables").click()
    expect(page.locator("[data-chart=hazards]")).to_be_visible()

    overdue = page.get_by_test_id("overdue-hazards.overdue_count")
    expect(overdue).to_have_text("1")
    overdue.click()
    page.wait_for_url("**/hazards/?overdue=1")
    expect(page.locator("main")).to_contain_text(late.code)
    expect(page.locator("main")).not_to_contain_text(on_time.code)
    assert console_errors == []
