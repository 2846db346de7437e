from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation

from apps.core.exceptions import ApplicationError
from apps.major_hazards import services
from apps.major_hazards.evidence import provider
from apps.major_hazards.identification import Entry, identify
from apps.major_hazards.models import Identification, InventoryItem
from apps.workflow.models import Task
from tests.helpers import reminded
from tests.major_hazards.factories import item, major_unit, substance, unit

D = dt.date


def test_changing_the_inventory_records_a_new_identification_and_keeps_the_old(world):
    u = unit(world, exposed_people=60)
    line = item(world, u, tonnes="8")  # S = 0.8
    first = Identification.objects.get(unit=u)
    assert not first.is_major and first.s == Decimal("0.8")
    services.inventory_item_save(unit=u, item=line, data={"max_quantity": Decimal("12")}, user=world.safety_manager)
    records = list(Identification.objects.filter(unit=u).order_by("pk"))
    assert len(records) == 2
    old, new = records
    assert (old.pk, old.s, old.is_major, old.r) == (first.pk, Decimal("0.8"), False, None)
    assert old.inputs[0]["tonnes"] == "8.000"
    assert new.is_major and new.s == Decimal("1.2") and new.alpha == Decimal("1.5")
    assert new.r == Decimal("3.6") and new.level == 4  # 1.5 × 2 × 1.2
    assert new.inputs[0]["tonnes"] == "12.000"


def test_removing_a_chemical_and_changing_the_people_identify_again(world):
    u = major_unit(world)
    gas = item(world, u, name=None, chemical_name="丙烷混合气", categories="w2, J3", tonnes="1")
    assert gas.categories == "W2,J3"
    services.unit_save(unit=u, data={"exposed_people": 150}, user=world.safety_manager)
    latest = Identification.objects.filter(unit=u).first()
    assert latest.alpha == 2 and latest.exposed_people == 150
    services.inventory_item_delete(item=gas, user=world.safety_manager)
    latest = Identification.objects.filter(unit=u).first()
    assert [line["label"] for line in latest.lines] == ["氨"]
    assert Identification.objects.filter(unit=u).count() == 4


def test_the_recorded_identification_equals_identify_on_the_same_inputs(world):
    u = unit(world, exposed_people=35)
    item(world, u, tonnes="7")
    item(world, u, name="甲醇", tonnes="300", categories="W5.1")
    item(world, u, name=None, chemical_name="稀释剂", categories="W5.3,W5.1", tonnes="2")
    record = Identification.objects.filter(unit=u).first()
    expected = identify(
        [("氨", 7), Entry(substance="甲醇", categories=("W5.1",), tonnes=300), (("W5.3", "W5.1"), 2)], exposed_people=35
    )
    assert record.s == expected.s and record.r == expected.r and record.level == expected.level
    assert record.lines[1]["beta"] == "1.5"  # 甲醇's β from W5.1


@pytest.mark.parametrize(
    "data, field",
    [
        ({"substance": None, "chemical_name": "未知物", "categories": ""}, "categories"),
        ({"substance": None, "chemical_name": "未知物", "categories": "W99"}, "categories"),
        ({"substance": None, "chemical_name": "", "categories": "W2"}, "chemical_name"),
    ],
)
def test_an_inventory_line_the_standard_cannot_use_is_refused(world, data, field):
    u = unit(world)
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        services.inventory_item_save(unit=u, data={**data, "max_quantity": 1}, user=world.safety_manager)
    assert field in exc.value.message_dict
    assert not Identification.objects.filter(unit=u).exists()


def test_carbon_monoxide_needs_its_categories(world):
    u = unit(world)
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        services.inventory_item_save(
            unit=u, data={"substance": substance("一氧化碳"), "max_quantity": 1}, user=world.safety_manager
        )
    assert "not in table 1" in exc.value.message_dict["categories"][0]


@pytest.mark.parametrize("persona", ["head_a", "leader", "employee_a", "outsider"])
def test_only_safety_managers_manage_units(world, english, persona):
    u = unit(world)
    refused = "Only a safety manager manages major hazard sources"
    with pytest.raises(PermissionDenied, match=refused):
        services.unit_save(unit=u, data={"name": "x"}, user=world.persona(persona))
    with pytest.raises(PermissionDenied, match=refused):
        services.inventory_item_save(
            unit=u, data={"max_quantity": 1, "substance": substance("氨")}, user=world.persona(persona)
        )


