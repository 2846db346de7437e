import datetime as dt
import random
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile

from apps.accidents import evidence, scale, services
from apps.accidents.importers import man_hours_import
from apps.accidents.models import Accident, AccidentStatus, ManHours, Person
from apps.assessment import selectors as assessment_selectors
from apps.core.exceptions import ApplicationError
from apps.org.models import Department, Employee
from apps.workflow.models import Task
from tests.accidents.factories import accident, at, complete_investigation
from tests.assessment.factories import make_assessment
from tests.helpers import reminded, xlsx_upload
from tests.scoring.factories import make_standard

pytestmark = pytest.mark.usefixtures("english", "frozen")

GOVERNMENT = "某县人民政府"  # the government responsible for the investigation (第二十九条)


def test_a_report_is_numbered_and_graded_with_its_basis(world):
    item = accident(world, deaths=3, serious_injuries=1, direct_loss=Decimal("20000"))
    assert item.code == "SG-2026-0001"
    assert item.grade == "larger" and item.grade_basis == ("deaths",)
    assert accident(world).code == "SG-2026-0002"


def test_new_accidents_use_the_2025_types_and_older_ones_the_1986_list(world):
    with pytest.raises(ApplicationError, match="GB 6441-2025"):
        accident(world, type_code="03")
    old = accident(world, when=at(dt.date(2026, 3, 1)), type_code="03")
    assert old.accident_type.edition == "1986"
    with pytest.raises(ApplicationError, match="GB 6441-1986"):
        accident(world, when=at(dt.date(2026, 3, 1)))


def test_a_near_miss_has_no_casualties(world):
    with pytest.raises(ApplicationError, match="Near miss: a near miss has no casualties"):
        accident(world, is_near_miss=True, minor_injuries=1)
    assert accident(world, is_near_miss=True).is_near_miss


def test_only_heads_of_the_department_report(world):
    accident(world, user=world.head_a)
    with pytest.raises(PermissionDenied, match="Only a safety manager or the department's head may report"):
        accident(world, user=world.outsider)
    with pytest.raises(PermissionDenied, match="Only a safety manager or the department's head may report"):
        accident(world, user=world.employee_a)


def test_the_reporting_clock(world):
    item = accident(world, when=at(dt.date(2026, 11, 20), 10, 30))
    assert item.report_overdue  # 12:00 now, deadline 11:30, not yet told
    services.accident_report_times(
        accident=item, user=world.head_a, authority_told_at=at(dt.date(2026, 11, 20), 11, 30)
    )
    assert item.reported_on_time and not item.report_overdue
    services.accident_report_times(
        accident=item, user=world.head_a, authority_told_at=at(dt.date(2026, 11, 20), 11, 31)
    )
    assert not item.reported_on_time and item.report_overdue
    with pytest.raises(ApplicationError, match="before the accident"):
        services.accident_report_times(accident=item, user=world.head_a, head_told_at=at(dt.date(2026, 11, 20), 10, 0))


def _gate(assessment):
    assessment.refresh_from_db()
    return assessment_selectors.gate_inputs(assessment, as_of=dt.date(2026, 11, 20))


def test_a_casualty_update_within_the_window_regrades_and_the_gate_follows(world):
    assessment = make_assessment(world, make_standard(4))
    item = accident(world, when=at(dt.date(2026, 10, 25)), serious_injuries=2)
    gate = _gate(assessment)
    assert gate["source"] == "records"
    assert (gate["fatalities"], gate["larger_or_worse_accident"]) == (0, False)
    update = services.casualty_update(
        accident=item,
        user=world.head_a,
        reported_on=dt.date(2026, 11, 20),
        deaths=3,
        serious_injuries=1,
        minor_injuries=0,
    )
    item.refresh_from_db()
    assert update.applied and (update.grade_before, update.grade_after) == ("general", "larger")
    assert (item.deaths, item.grade) == (3, "larger")
    gate = _gate(assessment)
    assert (gate["fatalities"], gate["larger_or_worse_accident"]) == (3, True)


