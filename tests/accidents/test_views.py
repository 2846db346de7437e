import datetime as dt
import re
from decimal import Decimal

import pytest
from django.utils import translation

from apps.accidents import services
from apps.accidents.exporters import RegisterExporter, ReportExporter
from apps.core.exceptions import ApplicationError
from tests.accidents.factories import accident, at, complete_investigation
from tests.helpers import count_queries, pdf_text, xlsx_rows

pytestmark = pytest.mark.usefixtures("frozen")


@pytest.fixture
def item(world):
    made = accident(world, when=at(dt.date(2026, 11, 1)), serious_injuries=1, direct_loss=Decimal("5000"))
    services.person_add(accident=made, user=world.safety_manager, name="王五", severity="serious", lost_workdays=110)
    return made


@pytest.mark.parametrize(
    "persona, url, expected",
    [
        ("safety_manager", "/accidents/", 200),
        ("leader", "/accidents/", 200),
        ("head_a", "/accidents/", 200),
        ("employee_a", "/accidents/", 403),
        ("safety_manager", "/accidents/{pk}/", 200),
        ("head_a", "/accidents/{pk}/", 200),
        ("leader", "/accidents/{pk}/", 200),
        ("outsider", "/accidents/{pk}/", 404),
        ("head_a", "/accidents/new/", 200),
        ("leader", "/accidents/new/", 403),
        ("head_a", "/accidents/{pk}/investigation/", 403),
        ("safety_manager", "/accidents/{pk}/investigation/", 200),
        ("safety_manager", "/accidents/statistics/", 200),
        ("head_a", "/accidents/statistics/", 200),
        ("employee_a", "/accidents/statistics/", 403),
        ("safety_manager", "/accidents/man-hours/", 200),
        ("leader", "/accidents/man-hours/", 200),
        ("head_a", "/accidents/man-hours/import/", 403),
        ("safety_manager", "/accidents/man-hours/import/", 200),
        ("safety_manager", "/accidents/lessons/", 200),
        ("safety_manager", "/accidents/lessons/new/", 200),
        ("head_a", "/accidents/lessons/new/", 403),
    ],
)
def test_permissions(world, client_for, item, persona, url, expected):
    assert client_for(persona).get(url.format(pk=item.pk)).status_code == expected


def test_the_outsider_does_not_see_the_accident_in_the_list(world, client_for, item):
    assert item.code not in client_for("outsider").get("/accidents/").content.decode()
    assert item.code in client_for("head_a").get("/accidents/?q=SG").content.decode()


def test_the_detail_shows_the_grade_rule_the_clock_and_history(world, client_for, item):
    with translation.override("en"):
        html = client_for("safety_manager").get(f"/accidents/{item.pk}/").content.decode()
    assert 'data-testid="grade"' in html and "General" in html
    assert "below every band" in html
    # never reported to the authority, and long past the hour: no countdown
    assert "Overdue: the authority must be told within 1 hour" in html and "data-countdown" not in html
    history = re.search(r'<ul class="list-group history-list">(.*?)</ul>\s*</section>', html, re.S)
    assert history, "the change history list is missing"
    entries = re.findall(r'<li class="list-group-item">(.*?)</li>', history.group(1), re.S)
    created = entries[-1]  # the oldest entry comes last
    assert world.safety_manager.first_name in created and "· created" in created, entries