def test_heads_record_checks_of_their_units_only(world, english):
    u = major_unit(world)
    measure = services.measure_save(
        unit=u, data={"measure_kind": "alarm", "name": "氨气报警仪"}, user=world.safety_manager
    )
    today = timezone.localdate()
    services.measure_check(measure=measure, user=world.head_a, checked_on=today)
    measure.refresh_from_db()
    assert measure.last_checked_on == today
    with pytest.raises(PermissionDenied, match="Only a safety manager or the department's head"):
        services.measure_check(measure=measure, user=world.outsider)
    with pytest.raises(ValidationError, match="Describe the fault found"):
        services.measure_check(measure=measure, user=world.head_a, check_result="fault")


@time_machine.travel(dt.datetime(2026, 3, 1, 9, 0), tick=False)
def test_an_assessment_is_due_three_years_later_and_reminded_once(world):
    u = major_unit(world)
    assessment = services.assessment_save(
        unit=u, data={"assessed_on": D(2023, 5, 1), "assessor": "某评价公司"}, user=world.safety_manager
    )
    assert assessment.next_due == D(2026, 5, 1)
    assert services.assessment_reminders_send(today=D(2026, 1, 30)) == 0  # 91 days before
    assert services.assessment_reminders_send(today=D(2026, 2, 1)) == 1
    assert services.assessment_reminders_send(today=D(2026, 2, 2)) == 0
    task = Task.objects.get(source_id=u.pk, source_type__model="unit")
    assert task.due_date == D(2026, 5, 1) and task.department == world.dept_a
    # A new assessment moves the due date: the next reminder comes for the new date only.
    services.assessment_save(
        unit=u, data={"assessed_on": D(2026, 2, 20), "assessor": "某评价公司"}, user=world.safety_manager
    )
    assert services.assessment_reminders_send(today=D(2026, 3, 1)) == 0
    assert services.assessment_reminders_send(today=D(2029, 2, 1)) == 1


def test_units_not_major_get_no_assessment_reminder(world):
    u = unit(world)
    item(world, u, tonnes="1")
    services.assessment_save(unit=u, data={"assessed_on": D(2020, 1, 1), "assessor": "x"}, user=world.safety_manager)
    assert services.assessment_reminders_send() == 0


def _values(as_of):
    return {i.key: i.value for i in provider(as_of)}


def test_evidence_is_none_without_units(db):
    values = _values(timezone.localdate())
    assert set(values) == {
        "major_hazards.registered_rate",
        "major_hazards.units_identified_rate",
        "major_hazards.assessments_current_rate",
        "major_hazards.measures_checked_rate",
        "major_hazards.assessments_overdue",
    }
    assert all(v is None for v in values.values())


def test_evidence_of_registration_assessments_and_checks(world):
    today = timezone.localdate()
    filed = major_unit(world, code="U-1")
    major_unit(world, code="U-2")
    unit(world, code="U-3")  # no inventory: not identified
    services.register_entry_save(
        unit=filed,
        data={"number": "备-1", "level": 4, "filing_authority": "应急管理局", "filed_on": today},
        user=world.safety_manager,
    )
    services.assessment_save(unit=filed, data={"assessed_on": today, "assessor": "x"}, user=world.safety_manager)
    checked = services.measure_save(
        unit=filed, data={"measure_kind": "video", "name": "视频", "check_cycle_days": 30}, user=world.safety_manager
    )
    services.measure_save(unit=filed, data={"measure_kind": "alarm", "name": "报警"}, user=world.safety_manager)
    services.measure_check(measure=checked, user=world.safety_manager, checked_on=today)
    values = _values(today)
    assert values["major_hazards.registered_rate"] == Decimal("50.0")
    assert values["major_hazards.units_identified_rate"] == Decimal("66.7")
    assert values["major_hazards.assessments_current_rate"] == Decimal("50.0")
    assert values["major_hazards.measures_checked_rate"] == Decimal("50.0")
    assert values["major_hazards.assessments_overdue"] == 1
    # 31 days later the check is out of its cycle; 3 years later the assessment is overdue.
    later = _values(today + dt.timedelta(days=31))
    assert later["major_hazards.measures_checked_rate"] == Decimal("0.0")
    assert _values(today + dt.timedelta(days=3 * 366))["major_hazards.assessments_overdue"] == 2


def test_the_daily_reminder_task_is_scheduled_and_runs(world, settings):
    from apps.major_hazards import tasks

    entry = settings.CELERY_BEAT_SCHEDULE["major-hazard-assessment-reminders"]
    assert entry["task"] == "apps.major_hazards.tasks.send_assessment_reminders"
    u = major_unit(world)
    services.assessment_save(
        unit=u,
        data={"assessed_on": timezone.localdate() - dt.timedelta(days=3 * 365), "assessor": "x"},
        user=world.safety_manager,
    )
    assert tasks.send_assessment_reminders() == 1
    assert tasks.send_assessment_reminders() == 0


