from __future__ import annotations

import datetime as dt

from apps.accidents import services
from tests.accidents.factories import accident, accident_type, complete_investigation
from tests.api.case import Case, crud
from tests.api.cases._common import today
from tests.hazards.factories import photo


def an_accident(world):
    return accident(world)


def investigated(world):
    return complete_investigation(world, accident(world))


def with_a_person(world):
    item = accident(world, minor_injuries=1)
    services.person_add(accident=item, user=world.safety_manager, name="刘洋", severity="minor")
    return item


def lesson(world):
    return services.lesson_save(
        data={
            "accident": accident(world),
            "title": "车床夹伤事故警示教育",
            "held_on": dt.date(2026, 9, 20),
            "content": "案例分析",
            "departments": [world.dept_a],
        },
        user=world.safety_manager,
    )


def man_hours(world):
    return services.man_hours_save(
        department=world.dept_a, month=dt.date(2026, 8, 1), hours=16000, headcount=100, user=world.safety_manager
    )


def accident_body(world, record=None):
    return {
        "title": "叉车碰撞",
        "occurred_at": "2026-10-08T10:00:00+08:00",
        "place": "二号仓库",
        "department": world.dept_a.pk,
        "accident_type": accident_type().pk,
        "direct_loss": "0",
    }


CASES = {
    **crud(
        "v1_accidents",
        an_accident,
        "list retrieve create update partial_update",
        create=accident_body,
        update=accident_body,
    ),
    "v1_accidents_times_create": Case(an_accident, payload=lambda w, r: {"head_told_at": "2026-09-01T09:30:00+08:00"}),
    "v1_accidents_photos_create": Case(an_accident, payload=lambda w, r: {"files": [photo()]}, multipart=True),
    "v1_accidents_people_create": Case(
        an_accident, payload=lambda w, r: {"name": "刘洋", "severity": "minor", "lost_workdays": 3}
    ),
    "v1_accidents_casualty_updates_create": Case(
        an_accident,
        payload=lambda w, r: {"reported_on": "2026-09-05", "deaths": 0, "serious_injuries": 0, "minor_injuries": 1},
    ),
    "v1_accidents_person_status_create": Case(
        with_a_person,
        payload=lambda w, r: {"person": r.people.get().pk, "severity": "serious", "reported_on": "2026-09-05"},
    ),
    "v1_accidents_investigation_create": Case(
        an_accident, payload=lambda w, r: {"direct_causes": "违章操作", "cause_found": True}
    ),
    "v1_accidents_measures_create": Case(
        an_accident,
        payload=lambda w, r: {
            "kind": "corrective",
            "title": "加装防护栏",
            "department": w.dept_a.pk,
            "due_date": today(14),
        },
    ),
    "v1_accidents_close_create": Case(investigated),
    **crud(
        "v1_accidents_lessons",
        lesson,
        "list retrieve create",
        create=lambda w, r: {
            "accident": accident(w, title="滑倒").pk,
            "title": "滑倒事故教育",
            "held_on": "2026-09-21",
            "content": "案例",
            "departments": [w.dept_a.pk],
        },
    ),
    **crud(
        "v1_accidents_man_hours",
        man_hours,
        "list retrieve create",
        create=lambda w, r: {"department": w.dept_a.pk, "month": "2026-07-01", "hours": "15000", "headcount": 90},
    ),
    "v1_accidents_statistics_retrieve": Case(an_accident),
    **crud("v1_accidents_types", lambda w: accident_type(), "list retrieve"),
}
