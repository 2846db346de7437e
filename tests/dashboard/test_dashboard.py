import datetime as dt
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from apps.dashboard import selectors
from apps.dashboard.charts import echarts_options
from apps.dashboard.projection import project
from apps.hazards.models import Hazard
from apps.org.models import Employee
from apps.scoring import registry
from apps.scoring.services import standard_create
from tests.assessment.factories import make_assessment, score_all
from tests.hazards.factories import assign, report
from tests.helpers import count_queries
from tests.scoring.factories import FakeProvider, standard_data
from tests.training.factories import attend, certificate_type, make_certificate, make_session
from tests.workflow.factories import make_task

URL = "/dashboard/"

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def provider():
    def register(**values):
        registry.register("fake", FakeProvider(**values))

    yield register
    registry.unregister("fake")


@pytest.fixture
def linked_standard(db):
    """Eight items of 10 points; the first is linked to the indicator fake.rate."""
    data = standard_data(8, name="联动标准")
    item = data["elements"][0]["b_items"][0]["items"][0]
    item["indicator"], item["auto_rule"] = "fake.rate", "below:100:10:2"
    return standard_create(data=data)


def test_live_indicators_rescore_linked_items_of_the_latest_assessment(world, linked_standard, provider):
    assessment = make_assessment(world, linked_standard)
    score_all(world, assessment, {"2.1.1": Decimal(4)})  # 76 of 80 by hand
    # 75 % is 25 points below the target: three steps of 10, 2 points each.
    provider(fake__rate=Decimal(75))
    result = project(registry.indicators(timezone.localdate()), base=assessment)
    assert result.live_items == 1
    assert result.from_assessment == 7
    assert result.result.earned == Decimal(80 - 4 - 6)
    assert result.result.score == Decimal("87.5")
    assert result.base_score == Decimal("95.0")
    assert result.change == Decimal("-7.5")
    assert result.final_level == 2


def test_without_the_indicator_the_assessment_figure_stands(world, linked_standard):
    assessment = make_assessment(world, linked_standard)
    score_all(world, assessment, {"1.1.1": Decimal(3)})
    result = project({}, base=assessment)
    assert result.live_items == 0 and result.from_assessment == 8
    assert result.result.earned == Decimal(77)


def test_unscored_items_are_counted_and_not_deducted(world, linked_standard):
    assessment = make_assessment(world, linked_standard)
    result = project({}, base=assessment)
    assert result.not_scored == 8
    assert result.result.score == Decimal("100.0")


@pytest.mark.parametrize("deaths, larger, expected", [(0, False, 1), (1, False, 2), (0, True, None)])
def test_the_gate_reads_the_accident_records(world, linked_standard, provider, deaths, larger, expected):
    assessment = make_assessment(world, linked_standard, fatality_limit=1)
    score_all(world, assessment)
    provider(accidents__fatalities_12m=deaths, accidents__larger_or_worse_12m=larger, fake__rate=100)
    result = project(registry.indicators(timezone.localdate()), base=assessment)
    assert result.gate["source"] == "records"
    assert result.gate["fatalities"] == deaths
    assert result.final_level == expected


def test_leadership_sees_the_grade_and_no_data_for_missing_apps(world, linked_standard, client_for):
    assessment = make_assessment(world, linked_standard)
    score_all(world, assessment)
    registry.unregister("emergency")  # as if the emergency app were not installed
    try:
        response = client_for("leader").get(URL)
    finally:
        from apps.emergency import evidence as emergency_evidence

        registry.register("emergency", emergency_evidence.provider, reads=("workflow",))
    assert response.status_code == 200
    page = response.content.decode()
    assert 'data-testid="projected-score"' in page
    board = response.context["board"]
    missing = {f.key: f.value for f in board.overdue if not f.available}
    present = {f.key for f in board.overdue if f.available}
    assert "hazards.overdue_count" in present
    # an app not installed shows "no data", never zero
    assert missing == {"emergency.drills_due": None, "emergency.evaluations_overdue": None}
    assert page.count("no data") >= 2


def test_overdue_hazards_per_department_link_to_the_filtered_list(world, client_for):
    late = assign(world, report(world), days=3)
    Hazard.objects.filter(pk=late.pk).update(deadline=timezone.localdate() - dt.timedelta(days=1))
    assign(world, report(world), days=5)
    assign(world, report(world, department=world.dept_b), days=5, department=world.dept_b)
    board = selectors.dashboard(user=world.leader, as_of=timezone.localdate())
    rows = {u.id: u for u in board.units}
    a = rows[world.dept_a.pk]
    assert (a.hazards_open, a.hazards_overdue) == (2, 1)
    assert (rows[world.dept_b.pk].hazards_open, rows[world.dept_b.pk].hazards_overdue) == (1, 0)
    assert a.hazards_overdue_url == f"/hazards/?department={world.dept_a.pk}&overdue=1"
    listed = client_for("leader").get(a.hazards_overdue_url).context["page"].object_list
    assert [h.pk for h in listed] == [late.pk]
    chart = echarts_options(board)["hazards"]["series"][1]["data"]
    assert {"value": 1, "url": a.hazards_overdue_url} in chart