def test_a_casualty_update_after_the_window_is_recorded_without_regrading(world):
    item = accident(world, when=at(dt.date(2026, 10, 20)), serious_injuries=1)  # 31 days ago
    update = services.casualty_update(
        accident=item,
        user=world.safety_manager,
        reported_on=dt.date(2026, 11, 20),
        deaths=5,
        serious_injuries=0,
        minor_injuries=0,
    )
    item.refresh_from_db()
    assert not update.applied
    assert (item.deaths, item.serious_injuries, item.grade) == (0, 1, "general")
    assert "within 30 days" in services.late_update_message(item)


@pytest.mark.parametrize(
    "code, road, days_ago, applied",
    [
        ("WSA10009", False, 7, True),
        ("WSA10009", False, 8, False),  # fire: 7 days
        ("WSA10004", True, 8, False),  # road traffic ticked: 7 days
        ("WSA10003", False, 8, True),
        ("WSA10003", False, 30, True),  # vehicles: 30 unless ticked
        ("WSA10003", True, 7, True),
        ("WSA10003", True, 8, False),
        ("WSA10004", False, 30, True),
        ("WSA10004", False, 31, False),
    ],
)
def test_the_window_is_7_days_for_fire_and_road_traffic(world, code, road, days_ago, applied):
    item = accident(
        world,
        when=at(dt.date(2026, 11, 20) - dt.timedelta(days=days_ago)),
        type_code=code,
        road_traffic=road,
        minor_injuries=1,
    )
    update = services.casualty_update(
        accident=item,
        user=world.safety_manager,
        reported_on=dt.date(2026, 11, 20),
        deaths=1,
        serious_injuries=0,
        minor_injuries=0,
    )
    assert update.applied is applied


def test_closing_needs_the_whole_four_no_let_go_checklist(world):
    item = accident(world)
    services.investigation_save(accident=item, data={"cause_found": True}, user=world.safety_manager)
    with pytest.raises(ApplicationError, match="four-no-let-go checklist is complete") as exc:
        services.accident_close(accident=item, user=world.safety_manager)
    message = exc.value.message
    assert "those responsible handled" in message and "staff educated" in message
    assert "measures taken" in message and "cause found" not in message
    complete_investigation(world, item)
    services.accident_close(accident=item, user=world.safety_manager)
    item.refresh_from_db()
    assert item.status == AccidentStatus.CLOSED and item.closed_on == dt.date(2026, 11, 20)
    with pytest.raises(ApplicationError, match="This accident is closed"):
        services.investigation_save(accident=item, data={}, user=world.safety_manager)


def test_closing_needs_the_investigation_report(world):
    item = accident(world)
    complete_investigation(world, item, report_submitted_on=None)
    with pytest.raises(ApplicationError, match="before its investigation report is submitted"):
        services.accident_close(accident=item, user=world.safety_manager)


def test_heads_do_not_investigate_or_close(world):
    item = accident(world)
    with pytest.raises(PermissionDenied, match="Only a safety manager may investigate and close"):
        services.investigation_save(accident=item, data={}, user=world.head_a)
    with pytest.raises(PermissionDenied, match="Only a safety manager may investigate and close"):
        services.accident_close(accident=item, user=world.head_a)


def test_the_report_deadline_extends_once_by_at_most_60_days_with_a_reason(world):
    item = accident(world, when=at(dt.date(2026, 9, 1)))
    assert item.investigation_due == dt.date(2026, 10, 31)
    with pytest.raises(ApplicationError, match="Reason for the extension: give the reason"):
        services.investigation_save(accident=item, data={"extension_days": 30}, user=world.safety_manager)
    item.refresh_from_db()
    with pytest.raises(ApplicationError, match="at most 60"):
        services.investigation_save(
            accident=item,
            data={"extension_days": 61, "extension_reason": "x", "extension_approved_by": GOVERNMENT},
            user=world.safety_manager,
        )
    item.refresh_from_db()
    services.investigation_save(
        accident=item,
        data={"extension_days": 60, "extension_reason": "鉴定", "extension_approved_by": GOVERNMENT},
        user=world.safety_manager,
    )
    assert item.investigation_due == dt.date(2026, 12, 30)