def test_a_head_reports_from_the_form(world, client_for):
    from apps.accidents.models import Accident
    from tests.accidents.factories import accident_type

    response = client_for("head_a").post(
        "/accidents/new/",
        {
            "title": "滑倒",
            "occurred_at": "2026-11-20T10:00",
            "place": "通道",
            "department": world.dept_a.pk,
            "accident_type": accident_type("WSA10011").pk,
            "deaths": 0,
            "serious_injuries": 0,
            "minor_injuries": 1,
            "direct_loss": "100",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Accident.objects.get().minor_injuries == 1


def test_closing_from_the_page_names_the_missing_items(world, client_for, item):
    with translation.override("en"):
        response = client_for("safety_manager").post(f"/accidents/{item.pk}/close/")
    assert response.status_code == 400
    html = response.content.decode()
    assert "cause found" in html and "staff educated" in html


def test_a_late_casualty_update_from_the_page_says_it_was_not_regraded(world, client_for):
    old = accident(world, when=at(dt.date(2026, 9, 1)), minor_injuries=1)
    client = client_for("head_a")
    with translation.override("en"):
        response = client.post(
            f"/accidents/{old.pk}/updates/",
            {"reported_on": "2026-11-20", "deaths": 3, "serious_injuries": 0, "minor_injuries": 0},
            follow=True,
        )
    assert "without regrading" in response.content.decode()
    old.refresh_from_db()
    assert old.grade == "general"


def _bulk(world, n, months, varied=False):
    from apps.accidents.models import Person

    departments = (world.dept_b, world.dept_a, world.team_a, world.root)
    types = ("WSA10004", "WSA10001", "WSA10009", "WSA10003", "WSA10011")
    for i in range(n):
        casualties = {"minor_injuries": 1}
        if varied:  # every grade, near misses, more departments and types
            casualties = ({"minor_injuries": 1}, {"deaths": 3}, {"deaths": 10}, {"deaths": 30}, {"is_near_miss": True})[
                i % 5
            ]
        made = accident(
            world,
            when=at(dt.date(2026, 7 + i % 5, 1 + i % 19)),
            department=departments[i % (4 if varied else 2)],
            type_code=types[i % (5 if varied else 2)],
            **casualties,
        )
        Person.objects.create(accident=made, name="x", severity="minor", lost_workdays=i)
    for m in range(1, months + 1):
        services.man_hours_save(
            department=world.dept_a, month=dt.date(2026, m, 1), hours=1000, headcount=10, user=world.safety_manager
        )


def test_statistics_and_register_queries_do_not_grow(world, client_for):
    client = client_for("safety_manager")

    def stats():
        return client.get("/accidents/statistics/?year=2026")

    def register():
        list(RegisterExporter(user=world.safety_manager, params={}).rows())

    def page():
        return client.get("/accidents/")

    _bulk(world, 2, 1)
    small = (count_queries(stats), count_queries(register), count_queries(page))
    _bulk(world, 20, 11, varied=True)
    from apps.accidents.models import Accident

    grades = set(Accident.objects.values_list("grade", flat=True))
    assert grades == {"general", "larger", "major", "especially_major"}
    assert Accident.objects.values("department").distinct().count() == 4
    large = (count_queries(stats), count_queries(register), count_queries(page))
    assert small == large


def test_statistics_figures(world, client_for):
    from apps.accidents.selectors import statistics

    _bulk(world, 4, 2)
    stats = statistics(user=world.safety_manager, year=2026)
    assert stats.total.accidents == 4 and stats.total.minor == 4
    assert stats.total.hours == 2000 and stats.total.staff == 10
    assert stats.total.trir == 400.0  # 4 × 200,000 ÷ 2,000
    assert stats.total.lost_time == 4  # every minor injury (GB 6441: at least one workday lost)
    assert stats.total.lost_workdays == 6  # of the people recorded: 1, 2, 3
    assert stats.months[6].accidents == 1 and stats.months[0].hours == 1000
    head = statistics(user=world.head_a, year=2026)
    assert head.total.accidents == 2  # department A only


def test_the_register_lists_the_users_scope(world, item):
    accident(world, department=world.dept_b, when=at(dt.date(2026, 11, 2)))
    with translation.override("en"):
        rows = xlsx_rows(RegisterExporter(user=world.head_a, params={}).render())
    assert rows[0][0] == "Accident number"
    assert [r[0] for r in rows[1:]] == [item.code]
    assert rows[1][11].startswith("General") and rows[1][18] == 1


def test_the_accident_report_pdf(world, item):
    complete_investigation(world, item)
    text = pdf_text(ReportExporter(user=world.head_a, params={"accident": item.pk}).render())
    assert item.code in text and "王五" in text
    with translation.override("en"), pytest.raises(ApplicationError, match="may not see"):
        ReportExporter(user=world.outsider, params={"accident": item.pk}).render()


def test_statistics_by_year(world):
    from apps.accidents.selectors import statistics

    accident(world, when=at(dt.date(2025, 5, 1)), type_code="01", deaths=1)
    accident(world, when=at(dt.date(2026, 8, 1)), minor_injuries=2)
    accident(world, when=at(dt.date(2020, 8, 1)), type_code="01", deaths=1)  # beyond five years
    stats = statistics(user=world.safety_manager, year=2026)
    assert [p.label for p in stats.years] == ["2026", "2025", "2024", "2023", "2022"]
    assert (stats.years[0].minor, stats.years[1].deaths, stats.years[4].deaths) == (2, 1, 0)
    assert stats.total.accidents == 1 and [r["count"] for r in stats.by_grade] == [1]


@pytest.mark.parametrize(
    "persona, path, expected",
    [
        ("outsider", "updates/", 404),
        ("leader", "updates/", 403),
        ("employee_a", "people/", 403),
        ("head_a", "close/", 403),
        ("head_a", "measures/", 403),
        ("outsider", "times/", 404),
        ("leader", "close/", 403),
    ],
)
def test_actions_are_refused_to_those_who_may_not_take_them(world, client_for, item, persona, path, expected):
    response = client_for(persona).post(f"/accidents/{item.pk}/{path}", {"deaths": 1})
    assert response.status_code == expected
    item.refresh_from_db()
    assert item.deaths == 0 and item.status == "reported"


def test_a_head_of_another_department_cannot_move_the_accident_to_it(world, client_for, item):
    from apps.org.models import Employee

    # The head of B works in A, so they see A's accidents, but may not edit or move them.
    Employee.objects.filter(user=world.outsider).update(department=world.dept_a)
    client = client_for("outsider")
    assert client.get(f"/accidents/{item.pk}/edit/").status_code == 403
    response = client.post(
        f"/accidents/{item.pk}/edit/",
        {
            "title": "改名",
            "occurred_at": "2026-11-01T09:00",
            "place": "别处",
            "department": world.dept_b.pk,
            "accident_type": item.accident_type_id,
            "direct_loss": "5000",
        },
    )
    assert response.status_code == 403
    item.refresh_from_db()
    assert (item.department_id, item.title) == (world.dept_a.pk, "车床夹伤")


def test_the_service_checks_the_stored_department(world, item, english):
    from django.core.exceptions import PermissionDenied

    item.department = world.dept_b  # as a ModelForm would have written it
    with pytest.raises(PermissionDenied, match="Only a safety manager or the department's head"):
        services.accident_save(accident=item, data={"title": "改名"}, user=world.outsider)
    item.refresh_from_db()
    assert (item.department_id, item.title) == (world.dept_a.pk, "车床夹伤")


def test_heads_see_the_lessons_shared_with_their_departments(world, client_for, item):
    from apps.accidents import selectors

    other = accident(world, department=world.dept_b, when=at(dt.date(2026, 11, 3)))
    shared = services.lesson_save(
        data={
            "accident": other,
            "title": "装配事故教训",
            "held_on": dt.date(2026, 11, 10),
            "content": "x",
            "departments": [world.dept_a, world.dept_b],
        },
        user=world.safety_manager,
    )
    own = services.lesson_save(
        data={
            "accident": item,
            "title": "车床事故教训",
            "held_on": dt.date(2026, 11, 11),
            "content": "x",
            "departments": [world.dept_a],
        },
        user=world.safety_manager,
    )
    assert list(selectors.lesson_list(user=world.head_a)) == [own, shared]
    assert list(selectors.lesson_list(user=world.outsider)) == [shared]
    assert selectors.lesson_list(user=world.head_a).get(pk=shared.pk).attendance == 0
    html = client_for("head_a").get("/accidents/lessons/").content.decode()
    assert "装配事故教训" in html and "车床事故教训" in html


@pytest.mark.parametrize(
    "year, shown, refused",
    [
        ("99999", 2026, True),
        ("1", 2026, True),
        ("1949", 2026, True),
        ("2028", 2026, True),
        ("abc", 2026, True),
        ("1950", 1950, False),
        ("2027", 2027, False),
        ("", 2026, False),
    ],
)
def test_a_statistics_year_out_of_range_is_refused_with_a_message(world, client_for, api_for, year, shown, refused):
    with translation.override("en"):
        response = client_for("safety_manager").get(f"/accidents/statistics/?year={year}")
        api = api_for("safety_manager").get(f"/api/v1/accidents/statistics/?year={year}")
    assert response.status_code == 200
    assert response.context["year"] == shown
    assert ("Year: choose a year from 1950 to 2027" in response.content.decode()) is refused
    if refused:
        assert api.status_code == 400 and "Year: choose a year" in str(api.json())
    else:
        assert api.status_code == 200 and api.json()["year"] == shown


def test_texts_in_scripts_are_escaped_and_editions_are_labelled(world, client_for, item, monkeypatch):
    import django.template.base

    from apps.accidents import evidence

    fresh = accident(world, when=at(dt.date(2026, 11, 20), 19, 30))  # the clock still runs
    real = django.template.base.gettext_lazy
    monkeypatch.setattr(django.template.base, "gettext_lazy", lambda m: "L'heure" if m == "Overdue" else real(m))
    with translation.override("en"):
        detail = client_for("safety_manager").get(f"/accidents/{fresh.pk}/").content.decode()
    assert "el.textContent='L\\u0027heure'" in detail
    with translation.override("en"):
        listing = client_for("safety_manager").get("/accidents/").content.decode()
        unit = {i.key: i.unit for i in evidence.provider(dt.date(2026, 11, 20))}
    assert "GB 6441-2025 · " in listing and ">2025 · " not in listing
    assert unit["accidents.direct_loss_ytd"] == "yuan"


def test_an_accident_photo_is_served_only_to_those_who_see_the_accident(world, client_for, item):
    from apps.core.services import attachment_add
    from tests.hazards.factories import photo

    file = attachment_add(owner=item, upload=photo("现场.jpg"), user=world.safety_manager)
    assert client_for("head_a").get(f"/accidents/{item.pk}/files/{file.pk}/").status_code == 200
    assert client_for("outsider").get(f"/accidents/{item.pk}/files/{file.pk}/").status_code == 404