def test_a_department_filter_shows_the_units_below_it(world):
    make_task(department=world.team_a, user=world.safety_manager, days=-2)
    make_task(department=world.dept_a, user=world.safety_manager, days=4)
    board = selectors.dashboard(user=world.leader, department_id=world.dept_a.pk, as_of=timezone.localdate())
    rows = {(u.id, u.direct_only): u for u in board.units}
    assert rows[(world.dept_a.pk, True)].tasks_open == 1
    assert rows[(world.team_a.pk, False)].tasks_open == 1
    assert rows[(world.team_a.pk, False)].tasks_overdue == 1
    assert board.totals.tasks_open == 2


def test_heads_see_their_own_departments_only(world, client_for):
    assign(world, report(world, department=world.dept_b), days=5, department=world.dept_b)
    response = client_for("head_a").get(URL, {"department": world.dept_b.pk})
    assert response.status_code == 200
    board = response.context["board"]
    assert not board.company and board.projection is None
    assert {u.id for u in board.units} <= {world.dept_a.pk, world.team_a.pk}
    assert board.totals.hazards_open == 0
    assert world.dept_b.pk not in {d.pk for d in board.departments}
    assert 'data-testid="projected-score"' not in response.content.decode()


def test_employees_have_no_dashboard(world, client_for):
    assert client_for("employee_a").get(URL).status_code == 403


def test_certificates_expiring_are_counted_in_windows_and_listed(world, client_for):
    today = timezone.localdate()
    holder = Employee.objects.get(user=world.employee_a)
    kind = certificate_type()
    for number, days in (("C30", 20), ("C60", 45), ("C90", 80), ("CLATER", 200)):
        make_certificate(
            holder=holder,
            issued_on=today - dt.timedelta(days=2000),
            user=world.safety_manager,
            number=number,
            type=kind,
            valid_until=today + dt.timedelta(days=days),
        )
    board = selectors.dashboard(user=world.leader, as_of=today)
    assert [f.value for f in board.certificates] == [1, 2, 3]
    listed = client_for("leader").get(board.certificates[1].url).context["page"].object_list
    assert sorted(c.number for c in listed) == ["C30", "C60"]


def test_figures_follow_changes_at_once(world):
    today = timezone.localdate()
    first = selectors.dashboard(user=world.leader, as_of=today)
    assert first.totals.hazards_open == 0
    assign(world, report(world), days=5)
    second = selectors.dashboard(user=world.leader, as_of=today)
    assert second.totals.hazards_open == 1
    assert {f.key: f.value for f in second.overdue}["hazards.overdue_count"] == 0


def test_unchanged_figures_come_from_the_cache(world, django_assert_num_queries):
    today = timezone.localdate()
    selectors.dashboard(user=world.leader, as_of=today)
    warm = count_queries(lambda: selectors.dashboard(user=world.leader, as_of=today))
    cache.clear()
    cold = count_queries(lambda: selectors.dashboard(user=world.leader, as_of=today))
    assert warm < cold


def _grow(world, n: int):
    """n hazards, tasks, certificates and attendances in both departments."""
    people = [Employee.objects.get(user=world.employee_a)]
    session = make_session(user=world.safety_manager, department=world.dept_a)
    attend(session, people, user=world.safety_manager)
    kind = certificate_type()
    for i in range(n):
        department = world.dept_a if i % 2 else world.dept_b
        assign(world, report(world, department=department), days=5 - i, department=department)
        make_task(department=world.team_a, user=world.safety_manager, days=i - 2)
        make_certificate(
            holder=people[0],
            issued_on=timezone.localdate() - dt.timedelta(days=3000),
            user=world.safety_manager,
            number=f"N{n}-{i}",
            type=kind,
            valid_until=timezone.localdate() + dt.timedelta(days=10 + i),
        )


def _count(client) -> int:
    cache.clear()
    return count_queries(lambda: client.get(URL))


def test_the_page_runs_a_fixed_number_of_queries(world, linked_standard, client_for):
    assessment = make_assessment(world, linked_standard)
    score_all(world, assessment)
    client = client_for("leader")
    _grow(world, 1)
    small = _count(client)
    _grow(world, 6)
    make_assessment(world, linked_standard, year=2025)
    assert _count(client) == small, small


