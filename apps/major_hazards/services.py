from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from decimal import ROUND_DOWN, Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from apps.core import recurrence
from apps.core.exceptions import ApplicationError
from apps.core.services import attachment_add
from apps.core.text import stored
from apps.major_hazards import identification as gb18218
from apps.major_hazards import policies
from apps.major_hazards.models import (
    ASSESSMENT_YEARS,
    CheckResult,
    Identification,
    InventoryItem,
    MeasureCheck,
    MonitoringMeasure,
    RegisterEntry,
    SafetyAssessment,
    Unit,
)
from apps.org.models import Role
from apps.org.policy import require
from apps.org.selectors import department_head_users, users_with_role
from apps.workflow import services as workflow

logger = logging.getLogger(__name__)

REMINDER_LEAD_DAYS = 90  # the assessment task is raised this long before the due date
ASSESSMENT_REMINDER = "major_hazard_assessment"
FILING_LEAD_DAYS = 7  # the filing reminder goes out this long before its due date (our choice)
# Once per unit and due date each (apps/workflow/services/remind.py): found overdue, only the second.
FILING_REMINDER, FILING_OVERDUE_REMINDER = "major_hazard_filing_due", "major_hazard_filing_overdue"


def _save(obj, *, user) -> None:
    obj.full_clean()
    if user is not None:
        obj._history_user = user
    obj.save()


# ------------------------------------------------------------------------------
# Identification
# ------------------------------------------------------------------------------
def inventory_entries(items) -> list[gb18218.Entry]:
    return [
        gb18218.Entry(
            substance=item.substance.name if item.substance_id else "",
            categories=item.category_codes,
            tonnes=item.max_quantity,
            label=item.display_name,
        )
        for item in items
    ]


def _plain(value):
    if isinstance(value, Decimal):
        return str(value)
    return value


def _stored(value: Decimal) -> Decimal:
    """Six decimals, cut rather than rounded: a figure just below a boundary (S = 1, R = 100)
    never reads as the boundary itself."""
    return value.quantize(Decimal("0.000001"), rounding=ROUND_DOWN)


def unit_identify(*, unit: Unit, user, reason: str = "", day: dt.date | None = None) -> Identification:
    """Identify and grade the unit from its inventory as it is now, and keep the result as a new
    record; the earlier ones stay as they were."""
    items = list(unit.inventory.select_related("substance"))
    entries = inventory_entries(items)
    try:
        result = gb18218.identify(entries, exposed_people=unit.exposed_people)
    except gb18218.Refused as exc:
        raise ApplicationError(_(exc.message) % exc.params) from exc
    record = Identification(
        unit=unit,
        identified_on=day or timezone.localdate(),
        identified_by=user,
        reason=reason[:200] if isinstance(reason, str) else reason,
        exposed_people=unit.exposed_people,
        inputs=[{k: _plain(v) for k, v in dataclasses.asdict(e).items()} for e in entries],
        lines=[{k: _plain(v) for k, v in dataclasses.asdict(line).items()} for line in result.lines],
        s=_stored(result.s),
        is_major=result.is_major,
        alpha=result.alpha,
        r=_stored(result.r) if result.r is not None else None,
        level=result.level,
    )
    record.full_clean()
    record.save()
    if not record.is_major:
        # No longer a major hazard source: should it become one again, it is reminded again.
        workflow.reminders_forget(subject=unit, kind=ASSESSMENT_REMINDER)
    return record


@transaction.atomic
def identification_record(*, unit: Unit, user) -> Identification:
    """Identify again by hand (e.g. the yearly review), with nothing changed."""
    require(policies.can_manage_major_hazards(user))
    return unit_identify(unit=unit, user=user, reason=stored(gettext_noop("Identified again")))


# ------------------------------------------------------------------------------
# Units and inventory
# ------------------------------------------------------------------------------
UNIT_FIELDS = (
    "code",
    "name",
    "unit_kind",
    "location",
    "department",
    "responsible",
    "technical_responsible",
    "operational_responsible",
    "exposed_people",
    "is_active",
    "notes",
)
INVENTORY_FIELDS = ("substance", "chemical_name", "categories", "max_quantity")
REGISTER_FIELDS = ("number", "level", "filing_authority", "filed_on", "notes")
ASSESSMENT_FIELDS = ("assessed_on", "assessor", "conclusion", "next_due")
MEASURE_FIELDS = ("measure_kind", "name", "check_cycle_days", "is_active")