def test_measures_are_tasks_of_the_responsible_department(world):
    item = accident(world)
    measure = services.measure_add(
        accident=item,
        user=world.safety_manager,
        kind="preventive",
        title="加装防护罩",
        department=world.dept_b,
        due_date=dt.date(2026, 12, 31),
    )
    task = Task.objects.get(pk=measure.task_id)
    assert task.department == world.dept_b and task.source_id == item.pk
    assert item.code in task.title


def _sheet(rows):
    return xlsx_upload(rows, name="hours.xlsx", header=["Department code", "Month", "Hours worked", "Staff"])


def test_man_hours_import_is_all_or_nothing(world):
    with pytest.raises(ApplicationError, match="Nothing was imported: 1 problem") as exc:
        man_hours_import(
            upload=_sheet([["A", dt.date(2026, 1, 1), 1000, 10], ["NOPE", dt.date(2026, 1, 1), 1000, 10]]),
            user=world.safety_manager,
        )
    assert [str(e) for e in exc.value.errors] == ["3 / Department code: No department has the code “NOPE”."]
    assert not ManHours.objects.exists()
    result = man_hours_import(
        upload=_sheet([["A", dt.date(2026, 1, 15), 1000, 10], ["B", dt.date(2026, 1, 1), 500, 5]]),
        user=world.safety_manager,
    )
    assert (result.created, result.updated) == (2, 0)
    assert ManHours.objects.get(department=world.dept_a).month == dt.date(2026, 1, 1)
    result = man_hours_import(upload=_sheet([["A", dt.date(2026, 1, 1), 1200, 10]]), user=world.safety_manager)
    assert (result.created, result.updated) == (0, 1)
    with pytest.raises(PermissionDenied, match="Only a safety manager may investigate and close"):
        man_hours_import(upload=_sheet([["A", dt.date(2026, 1, 1), 1, 1]]), user=world.head_a)


def _values(as_of=dt.date(2026, 11, 20)):
    return {i.key: i.value for i in evidence.provider(as_of)}


KEYS = {
    "accidents.reported_on_time_rate",
    "accidents.fatalities_12m",
    "accidents.larger_or_worse_12m",
    "accidents.investigations_closed_on_time_rate",
    "accidents.four_no_let_go_complete_rate",
    "accidents.count_ytd",
    "accidents.deaths_ytd",
    "accidents.serious_injuries_ytd",
    "accidents.direct_loss_ytd",
    "accidents.trir_ytd",
    "accidents.ltifr_ytd",
}


def test_evidence_without_records_gives_no_values(world):
    values = _values()
    assert set(values) == KEYS
    assert all(v is None for v in values.values())


def test_evidence_from_the_records(world):
    on_time = accident(
        world,
        when=at(dt.date(2026, 8, 1)),
        serious_injuries=1,
        direct_loss=Decimal("1000"),
        authority_told_at=at(dt.date(2026, 8, 1), 9, 40),
    )
    services.person_add(accident=on_time, user=world.safety_manager, name="甲", severity="serious", lost_workdays=110)
    complete_investigation(world, on_time)
    services.accident_close(accident=on_time, user=world.safety_manager, closed_on=dt.date(2026, 9, 1))
    late = accident(
        world, when=at(dt.date(2026, 3, 1)), type_code="01", deaths=1, authority_told_at=at(dt.date(2026, 3, 1), 11)
    )
    accident(world, when=at(dt.date(2025, 6, 1)), type_code="01", deaths=4)  # older than 12 months
    accident(world, is_near_miss=True, when=at(dt.date(2026, 10, 1)))
    values = _values()
    assert values["accidents.reported_on_time_rate"] == Decimal("50.0")
    assert values["accidents.fatalities_12m"] == 1
    assert values["accidents.larger_or_worse_12m"] is False
    assert values["accidents.investigations_closed_on_time_rate"] == Decimal("50.0")
    assert values["accidents.four_no_let_go_complete_rate"] == Decimal("50.0")
    assert values["accidents.count_ytd"] == 2
    assert (values["accidents.deaths_ytd"], values["accidents.serious_injuries_ytd"]) == (1, 1)
    assert values["accidents.direct_loss_ytd"] == Decimal("1000")
    assert values["accidents.trir_ytd"] is None and values["accidents.ltifr_ytd"] is None
    services.man_hours_save(
        department=world.dept_a, month=dt.date(2026, 1, 1), hours=200_000, headcount=100, user=world.safety_manager
    )
    values = _values()
    assert values["accidents.trir_ytd"] == 2.0  # 2 recordable × 200,000 ÷ 200,000 h
    # 2 lost-time (the serious injury and the death) × 1,000,000 ÷ 200,000 h
    assert values["accidents.ltifr_ytd"] == 10.0
    assert late.grade == "general"