def test_the_api_gives_the_same_figures(world, linked_standard, api_for):
    assessment = make_assessment(world, linked_standard)
    score_all(world, assessment, {"1.1.1": Decimal(2)})
    assign(world, report(world), days=5)
    data = api_for("leader").get("/api/v1/dashboard/").json()
    board = selectors.dashboard(user=world.leader, as_of=timezone.localdate())
    assert data["projection"]["score"] == str(board.projection.result.score)
    assert sum(u["hazards_open"] for u in data["units"]) == 1
    head = api_for("head_a").get("/api/v1/dashboard/").json()
    assert "projection" not in head
    assert {u["department"] for u in head["units"]} <= {world.dept_a.pk, world.team_a.pk}
    assert api_for("employee_a").get("/api/v1/dashboard/").status_code == 403


def test_overdue_planned_inspections_are_counted_and_listed(world, client_for):
    from django.contrib.contenttypes.models import ContentType

    from apps.hazards.evidence import provider as hazards_provider
    from apps.workflow.models import Task

    late = make_task(department=world.dept_a, user=world.safety_manager, days=-3, title="月度综合检查")
    make_task(department=world.dept_a, user=world.safety_manager, days=-3, title="普通任务")
    Task.objects.filter(pk=late.pk).update(
        source_type=ContentType.objects.get(app_label="hazards", model="inspectionplan"), source_id=1
    )
    found = {i.key: i for i in hazards_provider(timezone.localdate())}
    assert found["hazards.inspections_overdue"].value == 1
    listed = client_for("safety_manager").get(found["hazards.inspections_overdue"].url)
    assert [t.pk for t in listed.context["page"].object_list] == [late.pk]


def test_a_live_veto_item_fails_only_when_the_records_take_all_its_points(world, provider):
    data = standard_data(8, name="否决联动", veto=True)
    item = data["elements"][0]["b_items"][0]["items"][0]  # the veto item
    item["indicator"], item["auto_rule"] = "fake.rate", "below:100:10:5"
    standard = standard_create(data=data)
    assessment = make_assessment(world, standard)
    score_all(world, assessment)
    provider(fake__rate=Decimal(95))  # 5 below: 5 of 10 points
    result = project(registry.indicators(timezone.localdate()), base=assessment)
    assert result.result.veto_failed == [] and result.final_level == 1
    provider(fake__rate=Decimal(85))  # 15 below: every point
    result = project(registry.indicators(timezone.localdate()), base=assessment)
    assert result.result.veto_failed == ["1.1.1"] and result.final_level is None


@pytest.mark.parametrize(
    "deaths, larger, effect, shown",
    [(0, False, "none", "Passed"), (1, False, "caps", "At best level 2"), (0, True, "withdraws", "No grade")],
)
def test_the_gate_card_says_what_the_gate_does(
    world, linked_standard, provider, client_for, deaths, larger, effect, shown
):
    assessment = make_assessment(world, linked_standard, fatality_limit=1)
    score_all(world, assessment)
    provider(accidents__fatalities_12m=deaths, accidents__larger_or_worse_12m=larger)
    from django.conf import settings

    client = client_for("leader")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get(URL)
    assert response.context["board"].projection.gate_effect == effect
    page = response.content.decode()
    card = page[page.index('data-testid="gate"') :][:300]
    assert shown in card


def test_the_chosen_department_itself_links_to_its_own_records(world, client_for):
    own = assign(world, report(world, department=world.dept_a), days=5)
    assign(world, report(world, department=world.team_a), days=5, department=world.team_a)
    board = selectors.dashboard(user=world.leader, department_id=world.dept_a.pk, as_of=timezone.localdate())
    itself = next(u for u in board.units if u.direct_only)
    assert itself.hazards_open == 1
    listed = client_for("leader").get(itself.hazards_open_url).context["page"].object_list
    assert [h.pk for h in listed] == [own.pk]


def test_records_of_a_closed_unit_still_count(world):
    assign(world, report(world, department=world.team_a), days=5, department=world.team_a)
    world.team_a.is_active = False
    world.team_a.save()
    board = selectors.dashboard(user=world.leader, department_id=world.dept_a.pk, as_of=timezone.localdate())
    assert board.totals.hazards_open == 1
    assert world.team_a.pk not in {d.pk for d in board.departments}


def test_signing_in_keeps_the_cached_figures(world, client_for):
    from django.contrib.auth.signals import user_logged_in

    today = timezone.localdate()
    selectors.dashboard(user=world.leader, as_of=today)
    user_logged_in.send(sender=type(world.leader), request=None, user=world.leader)
    with CaptureQueriesContext(connection) as queries:
        selectors.dashboard(user=world.leader, as_of=today)
    assert not any("hazards_hazard" in q["sql"] for q in queries.captured_queries)


def test_a_provider_reusing_an_older_figure_is_stamped_with_its_time(world):
    import time_machine

    from apps.scoring import live

    today = timezone.localdate()
    with time_machine.travel(timezone.now() - dt.timedelta(minutes=3), tick=False):
        _, early = live.memo(f"training.compliance:{today.isoformat()}", apps=("training",), compute=lambda: {})
    found = live.indicators(today)
    assert found.computed_at <= early + dt.timedelta(seconds=1)