@transaction.atomic
def unit_save(*, unit: Unit | None = None, data: dict, user) -> Unit:
    """Create or change a unit. A change of the people exposed changes α: the unit is identified
    again when it has an inventory."""
    require(policies.can_manage_major_hazards(user))
    unit = unit or Unit()
    # Read what is stored: a bound ModelForm has already written the new value on the instance.
    before = (
        Unit.objects.select_for_update().filter(pk=unit.pk).values_list("exposed_people", flat=True).first()
        if unit.pk
        else None
    )
    for field in UNIT_FIELDS:
        if field in data:
            setattr(unit, field, data[field])
    _save(unit, user=user)
    if before is not None and before != unit.exposed_people and unit.inventory.exists():
        unit_identify(unit=unit, user=user, reason=stored(gettext_noop("People exposed changed")))
    return unit


def _clean_item(item: InventoryItem) -> None:
    """Reject a line the standard cannot use: an unknown category, a chemical neither named in
    table 1 nor given a category, or a substance of table 1 that is not a toxic gas of table 3
    given without the categories its β comes from (table 4)."""
    errors = {}
    unknown = [code for code in item.category_codes if gb18218.find_category(code) is None]
    if unknown:
        errors["categories"] = _("Not hazard categories of GB 18218-2018 table 2: %(codes)s") % {
            "codes": ", ".join(unknown)
        }
    if item.substance_id is None and not item.category_codes:
        errors["categories"] = _("Choose a substance of GB 18218 or give the hazard categories.")
    elif item.substance_id is not None and not item.category_codes:
        if item.substance.critical_quantity is None:
            errors["categories"] = _(
                "%(name)s is not in table 1: give its hazard categories for its critical quantity."
            ) % {"name": item.substance.name}
        elif item.substance.beta is None:
            errors["categories"] = _(
                "%(name)s is not a toxic gas of table 3: give its hazard categories (table 2) "
                "for its correction factor β."
            ) % {"name": item.substance.name}
    if item.substance_id is None and not item.chemical_name:
        errors["chemical_name"] = _("Name the chemical.")
    if errors:
        raise ValidationError(errors)
    item.categories = ",".join(item.category_codes)


@transaction.atomic
def inventory_item_save(*, unit: Unit, item: InventoryItem | None = None, data: dict, user) -> InventoryItem:
    """Add or change a chemical of the unit; the unit is identified again at once."""
    require(policies.can_manage_major_hazards(user))
    item = item or InventoryItem(unit=unit)
    if item.unit_id != unit.pk:
        raise ApplicationError(_("This chemical belongs to another unit."))
    for field in INVENTORY_FIELDS:
        if field in data:
            value = data[field]
            setattr(item, field, "" if value is None and field != "substance" else value)
    _clean_item(item)
    _save(item, user=user)
    unit_identify(
        unit=unit, user=user, reason=stored(gettext_noop("Inventory changed: %(name)s"), **{"name": item.display_name})
    )
    return item


@transaction.atomic
def inventory_item_delete(*, item: InventoryItem, user) -> Identification:
    require(policies.can_manage_major_hazards(user))
    unit = item.unit
    name = item.display_name
    item._history_user = user
    item.delete()
    return unit_identify(
        unit=unit, user=user, reason=stored(gettext_noop("Inventory changed: %(name)s removed"), **{"name": name})
    )


# ------------------------------------------------------------------------------
# Registration, assessments, measures
# ------------------------------------------------------------------------------
@transaction.atomic
def register_entry_save(*, unit: Unit, entry: RegisterEntry | None = None, data: dict, user, files=()) -> RegisterEntry:
    require(policies.can_manage_major_hazards(user))
    entry = entry or RegisterEntry(unit=unit)
    for field in REGISTER_FIELDS:
        if field in data:
            setattr(entry, field, data[field])
    if entry.filed_on and entry.filed_on > timezone.localdate():
        raise ValidationError({"filed_on": _("A filing cannot be dated in the future.")})
    _save(entry, user=user)
    for upload in files:
        attachment_add(owner=entry, upload=upload, user=user, caption=_("Filing certificate"))
    return entry


@transaction.atomic
def assessment_save(
    *, unit: Unit, assessment: SafetyAssessment | None = None, data: dict, user, files=()
) -> SafetyAssessment:
    """Record a safety assessment; the next is due 3 years later unless a date is given."""
    require(policies.can_manage_major_hazards(user))
    assessment = assessment or SafetyAssessment(unit=unit)
    for field in ASSESSMENT_FIELDS:
        if field in data and data[field] is not None:
            setattr(assessment, field, data[field])
    if assessment.assessed_on is None:
        raise ValidationError({"assessed_on": _("Give the date of the assessment.")})
    if assessment.assessed_on > timezone.localdate():
        raise ValidationError({"assessed_on": _("An assessment cannot be dated in the future.")})
    if not data.get("next_due"):
        assessment.next_due = recurrence.add_years(assessment.assessed_on, ASSESSMENT_YEARS)
    _save(assessment, user=user)
    for upload in files:
        attachment_add(owner=assessment, upload=upload, user=user, caption=_("Assessment report"))
    return assessment