def test_a_source_never_assessed_is_asked_once_for_its_first_assessment(world):
    u = major_unit(world)
    assert services.assessment_reminders_send(today=D(2026, 1, 10)) == 1
    assert services.assessment_reminders_send(today=D(2026, 1, 11)) == 0
    task = Task.objects.get(source_id=u.pk, source_type__model="unit")
    assert task.due_date == D(2026, 4, 10)
    services.assessment_save(unit=u, data={"assessed_on": D(2026, 1, 20), "assessor": "x"}, user=world.safety_manager)
    assert services.assessment_reminders_send(today=D(2028, 10, 21)) == 0
    assert services.assessment_reminders_send(today=D(2028, 10, 22)) == 1


@pytest.mark.parametrize("name", ["甲烷,天然气", "氢", "乙炔", "汽油(乙醇汽油、甲醇汽油)"])
def test_a_table_1_substance_not_in_table_3_needs_its_categories(world, name):
    u = unit(world)
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        services.inventory_item_save(
            unit=u, data={"substance": substance(name), "max_quantity": 1}, user=world.safety_manager
        )
    assert "β" in exc.value.message_dict["categories"][0]
    assert not Identification.objects.filter(unit=u).exists()


def test_the_reference_rows_in_the_database_equal_the_csv(db):
    import csv

    from apps.major_hazards.identification import DATA_DIR
    from apps.major_hazards.models import HazardCategory, Substance

    def rows(name):
        with open(DATA_DIR / name, encoding="utf-8") as fh:
            return list(csv.DictReader(fh))

    betas = {(r["cas"] or r["key"]): Decimal(r["beta"]) for r in rows("gb18218_2018_beta.csv")}
    expected = {}
    for r in rows("gb18218_2018_table1_substances.csv"):
        cas = [c for c in r["cas"].split(";") if c]
        beta = next((betas[k] for k in (*cas, r["name_zh"]) if k in betas), None)
        expected[r["name_zh"]] = (int(r["seq"]), r["aliases_zh"], r["cas"], Decimal(r["critical_quantity_t"]), beta)
    stored = {
        s.name: (s.seq, s.aliases, s.cas, s.critical_quantity, s.beta)
        for s in Substance.objects.filter(seq__isnull=False)
    }
    assert stored == expected
    extra = {s.name: s.beta for s in Substance.objects.filter(seq__isnull=True)}
    assert extra == {"一氧化碳": Decimal(2)}
    categories = {r["key"]: Decimal(r["beta"]) for r in rows("gb18218_2018_beta.csv") if r["kind"] == "category"}
    expected_categories = [
        (r["code"], r["category_zh"], r["description_zh"], Decimal(r["critical_quantity_t"]), categories[r["code"]])
        for r in rows("gb18218_2018_table2_categories.csv")
    ]
    assert [
        (c.code, c.name, c.description, c.critical_quantity, c.beta) for c in HazardCategory.objects.order_by("pk")
    ] == expected_categories


def test_the_admin_cannot_change_what_the_services_own(world, admin_client):
    u = major_unit(world, exposed_people=10)
    line = u.inventory.get()
    measure = services.measure_save(unit=u, data={"measure_kind": "alarm", "name": "报警仪"}, user=world.safety_manager)
    check = services.measure_check(measure=measure, user=world.safety_manager)
    record = Identification.objects.get(unit=u)
    base = "/admin/major_hazards"
    for path in (
        f"{base}/inventoryitem/add/",
        f"{base}/identification/add/",
        f"{base}/measurecheck/add/",
        f"{base}/unit/add/",
    ):
        assert admin_client.get(path).status_code == 403, path
    for path in (
        f"{base}/inventoryitem/{line.pk}/delete/",
        f"{base}/measurecheck/{check.pk}/delete/",
        f"{base}/identification/{record.pk}/delete/",
        f"{base}/unit/{u.pk}/delete/",
    ):
        assert admin_client.post(path, {"post": "yes"}).status_code == 403, path
    admin_client.post(
        f"{base}/inventoryitem/{line.pk}/change/", {"unit": u.pk, "substance": line.substance_id, "max_quantity": "99"}
    )
    line.refresh_from_db()
    assert line.max_quantity == 12
    page = admin_client.get(f"{base}/unit/{u.pk}/change/").content.decode()
    assert 'name="exposed_people"' not in page
    assert Identification.objects.filter(unit=u).count() == 1


