from __future__ import annotations

import datetime as dt

from apps.major_hazards import services
from apps.major_hazards.models import HazardCategory, Identification
from tests.api.case import Case, crud
from tests.api.cases._common import today
from tests.major_hazards.factories import item, major_unit, substance, unit


def a_unit(world):
    return unit(world)


def inventory_item(world):
    return item(world, unit(world))


def identification(world):
    return Identification.objects.filter(unit=major_unit(world)).latest("pk")


def register_entry(world):
    return services.register_entry_save(
        unit=major_unit(world),
        data={"number": "RH-1", "level": 3, "filing_authority": "市应急管理局", "filed_on": dt.date(2026, 2, 1)},
        user=world.safety_manager,
    )


def safety_assessment(world):
    return services.assessment_save(
        unit=major_unit(world),
        data={"assessed_on": dt.date(2026, 2, 1), "assessor": "某评价公司", "conclusion": "合格"},
        user=world.safety_manager,
    )


def measure(world):
    return services.measure_save(
        unit=major_unit(world),
        data={"measure_kind": "alarm", "name": "氨气泄漏报警", "check_cycle_days": 30},
        user=world.safety_manager,
    )


def measure_check(world):
    return services.measure_check(measure=measure(world), user=world.safety_manager)


def unit_body(world, record=None):
    return {
        "code": record.code if record else "U-2",
        "name": "氯气库",
        "unit_kind": "storage",
        "location": "西区",
        "department": world.dept_a.pk,
        "exposed_people": 0,
    }


def register_body(world, record=None):
    return {
        "unit": record.unit_id if record else major_unit(world, code="U-3").pk,
        "number": record.number if record else "RH-2",
        "level": 3,
        "filing_authority": "市应急管理局",
        "filed_on": "2026-02-01",
    }


def measure_body(world, record=None):
    return {
        "unit": record.unit_id if record else major_unit(world, code="U-4").pk,
        "measure_kind": "video",
        "name": "罐区视频监控",
        "check_cycle_days": 7,
    }


def inventory_body(world, record=None):
    return {
        "unit": record.unit_id if record else unit(world, code="U-5").pk,
        "substance": substance("氯").pk if record is None else record.substance_id,
        "max_quantity": "2",
    }


CASES = {
    **crud(
        "v1_major_hazards_units",
        a_unit,
        "list retrieve create update partial_update",
        create=unit_body,
        update=unit_body,
    ),
    "v1_major_hazards_units_identify_create": Case(lambda w: major_unit(w)),
    **crud(
        "v1_major_hazards_inventory",
        inventory_item,
        "list retrieve create update partial_update destroy",
        create=inventory_body,
        update=inventory_body,
    ),
    **crud("v1_major_hazards_identifications", identification, "list retrieve"),
    **crud(
        "v1_major_hazards_register",
        register_entry,
        "list retrieve create update partial_update",
        create=register_body,
        update=register_body,
    ),
    **crud(
        "v1_major_hazards_assessments",
        safety_assessment,
        "list retrieve create",
        create=lambda w, r: {
            "unit": major_unit(w, code="U-6").pk,
            "assessed_on": today(-1),
            "assessor": "某评价公司",
            "conclusion": "合格",
        },
    ),
    **crud(
        "v1_major_hazards_measures",
        measure,
        "list retrieve create update partial_update",
        create=measure_body,
        update=measure_body,
    ),
    "v1_major_hazards_measures_check_create": Case(measure, payload=lambda w, r: {"check_result": "working"}),
    **crud("v1_major_hazards_checks", measure_check, "list retrieve"),
    **crud("v1_major_hazards_substances", lambda w: substance("氨"), "list retrieve"),
    **crud("v1_major_hazards_categories", lambda w: HazardCategory.objects.first(), "list retrieve"),
}