@transaction.atomic
def measure_save(*, unit: Unit, measure: MonitoringMeasure | None = None, data: dict, user) -> MonitoringMeasure:
    require(policies.can_manage_major_hazards(user))
    measure = measure or MonitoringMeasure(unit=unit)
    for field in MEASURE_FIELDS:
        if field in data:
            setattr(measure, field, data[field])
    _save(measure, user=user)
    return measure


@transaction.atomic
def measure_check(
    *,
    measure: MonitoringMeasure,
    user,
    checked_on: dt.date | None = None,
    check_result: str = CheckResult.WORKING,
    findings: str = "",
) -> MeasureCheck:
    require(policies.can_check_measure(user, measure))
    checked_on = checked_on or timezone.localdate()
    if checked_on > timezone.localdate():
        raise ValidationError({"checked_on": _("A check cannot be dated in the future.")})
    if check_result == CheckResult.FAULT and not findings.strip():
        raise ValidationError({"findings": _("Describe the fault found.")})
    check = MeasureCheck(
        measure=measure, checked_on=checked_on, check_result=check_result, findings=findings.strip(), checked_by=user
    )
    check.full_clean()
    check.save()
    if measure.last_checked_on is None or checked_on > measure.last_checked_on:
        measure.last_checked_on = checked_on
        _save(measure, user=user)
    return check


# ------------------------------------------------------------------------------
# Reminders
# ------------------------------------------------------------------------------
def assessment_reminders_send(*, today: dt.date | None = None) -> int:
    """A task for the unit's department 90 days before its 3-yearly safety assessment is due,
    and one for the first assessment of a source never assessed; each raised once (a reminder
    of the unit for its due date, apps/workflow/services/remind.py, forgotten when the unit is no
    longer major). Each unit is raised in its own transaction: a failure leaves the others
    raised, and of two runs at once the second finds the first's reminder."""
    from apps.major_hazards import selectors

    today = today or timezone.localdate()
    creator = users_with_role(Role.SAFETY_MANAGER).first()
    if creator is None:
        return 0
    workflow.reminders_forget(
        subject=Unit.objects.exclude(pk__in=selectors.major_units().values("pk")), kind=ASSESSMENT_REMINDER
    )
    created = 0
    for unit, due in selectors.assessments_due(before=today + dt.timedelta(days=REMINDER_LEAD_DAYS)):
        try:
            with transaction.atomic():
                # A source never assessed is asked for its first assessment once.
                if not workflow.reminder_claim(
                    subject=unit, kind=ASSESSMENT_REMINDER, due=due or workflow.NO_DUE_DATE, today=today
                ):
                    continue
                if due is None:
                    title = gettext_noop("First safety assessment of the major hazard source: %(unit)s")
                    due_date = today + dt.timedelta(days=REMINDER_LEAD_DAYS)
                else:
                    title = gettext_noop("Safety assessment of the major hazard source due: %(unit)s")
                    due_date = max(due, today)
                workflow.task_create(
                    title=stored(title, **{"unit": unit}),
                    description=stored(
                        gettext_noop("GB 18218 major hazard sources are assessed at least every 3 years.")
                    ),
                    department=unit.department,
                    due_date=due_date,
                    user=creator,
                    source=unit,
                )
        except Exception:
            logger.exception("Assessment reminder of unit %s failed", unit.pk)
            continue
        created += 1
    return created


def filing_reminders_send(*, today: dt.date | None = None) -> int:
    """Tell the unit's department heads and the safety managers that a major hazard source is to
    be filed after its safety assessment (rules.filing_due): once FILING_LEAD_DAYS before the due
    date and once when it is overdue."""
    from apps.major_hazards import selectors

    today = today or timezone.localdate()
    due_units = selectors.filings_due(before=today + dt.timedelta(days=FILING_LEAD_DAYS))
    heads = department_head_users(department_ids={unit.department_id for unit, _due in due_units})
    managers = list(users_with_role(Role.SAFETY_MANAGER))
    sent = 0
    for unit, due in due_units:
        if due < today:
            kind, text = (
                FILING_OVERDUE_REMINDER,
                gettext_noop("%(unit)s was to be filed with the authority by %(date)s."),
            )
        else:
            kind, text = FILING_REMINDER, gettext_noop("%(unit)s is to be filed with the authority by %(date)s.")
        sent += workflow.remind_once(
            subject=unit,
            kind=kind,
            due=due,
            users=[*heads.get(unit.department_id, []), *managers],
            message=stored(text, **{"unit": unit, "date": due.isoformat()}),
            url=unit.get_absolute_url(),
            today=today,
        )
    return sent