def test_objectives_read_the_year_to_date_keys(world):
    from apps.responsibility import selectors as responsibility_selectors
    from apps.responsibility import services as responsibility_services

    responsibility_services.objective_save(
        data={
            "year": 2026,
            "name": "死亡人数",
            "indicator_key": "accidents.deaths_ytd",
            "direction": "at_most",
            "target": 0,
            "unit": "人",
            "order": 0,
        },
        user=world.safety_manager,
    )
    accident(world, deaths=1)
    rows = responsibility_selectors.objective_rows(user=world.safety_manager, year=2026, as_of=dt.date(2026, 11, 20))
    assert rows[0].actual == 1 and rows[0].live and rows[0].met is False


def test_scale_seed_writes_in_bulk(world):
    departments = list(Department.objects.all())
    employees = list(Employee.objects.all())
    created = scale.seed(
        departments=departments, employees=employees, factor=0.05, rng=random.Random(1), today=dt.date(2026, 11, 20)
    )
    assert created == 5 == Accident.objects.count()
    assert ManHours.objects.count() == 24 * len(departments)
    assert Person.objects.count() >= sum(
        a.deaths + a.serious_injuries + a.minor_injuries for a in Accident.objects.all()
    )
    assert all(a.occurred_at.date() > dt.date(2023, 11, 1) for a in Accident.objects.all())
    # A second run adds accidents without colliding on numbers or months.
    scale.seed(
        departments=departments, employees=employees, factor=0.05, rng=random.Random(2), today=dt.date(2026, 11, 20)
    )
    assert Accident.objects.count() == 10


def test_reminders_are_sent_once(world):
    from apps.workflow.models import Notification

    # Window ends 11-21 (reminded), report due 12-21 (not yet).
    accident(world, when=at(dt.date(2026, 10, 22)), minor_injuries=1)
    second = accident(world, when=at(dt.date(2026, 9, 25)))  # report due 11-24
    accident(world, is_near_miss=True, when=at(dt.date(2026, 10, 22)))
    assert services.accident_reminders_send(today=dt.date(2026, 11, 20)) == 2
    messages = list(Notification.objects.filter(recipient=world.head_a).values_list("message", flat=True))
    assert sorted(messages) == [
        "SG-2026-0001: changes in casualties regrade the accident only until 2026-11-21.",
        "SG-2026-0002: the investigation report is due on 2026-11-24.",
    ]
    assert not Notification.objects.filter(recipient=world.outsider).exists()
    assert services.accident_reminders_send(today=dt.date(2026, 11, 20)) == 0
    services.investigation_save(
        accident=second,
        data={"extension_days": 30, "extension_reason": "鉴定", "extension_approved_by": GOVERNMENT},
        user=world.safety_manager,
    )
    # The first one's report (12-21) and the second one's new due date (12-24).
    assert services.accident_reminders_send(today=dt.date(2026, 12, 20)) == 2