def test_identifications_and_checks_are_protected_from_deletion(world):
    from django.db.models import ProtectedError

    u = major_unit(world)
    measure = services.measure_save(unit=u, data={"measure_kind": "alarm", "name": "报警仪"}, user=world.safety_manager)
    services.measure_check(measure=measure, user=world.safety_manager)
    with pytest.raises(ProtectedError, match="MeasureCheck.measure"):
        measure.delete()
    other = major_unit(world, code="U-2")  # identified, no measures
    with pytest.raises(ProtectedError, match="Identification.unit"):
        other.delete()


def test_a_source_major_again_is_asked_again_for_its_first_assessment(world):
    u = major_unit(world)  # 12 t of 液氨
    line = u.inventory.get()
    assert services.assessment_reminders_send(today=D(2026, 1, 10)) == 1
    services.inventory_item_save(unit=u, item=line, data={"max_quantity": Decimal("5")}, user=world.safety_manager)
    assert services.assessment_reminders_send(today=D(2026, 1, 11)) == 0
    services.inventory_item_save(unit=u, item=line, data={"max_quantity": Decimal("12")}, user=world.safety_manager)
    assert services.assessment_reminders_send(today=D(2026, 1, 12)) == 1
    assert services.assessment_reminders_send(today=D(2026, 1, 13)) == 0
    assert Task.objects.filter(source_id=u.pk, source_type__model="unit").count() == 2


def test_one_failing_reminder_does_not_stop_the_others(world, monkeypatch):
    first, second = major_unit(world), major_unit(world, code="U-2")
    create = services.workflow.task_create

    def failing(**kwargs):
        if kwargs["source"].pk == first.pk:
            raise RuntimeError("boom")
        return create(**kwargs)

    monkeypatch.setattr(services.workflow, "task_create", failing)
    assert services.assessment_reminders_send(today=D(2026, 1, 10)) == 1
    kind = services.ASSESSMENT_REMINDER
    assert reminded(first, kind) is None and reminded(second, kind) == D.min
    monkeypatch.setattr(services.workflow, "task_create", create)
    assert services.assessment_reminders_send(today=D(2026, 1, 11)) == 1
    assert Task.objects.filter(source_type__model="unit").count() == 2


def test_evidence_as_of_a_day_ignores_what_came_later(world):
    from apps.major_hazards.models import InventoryItem

    with time_machine.travel(dt.datetime(2026, 3, 1, 9, tzinfo=dt.UTC), tick=False):
        u = major_unit(world)
    with time_machine.travel(dt.datetime(2026, 6, 1, 9, tzinfo=dt.UTC), tick=False):
        services.register_entry_save(
            unit=u,
            data={"number": "备-1", "level": 4, "filing_authority": "应急管理局", "filed_on": D(2026, 6, 1)},
            user=world.safety_manager,
        )
        services.assessment_save(
            unit=u, data={"assessed_on": D(2026, 6, 1), "assessor": "x"}, user=world.safety_manager
        )
    # An inventory line changed on 1 September without a new identification.
    InventoryItem.objects.filter(unit=u).update(updated_at=timezone.make_aware(dt.datetime(2026, 9, 1, 12)))
    before = _values(D(2026, 5, 1))
    assert before["major_hazards.registered_rate"] == Decimal("0.0")
    assert before["major_hazards.assessments_current_rate"] == Decimal("0.0")
    assert before["major_hazards.assessments_overdue"] == 1
    assert before["major_hazards.units_identified_rate"] == Decimal("100.0")
    after = _values(D(2026, 6, 1))
    assert after["major_hazards.registered_rate"] == Decimal("100.0")
    assert after["major_hazards.assessments_current_rate"] == Decimal("100.0")
    assert after["major_hazards.units_identified_rate"] == Decimal("100.0")
    assert _values(D(2026, 9, 1))["major_hazards.units_identified_rate"] == Decimal("0.0")


def test_a_refusal_of_the_standard_reaches_people_in_their_language(world):
    u = unit(world)
    InventoryItem.objects.create(unit=u, substance=substance("一氧化碳"), max_quantity=1)  # bypasses the service check
    with translation.override("zh-hans"), pytest.raises(ApplicationError) as exc:
        services.unit_identify(unit=u, user=world.safety_manager)
    assert str(exc.value) == "一氧化碳 未列入表1：请填写其危险性类别（表2）。"
