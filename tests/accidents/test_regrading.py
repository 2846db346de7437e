"""Re-grading (生产安全事故报告和调查处理条例 第三条, 第十三条): a person's status changed within the
window, near misses graded by their figures, and both reaching the safety-performance gate."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from apps.accidents import services
from apps.accidents.models import Person
from apps.assessment import selectors as assessment_selectors
from apps.assessment.models import Assessment
from apps.core.exceptions import ApplicationError
from tests.accidents.factories import accident, at
from tests.assessment.factories import make_assessment
from tests.scoring.factories import make_standard

pytestmark = pytest.mark.usefixtures("english", "frozen")

TODAY = dt.date(2026, 11, 20)


def _gate(world):
    assessment = Assessment.objects.first() or make_assessment(world, make_standard(4))
    return assessment_selectors.gate_inputs(assessment, as_of=TODAY)


def _two_dead_and_one_seriously_injured(world, *, days_ago: int, type_code="WSA10004", road=False):
    item = accident(
        world,
        when=at(TODAY - dt.timedelta(days=days_ago)),
        type_code=type_code,
        road_traffic=road,
        deaths=2,
        serious_injuries=1,
    )
    for name, severity in (("甲", "death"), ("乙", "death"), ("丙", "serious")):
        services.person_add(accident=item, user=world.safety_manager, name=name, severity=severity)
    return item


@pytest.mark.parametrize(
    "type_code, road, days_ago, regraded",
    [
        ("WSA10004", False, 30, True),  # other types: 30 days
        ("WSA10004", False, 31, False),
        ("WSA10009", False, 7, True),  # fire: 7 days
        ("WSA10009", False, 8, False),
        ("WSA10003", True, 7, True),  # road traffic: 7 days
        ("WSA10003", True, 8, False),
        ("WSA10003", False, 8, True),  # vehicles off the road: 30 days
    ],
)
def test_a_person_who_dies_within_the_window_changes_the_count_and_the_grade(
    world, type_code, road, days_ago, regraded
):
    item = _two_dead_and_one_seriously_injured(world, days_ago=days_ago, type_code=type_code, road=road)
    assert item.grade == "general"
    person = Person.objects.get(accident=item, name="丙")
    update = services.person_status_change(person=person, user=world.head_a, severity="death", reported_on=TODAY)
    item.refresh_from_db()
    person.refresh_from_db()
    assert person.severity == "death"  # the person's record follows in every case
    assert update.applied is regraded
    assert "丙" in update.note
    if regraded:
        assert (item.deaths, item.serious_injuries, item.grade) == (3, 0, "larger")
        assert (update.grade_before, update.grade_after) == ("general", "larger")
    else:
        assert (item.deaths, item.serious_injuries, item.grade) == (2, 1, "general")
        assert f"within {7 if type_code == 'WSA10009' or road else 30} days" in services.late_update_message(item)
    gate = _gate(world)
    assert (gate["fatalities"], gate["larger_or_worse_accident"]) == ((3, True) if regraded else (2, False))


@pytest.mark.parametrize(
    "before, after, counts",
    [
        ("minor", "death", (1, 0, 0)),
        ("minor", "serious", (0, 1, 0)),
        ("serious", "minor", (0, 0, 1)),
        ("none", "minor", (0, 0, 1)),
        ("death", "none", (0, 0, 0)),
    ],
)
def test_a_status_change_moves_the_person_from_one_count_to_the_other(world, before, after, counts):
    figures = {"minor": "minor_injuries", "serious": "serious_injuries", "death": "deaths"}
    item = accident(world, when=at(TODAY - dt.timedelta(days=3)), **({figures[before]: 1} if before in figures else {}))
    person = services.person_add(accident=item, user=world.safety_manager, name="丁", severity=before)
    services.person_status_change(person=person, user=world.safety_manager, severity=after, reported_on=TODAY)
    item.refresh_from_db()
    assert (item.deaths, item.serious_injuries, item.minor_injuries) == counts


def test_a_status_change_is_refused_when_nothing_changes_or_the_injury_does_not_fit(world):
    item = accident(world, when=at(TODAY - dt.timedelta(days=3)), minor_injuries=1)
    person = services.person_add(
        accident=item, user=world.safety_manager, name="戊", severity="minor", lost_workdays=20
    )
    with pytest.raises(ApplicationError, match="already has this injury"):
        services.person_status_change(person=person, user=world.safety_manager, severity="minor", reported_on=TODAY)
    with pytest.raises(ApplicationError, match="serious injury loses 105"):
        services.person_status_change(person=person, user=world.safety_manager, severity="serious", reported_on=TODAY)
    with pytest.raises(ApplicationError, match="cannot be in the future"):
        services.person_status_change(
            person=person, user=world.safety_manager, severity="death", reported_on=TODAY + dt.timedelta(days=1)
        )
    person.refresh_from_db()
    item.refresh_from_db()
    assert person.severity == "minor" and (item.deaths, item.minor_injuries) == (0, 1)


@pytest.mark.parametrize(
    "near_miss, loss, grade, larger_for_the_gate",
    [
        (True, "20000000", "larger", True),  # ¥20M: 较大, whatever it was called
        (True, "10000000", "larger", True),  # the band includes its lower bound
        (True, "9999999.99", "general", False),
        (False, "20000000", "larger", True),
        (True, "50000000", "major", True),
    ],
)
def test_a_near_miss_is_graded_by_its_figures_and_counts_for_the_gate(
    world, near_miss, loss, grade, larger_for_the_gate
):
    item = accident(world, when=at(TODAY - dt.timedelta(days=40)), is_near_miss=near_miss, direct_loss=Decimal(loss))
    assert item.grade == grade
    gate = _gate(world)
    assert gate["source"] == "records"
    assert gate["larger_or_worse_accident"] is larger_for_the_gate


def test_a_near_miss_is_regraded_when_its_loss_is_corrected(world):
    item = accident(world, when=at(TODAY - dt.timedelta(days=40)), is_near_miss=True, direct_loss=Decimal(5000))
    assert item.grade == "general" and not _gate(world)["larger_or_worse_accident"]
    services.accident_save(accident=item, data={"direct_loss": Decimal(20_000_000)}, user=world.safety_manager)
    item.refresh_from_db()
    assert item.grade == "larger" and _gate(world)["larger_or_worse_accident"]


def test_only_those_who_report_the_accident_change_a_status(world):
    item = accident(world, when=at(TODAY - dt.timedelta(days=3)), minor_injuries=1)
    person = services.person_add(accident=item, user=world.safety_manager, name="己", severity="minor")
    with pytest.raises(PermissionDenied):
        services.person_status_change(person=person, user=world.outsider, severity="death", reported_on=TODAY)
    person.refresh_from_db()
    assert person.severity == "minor" and not item.updates.exists()