@pytest.mark.parametrize(
    "severity, days, near_miss, refused",
    [
        ("minor", 104, False, None),
        ("minor", 105, False, "105 or more"),
        ("serious", 105, False, None),
        ("serious", 0, False, None),
        ("serious", 1, False, "serious injury loses 105"),
        ("serious", 104, False, "serious injury loses 105"),
        ("minor", 1, False, None),
        ("none", 0, True, None),
        ("minor", 1, True, "nobody is injured in a near miss"),
    ],
)
def test_people_involved(world, severity, days, near_miss, refused):
    item = accident(world, is_near_miss=near_miss)
    add = lambda: services.person_add(  # noqa: E731
        accident=item, user=world.head_a, name="甲", severity=severity, lost_workdays=days
    )
    if refused:
        with pytest.raises(ApplicationError, match=refused):
            add()
    else:
        assert add().lost_workdays == days


def test_outsiders_cannot_touch_the_accident(world):
    item = accident(world)
    with pytest.raises(PermissionDenied, match="Only a safety manager or the department's head may report"):
        services.person_add(accident=item, user=world.outsider, name="x", severity="minor")
    with pytest.raises(PermissionDenied, match="Only a safety manager or the department's head may report"):
        services.casualty_update(
            accident=item,
            user=world.outsider,
            reported_on=dt.date(2026, 9, 2),
            deaths=1,
            serious_injuries=0,
            minor_injuries=0,
        )
    with pytest.raises(PermissionDenied, match="Only a safety manager or the department's head may report"):
        services.accident_save(accident=item, data={"title": "x"}, user=world.outsider)


def test_an_older_casualty_update_entered_later_does_not_overwrite_a_newer_one(world):
    assessment = make_assessment(world, make_standard(4))
    item = accident(world, when=at(dt.date(2026, 11, 1)), serious_injuries=1)
    services.casualty_update(
        accident=item,
        user=world.safety_manager,
        reported_on=dt.date(2026, 11, 10),
        deaths=3,
        serious_injuries=0,
        minor_injuries=0,
    )
    older = services.casualty_update(
        accident=item,
        user=world.safety_manager,
        reported_on=dt.date(2026, 11, 5),
        deaths=1,
        serious_injuries=1,
        minor_injuries=0,
    )
    item.refresh_from_db()
    assert older.applied
    assert (item.deaths, item.serious_injuries, item.grade) == (3, 0, "larger")
    assert older.grade_after == "larger"
    gate = _gate(assessment)
    assert (gate["fatalities"], gate["larger_or_worse_accident"]) == (3, True)
    # A newer update still wins, and on the same day the one entered last.
    services.casualty_update(
        accident=item,
        user=world.safety_manager,
        reported_on=dt.date(2026, 11, 10),
        deaths=2,
        serious_injuries=0,
        minor_injuries=0,
    )
    item.refresh_from_db()
    assert (item.deaths, item.grade) == (2, "general")
    gate = _gate(assessment)
    assert (gate["fatalities"], gate["larger_or_worse_accident"]) == (2, False)


@pytest.mark.parametrize(
    "head_told, authority_told, on_time",
    [
        (None, dt.timedelta(hours=1), True),  # no head time recorded: from the accident
        (None, dt.timedelta(hours=1, seconds=1), False),
        (dt.timedelta(minutes=30), dt.timedelta(minutes=90), True),  # exactly 1 h after the head
        (dt.timedelta(minutes=30), dt.timedelta(minutes=90, seconds=1), False),
        (dt.timedelta(hours=2), dt.timedelta(hours=2, minutes=59), True),
    ],
)
def test_the_hour_runs_from_when_the_company_head_was_told(world, head_told, authority_told, on_time):
    when = at(dt.date(2026, 11, 20), 8, 0)
    item = accident(world, when=when)
    services.accident_report_times(
        accident=item,
        user=world.head_a,
        head_told_at=head_told and when + head_told,
        authority_told_at=when + authority_told,
    )
    assert item.report_deadline == when + (head_told or dt.timedelta()) + dt.timedelta(hours=1)
    assert item.reported_on_time is on_time and item.report_overdue is not on_time
    assert _values()["accidents.reported_on_time_rate"] == (Decimal(100) if on_time else Decimal(0))


