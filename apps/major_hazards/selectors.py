from __future__ import annotations

import datetime as dt

from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from apps.core.selectors import as_int, by_flag, matching, searched
from apps.major_hazards import rules
from apps.major_hazards.models import (
    HazardCategory,
    Identification,
    InventoryItem,
    MeasureCheck,
    MonitoringMeasure,
    RegisterEntry,
    SafetyAssessment,
    Substance,
    Unit,
)
from apps.org.policy import in_scope
from apps.org.selectors import in_department


def latest_identification(unit_ref: str = "pk", as_of: dt.date | None = None) -> QuerySet:
    qs = Identification.objects.filter(unit_id=OuterRef(unit_ref))
    if as_of is not None:
        qs = qs.filter(identified_on__lte=as_of)
    return qs.order_by("-identified_on", "-pk")


def with_current(qs: QuerySet[Unit], as_of: dt.date | None = None) -> QuerySet[Unit]:
    """Each unit with the figures of its latest identification (None when never identified)."""
    latest = latest_identification(as_of=as_of)
    entries = RegisterEntry.objects.filter(unit_id=OuterRef("pk"))
    assessments = SafetyAssessment.objects.filter(unit_id=OuterRef("pk"))
    if as_of is not None:  # what was known on that day: no later filing or assessment
        entries = entries.filter(filed_on__lte=as_of)
        assessments = assessments.filter(assessed_on__lte=as_of)
    return qs.annotate(
        current_id=Subquery(latest.values("pk")[:1]),
        current_is_major=Subquery(latest.values("is_major")[:1]),
        current_level=Subquery(latest.values("level")[:1]),
        current_s=Subquery(latest.values("s")[:1]),
        current_r=Subquery(latest.values("r")[:1]),
        current_on=Subquery(latest.values("identified_on")[:1]),
        is_registered=Exists(entries),
        last_filed_on=Subquery(entries.order_by("-filed_on", "-pk").values("filed_on")[:1]),
        last_assessed_on=Subquery(assessments.order_by("-assessed_on", "-pk").values("assessed_on")[:1]),
        assessment_due=Subquery(assessments.order_by("-assessed_on", "-pk").values("next_due")[:1]),
    )


def filing_due(unit: Unit) -> dt.date | None:
    """The day a unit of `with_current` is to be filed by after its latest safety assessment
    (rules.filing_due); None when it is not a major hazard source or nothing is to be filed."""
    if not getattr(unit, "current_is_major", False):  # a unit read without `with_current`
        return None
    return rules.filing_due(unit.last_assessed_on, unit.last_filed_on)


def unit_list(*, user, filters: dict | None = None) -> QuerySet[Unit]:
    filters = filters or {}
    qs = with_current(
        in_scope(
            Unit.objects.select_related(
                "department", "responsible", "technical_responsible", "operational_responsible"
            ),
            user,
        )
    )
    if q := filters.get("q"):  # a unit matches once however many of its substances do
        fields = ("code", "name", "location", "inventory__chemical_name", "inventory__substance__name")
        qs = searched(qs, q, *fields).distinct()
    qs = matching(qs, filters, "unit_kind")
    qs = in_department(qs, filters.get("department"))
    qs = by_flag(qs, filters.get("major"), Q(current_is_major=True))
    if level := as_int(filters.get("level")):
        qs = qs.filter(current_level=level)
    qs = by_flag(qs, filters.get("filed"), Q(is_registered=True))
    if filters.get("assessment") == "not_current":
        qs = qs.filter(Q(assessment_due__isnull=True) | Q(assessment_due__lt=timezone.localdate()))
    if filters.get("active") != "all":
        qs = qs.filter(is_active=True)
    return qs.order_by("code")


def unit_get(*, user, pk: int) -> Unit:
    return unit_list(user=user, filters={"active": "all"}).get(pk=pk)


def inventory_list(*, user, unit: Unit | None = None) -> QuerySet[InventoryItem]:
    qs = in_scope(InventoryItem.objects.select_related("substance", "unit"), user, "unit__department_id")
    return qs.filter(unit=unit) if unit is not None else qs


def identification_list(*, user, unit: Unit | None = None) -> QuerySet[Identification]:
    qs = in_scope(Identification.objects.select_related("unit", "identified_by"), user, "unit__department_id")
    return qs.filter(unit=unit) if unit is not None else qs


def register_list(*, user, filters: dict | None = None) -> QuerySet[RegisterEntry]:
    filters = filters or {}
    qs = in_scope(RegisterEntry.objects.select_related("unit__department"), user, "unit__department_id")
    qs = searched(qs, filters.get("q"), "number", "unit__name", "filing_authority")
    if level := as_int(filters.get("level")):
        qs = qs.filter(level=level)
    return qs


def assessment_list(*, user, unit: Unit | None = None) -> QuerySet[SafetyAssessment]:
    qs = in_scope(SafetyAssessment.objects.select_related("unit"), user, "unit__department_id")
    return qs.filter(unit=unit) if unit is not None else qs


def measure_list(*, user, unit: Unit | None = None, filters: dict | None = None) -> QuerySet[MonitoringMeasure]:
    """The measures the person sees, of one unit or of all; `filters` as the measures page asks:
    `q` (the measure's or the unit's name) and `measure_kind`."""
    qs = in_scope(MonitoringMeasure.objects.select_related("unit"), user, "unit__department_id")
    if unit is not None:
        qs = qs.filter(unit=unit)
    if filters is None:
        return qs
    qs = searched(qs.select_related("unit__department"), filters.get("q"), "name", "unit__name")
    return matching(qs, filters, "measure_kind").order_by("unit__code", "pk")


def check_list(*, user, measure: MonitoringMeasure | None = None) -> QuerySet[MeasureCheck]:
    qs = in_scope(
        MeasureCheck.objects.select_related("measure__unit", "checked_by"), user, "measure__unit__department_id"
    )
    return qs.filter(measure=measure) if measure is not None else qs


def substance_list() -> QuerySet[Substance]:
    return Substance.objects.all()


def category_list() -> QuerySet[HazardCategory]:
    return HazardCategory.objects.all()


def major_units(as_of: dt.date | None = None) -> QuerySet[Unit]:
    return with_current(Unit.objects.filter(is_active=True), as_of).filter(current_is_major=True)


def assessments_due(*, before: dt.date) -> list[tuple[Unit, dt.date | None]]:
    """Major units whose latest safety assessment falls due on or before a date, and those never
    assessed (due None)."""
    units = (
        major_units()
        .select_related("department")
        .filter(Q(assessment_due__lte=before) | Q(assessment_due__isnull=True))
    )
    return [(unit, unit.assessment_due) for unit in units]


def filings_due(*, before: dt.date) -> list[tuple[Unit, dt.date]]:
    """Major units to be filed after their latest safety assessment by a day on or before a date."""
    units = major_units().select_related("department").filter(last_assessed_on__isnull=False)
    return [(unit, due) for unit in units if (due := filing_due(unit)) is not None and due <= before]