@pytest.mark.parametrize(
    "field, offset, refused",
    [
        ("head_told_at", dt.timedelta(minutes=-1), "Company head told at: it cannot be before"),
        ("authority_told_at", dt.timedelta(minutes=-1), "Authority told at: it cannot be before"),
        ("head_told_at", dt.timedelta(0), None),
        ("authority_told_at", dt.timedelta(hours=11), None),  # 20:00 local, now
        ("head_told_at", dt.timedelta(hours=11, minutes=1), "Company head told at: it cannot be in the future"),
        ("authority_told_at", dt.timedelta(hours=11, minutes=1), "Authority told at: it cannot be in the future"),
    ],
)
def test_reporting_times_lie_between_the_accident_and_now(world, field, offset, refused):
    when = at(dt.date(2026, 11, 20), 9, 0)
    value = when + offset
    attempts = [
        lambda: accident(world, when=when, **{field: value}),
        lambda: services.accident_report_times(
            accident=accident(world, when=when), user=world.head_a, **{field: value}
        ),
        lambda: services.accident_save(accident=accident(world, when=when), data={field: value}, user=world.head_a),
    ]
    for attempt in attempts:
        if refused:
            with pytest.raises(ApplicationError, match=refused):
                attempt()
        else:
            assert getattr(attempt(), field) == value


def test_the_head_may_be_told_after_the_authority(world):
    when = at(dt.date(2026, 11, 20), 9, 0)
    item = accident(
        world,
        when=when,
        authority_told_at=when + dt.timedelta(minutes=20),
        head_told_at=when + dt.timedelta(minutes=40),
    )
    assert item.head_told_at > item.authority_told_at


def test_the_api_refuses_reporting_times_in_the_future(world, api_for):
    item = accident(world, when=at(dt.date(2026, 11, 20), 9, 0))
    response = api_for("head_a").post(
        f"/api/v1/accidents/{item.pk}/times/", {"authority_told_at": "2026-11-21T09:00:00+08:00"}, format="json"
    )
    assert response.status_code == 400, response.content
    assert "Authority told at" in str(response.data)
    item.refresh_from_db()
    assert item.authority_told_at is None


@pytest.mark.parametrize(
    "as_of, occurred_on, counted",
    [
        (dt.date(2028, 3, 1), dt.date(2027, 3, 2), True),  # 366 days back over the leap day
        (dt.date(2028, 3, 1), dt.date(2027, 3, 1), False),  # a calendar year before: outside
        (dt.date(2026, 11, 20), dt.date(2025, 11, 21), True),
        (dt.date(2026, 11, 20), dt.date(2025, 11, 20), False),
        (dt.date(2026, 11, 20), dt.date(2026, 11, 20), True),
    ],
)
def test_the_12_months_are_a_calendar_year(world, as_of, occurred_on, counted):
    type_code = "WSA10004" if occurred_on >= dt.date(2026, 7, 1) else "01"
    with time_machine.travel(dt.datetime(2028, 6, 1), tick=False):
        accident(world, when=at(occurred_on, 8), type_code=type_code, deaths=1)
    assert _values(as_of)["accidents.fatalities_12m"] == (1 if counted else 0)


def test_investigations_on_time_compare_the_report_date_with_the_due_date(world):
    # Report in time (due 2026-10-31), accident closed later: on time.
    early = accident(world, when=at(dt.date(2026, 9, 1)))
    complete_investigation(world, early, report_submitted_on=dt.date(2026, 10, 31))
    services.accident_close(accident=early, user=world.safety_manager, closed_on=dt.date(2026, 11, 15))
    # Report a day late, closed the same day: late.
    late = accident(world, when=at(dt.date(2026, 9, 1)))
    complete_investigation(world, late, report_submitted_on=dt.date(2026, 11, 1))
    services.accident_close(accident=late, user=world.safety_manager, closed_on=dt.date(2026, 11, 1))
    # Extended by 30 days (due 2026-11-30): report on 11-20 is on time, not yet closed.
    extended = accident(world, when=at(dt.date(2026, 9, 1)))
    complete_investigation(
        world,
        extended,
        report_submitted_on=dt.date(2026, 11, 20),
        extension_days=30,
        extension_reason="技术鉴定",
        extension_approved_by=GOVERNMENT,
    )
    values = _values()
    assert values["accidents.investigations_closed_on_time_rate"] == Decimal("50.0")  # 1 of 2


def test_lost_time_injuries_follow_the_counts_and_the_people(world):
    from apps.accidents import selectors

    services.man_hours_save(
        department=world.dept_a, month=dt.date(2026, 9, 1), hours=1_000_000, headcount=100, user=world.safety_manager
    )
    counted = accident(world, when=at(dt.date(2026, 9, 2)), serious_injuries=1)
    services.person_add(accident=counted, user=world.safety_manager, name="甲", severity="serious", lost_workdays=110)
    # A casualty update changes only the counts: now 1 death and 2 minor injuries.
    services.casualty_update(
        accident=counted,
        user=world.safety_manager,
        reported_on=dt.date(2026, 9, 10),
        deaths=1,
        serious_injuries=0,
        minor_injuries=2,
    )
    # More people recorded than the counts say: the people count.
    people = accident(world, when=at(dt.date(2026, 9, 3)), minor_injuries=1)
    for name in ("乙", "丙"):
        services.person_add(accident=people, user=world.safety_manager, name=name, severity="minor", lost_workdays=3)
    stats = selectors.statistics(user=world.safety_manager, year=2026)
    september = stats.months[8]
    assert (september.lost_time, september.lost_workdays) == (3 + 2, 116)
    assert september.ltifr == 5.0
    assert _values()["accidents.ltifr_ytd"] == 5.0


def test_an_accident_with_casualties_recorded_cannot_become_a_near_miss(world):
    item = accident(world)
    services.person_add(accident=item, user=world.head_a, name="甲", severity="minor", lost_workdays=2)
    with pytest.raises(ApplicationError, match="Near miss: people injured"):
        services.accident_save(accident=item, data={"is_near_miss": True}, user=world.head_a)
    item.refresh_from_db()
    assert not item.is_near_miss
    bystander = accident(world)
    services.person_add(accident=bystander, user=world.head_a, name="乙", severity="none")
    assert services.accident_save(accident=bystander, data={"is_near_miss": True}, user=world.head_a).is_near_miss


def test_closing_waits_for_the_measures(world):
    item = accident(world)
    complete_investigation(world, item)
    guard = services.measure_add(
        accident=item,
        user=world.safety_manager,
        kind="corrective",
        title="加装防护罩",
        department=world.dept_a,
        due_date=dt.date(2026, 12, 31),
    )
    drill = services.measure_add(
        accident=item,
        user=world.safety_manager,
        kind="preventive",
        title="全员培训",
        department=world.dept_b,
        due_date=dt.date(2026, 12, 31),
    )
    Task.objects.filter(pk=drill.task_id).update(status="submitted")
    with pytest.raises(ApplicationError, match="measures are unfinished") as exc:
        services.accident_close(accident=item, user=world.safety_manager)
    assert "加装防护罩" in exc.value.message and "全员培训" in exc.value.message
    Task.objects.filter(pk=guard.task_id).update(status="signed_off")
    with pytest.raises(ApplicationError, match="measures are unfinished") as exc:
        services.accident_close(accident=item, user=world.safety_manager)
    assert "全员培训" in exc.value.message and "加装防护罩" not in exc.value.message
    Task.objects.filter(pk=drill.task_id).update(status="cancelled")
    assert services.accident_close(accident=item, user=world.safety_manager).status == "closed"


def test_a_closed_accident_takes_no_more_attachments(world, api_for):
    item = accident(world)
    complete_investigation(world, item)
    services.accident_close(accident=item, user=world.safety_manager)
    photo = SimpleUploadedFile("现场.pdf", b"%PDF-1.4 x", content_type="application/pdf")
    with pytest.raises(ApplicationError, match="This accident is closed"):
        services.accident_attach(accident=item, user=world.head_a, files=[photo])
    photo.seek(0)
    response = api_for("head_a").post(f"/api/v1/accidents/{item.pk}/photos/", {"files": [photo]}, format="multipart")
    assert response.status_code == 400
    from apps.core.selectors import attachment_list

    assert not attachment_list(owner=item).exists()


def test_numbers_past_9999_do_not_collide(world):
    first = accident(world)
    Accident.objects.filter(pk=first.pk).update(code="SG-2026-9999")
    second = accident(world)
    assert second.code == "SG-2026-10000"
    assert accident(world).code == "SG-2026-10001"
    assert accident(world, when=at(dt.date(2026, 3, 1)), type_code="01").code == "SG-2026-10002"
    assert accident(world, when=at(dt.date(2025, 3, 1)), type_code="01").code == "SG-2025-0001"


def test_a_number_taken_concurrently_is_retried(world, monkeypatch):
    from apps.accidents.services import reports

    taken = accident(world)
    real = reports.next_code
    calls = []

    def racing(occurred_at):
        calls.append(occurred_at)
        return taken.code if len(calls) == 1 else real(occurred_at)

    # The other report is committed between the check and the insert.
    monkeypatch.setattr(Accident, "validate_unique", lambda self, exclude=None: None)
    monkeypatch.setattr(reports, "next_code", racing)
    assert accident(world).code == "SG-2026-0002" and len(calls) == 2


def test_the_deadline_is_extended_only_once(world):
    item = accident(world, when=at(dt.date(2026, 9, 1)))
    services.investigation_save(
        accident=item,
        data={"extension_days": 30, "extension_reason": "鉴定", "extension_approved_by": GOVERNMENT},
        user=world.safety_manager,
    )
    for days in (60, 0):  # a second extension, or taking it back to extend again
        item.refresh_from_db()
        with pytest.raises(ApplicationError, match="extended only once"):
            services.investigation_save(accident=item, data={"extension_days": days}, user=world.safety_manager)
    item.refresh_from_db()
    assert item.extension_days == 30 and item.investigation_due == dt.date(2026, 11, 30)
    services.investigation_save(accident=item, data={"direct_causes": "x"}, user=world.safety_manager)


@pytest.mark.parametrize(
    "submitted, refused",
    [
        (dt.date(2026, 8, 31), "before the accident"),
        (dt.date(2026, 9, 1), None),
        (dt.date(2026, 11, 20), None),
        (dt.date(2026, 11, 21), "in the future"),
    ],
)
def test_the_report_date_lies_between_the_accident_and_today(world, submitted, refused):
    item = accident(world, when=at(dt.date(2026, 9, 1)))
    save = lambda: services.investigation_save(  # noqa: E731
        accident=item, data={"report_submitted_on": submitted}, user=world.safety_manager
    )
    if refused:
        with pytest.raises(ApplicationError, match=f"Investigation report submitted on: .*{refused}"):
            save()
    else:
        assert save().report_submitted_on == submitted


@pytest.mark.parametrize(
    "change, reminded_again",
    [
        ({"road_traffic": True}, True),  # 30 days become 7
        ({"occurred_at": at(dt.date(2026, 10, 23))}, True),
        ({"title": "改名"}, False),
    ],
)
def test_a_new_casualty_window_is_reminded_again(world, change, reminded_again):
    item = accident(world, when=at(dt.date(2026, 10, 22)), minor_injuries=1)  # window to 11-21
    services.accident_reminders_send(today=dt.date(2026, 11, 20))
    item.refresh_from_db()
    assert reminded(item, "accident_window") == item.casualty_window_end
    item = services.accident_save(accident=item, data=change, user=world.safety_manager)
    item.refresh_from_db()
    assert (reminded(item, "accident_window") == item.casualty_window_end) is not reminded_again
