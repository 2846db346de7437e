"""All writes of the accidents app."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from apps.accidents import grading, rules
from apps.accidents.models import (
    FOUR_NO_LET_GO,
    GB6441_2025_FROM,
    Accident,
    AccidentMeasureKind,
    AccidentStatus,
    CasualtyUpdate,
    Edition,
    Lesson,
    ManHours,
    Measure,
    Person,
    Severity,
)
from apps.core.exceptions import ApplicationError
from apps.core.services import attachment_add
from apps.org.access import access_for
from apps.workflow import services as workflow
from apps.workflow.models import TaskStatus


def may_report(user, department_id: int | None) -> bool:
    """Safety managers for every department; heads for the departments they head."""
    return access_for(user).heads(department_id)


def _require_report(user, department_id: int | None) -> None:
    if not may_report(user, department_id):
        raise PermissionDenied(
            _("Only a safety manager or the department's head may report its accidents.")
        )


def _require_manager(user) -> None:
    if not access_for(user).manages_everything:
        raise PermissionDenied(_("Only a safety manager may investigate and close accidents."))


def _save(obj, *, user) -> None:
    obj.full_clean()
    if user is not None:
        obj._history_user = user
    obj.save()


def _refuse_if_closed(accident: Accident) -> None:
    if (
        accident.pk
        and Accident.objects.filter(pk=accident.pk, status=AccidentStatus.CLOSED).exists()
    ):
        raise ApplicationError(_("This accident is closed and is kept as it was."))


def regrade(accident: Accident) -> None:
    accident.grade = grading.classify(
        accident.deaths, accident.serious_injuries, accident.direct_loss
    )


def next_code(occurred_at: dt.datetime) -> str:
    year = timezone.localtime(occurred_at).year
    prefix = f"SG-{year}-"
    # By the number, not the text: "SG-2026-10000" sorts before "SG-2026-9999".
    suffixes = Accident.objects.filter(code__startswith=prefix).values_list("code", flat=True)
    numbers = [int(code[len(prefix) :]) for code in suffixes if code[len(prefix) :].isdigit()]
    return f"{prefix}{max(numbers, default=0) + 1:04d}"


def _check_type_edition(accident: Accident) -> None:
    """GB 6441-2025 types for accidents from 2026-07-01, the 1986 classes before."""
    expected = (
        Edition.GB6441_2025 if accident.occurred_on >= GB6441_2025_FROM else Edition.GB6441_1986
    )
    if accident.accident_type.edition != expected:
        raise ApplicationError(
            _(
                "Accident type: accidents from %(date)s use the GB 6441-2025 types, older ones the "
                "GB 6441-1986 classes; choose a type of %(edition)s."
            )
            % {"date": GB6441_2025_FROM.isoformat(), "edition": Edition(expected).label}
        )


def check_report_times(accident: Accident) -> None:
    """The reporting clock cannot start before the accident nor lie in the future. The head
    may be told after the authority (the law does not order them), but nobody before the
    accident."""
    now = timezone.now()
    for name in ("head_told_at", "authority_told_at"):
        value = getattr(accident, name)
        if value is None:
            continue
        label = capfirst(Accident._meta.get_field(name).verbose_name)
        if accident.occurred_at and value < accident.occurred_at:
            raise ApplicationError(
                _("%(field)s: it cannot be before the accident.") % {"field": label}
            )
        if value > now:
            raise ApplicationError(_("%(field)s: it cannot be in the future.") % {"field": label})


REPORT_FIELDS = (
    "title",
    "occurred_at",
    "place",
    "department",
    "accident_type",
    "is_near_miss",
    "road_traffic",
    "deaths",
    "serious_injuries",
    "minor_injuries",
    "direct_loss",
    "account",
    "immediate_measures",
    "head_told_at",
    "authority_told_at",
)
# Once reported, casualties change only through dated updates (补报).
CASUALTY_FIELDS = ("deaths", "serious_injuries", "minor_injuries")


NUMBER_ATTEMPTS = 5


def _save_numbered(accident: Accident, *, user) -> None:
    """Number a new accident and save it; when a concurrent report took the number first, the
    unique constraint refuses it and the next free number is taken."""
    for attempt in range(NUMBER_ATTEMPTS):
        if accident.occurred_at:
            accident.code = next_code(accident.occurred_at)
        try:
            with transaction.atomic():
                _save(accident, user=user)
            return
        except IntegrityError:
            if attempt == NUMBER_ATTEMPTS - 1:
                raise


@transaction.atomic
def accident_save(*, accident: Accident | None = None, data: dict, user, files=()) -> Accident:
    """Report an accident or near miss, or correct its report."""
    creating = accident is None
    window_before = None
    if not creating:
        _refuse_if_closed(accident)
        # A ModelForm may already have written the new department on the instance: check the
        # stored one (and, below, the new one).
        stored = Accident.objects.select_related("accident_type").get(pk=accident.pk)
        _require_report(user, stored.department_id)
        window_before = stored.casualty_window_end
    accident = accident or Accident(reported_by=user)
    for field in REPORT_FIELDS:
        if field in data and not (field in CASUALTY_FIELDS and not creating):
            setattr(accident, field, data[field])
    _require_report(user, accident.department_id)
    if accident.is_near_miss and (
        accident.deaths or accident.serious_injuries or accident.minor_injuries
    ):
        raise ApplicationError(
            _("Near miss: a near miss has no casualties; record it as an accident.")
        )
    if (
        accident.is_near_miss
        and not creating
        and accident.people.exclude(severity=Severity.NONE).exists()
    ):
        raise ApplicationError(
            _(
                "Near miss: people injured or killed are recorded on this accident; a near miss "
                "has no casualties."
            )
        )
    if accident.occurred_at and accident.occurred_at > timezone.now():
        raise ApplicationError(_("Time of the accident: it cannot be in the future."))
    check_report_times(accident)
    if accident.accident_type_id and accident.occurred_at:
        _check_type_edition(accident)
    regrade(accident)
    if window_before is not None and accident.casualty_window_end != window_before:
        accident.window_reminded = False  # a new window end is reminded again
    if creating:
        _save_numbered(accident, user=user)
    else:
        _save(accident, user=user)
    for upload in files:
        attachment_add(owner=accident, upload=upload, user=user)
    return accident


@transaction.atomic
def accident_attach(*, accident: Accident, user, files) -> list[str]:
    """Photos and documents of the accident, added by those who report it, until it is
    closed."""
    _require_report(user, accident.department_id)
    _refuse_if_closed(accident)
    return [attachment_add(owner=accident, upload=f, user=user).original_name for f in files]


@transaction.atomic
def accident_report_times(
    *, accident: Accident, user, head_told_at=None, authority_told_at=None
) -> Accident:
    """The reporting clock: when the company head and the authority were told."""
    _require_report(user, accident.department_id)
    _refuse_if_closed(accident)
    for name, value in (("head_told_at", head_told_at), ("authority_told_at", authority_told_at)):
        if value is not None:
            setattr(accident, name, value)
    check_report_times(accident)
    _save(accident, user=user)
    return accident


@transaction.atomic
def person_add(
    *,
    accident: Accident,
    user,
    name: str,
    severity: str,
    employee=None,
    lost_workdays: int = 0,
    note: str = "",
) -> Person:
    _require_report(user, accident.department_id)
    _refuse_if_closed(accident)
    # GB 6441: an injury with 105 or more lost workdays is a serious one.
    if severity == Severity.MINOR and (lost_workdays or 0) >= rules.SERIOUS_INJURY_WORKDAYS:
        raise ApplicationError(
            _("Injury: %(days)d or more lost workdays make a serious injury (GB 6441).")
            % {"days": rules.SERIOUS_INJURY_WORKDAYS}
        )
    # ... and one with fewer is not (0: the lost workdays are not known yet).
    if severity == Severity.SERIOUS and 0 < (lost_workdays or 0) < rules.SERIOUS_INJURY_WORKDAYS:
        raise ApplicationError(
            _(
                "Injury: a serious injury loses %(days)d or more workdays (GB 6441); with fewer it "
                "is a minor injury, or leave the lost workdays at 0 until they are known."
            )
            % {"days": rules.SERIOUS_INJURY_WORKDAYS}
        )
    if accident.is_near_miss and severity != Severity.NONE:
        raise ApplicationError(_("Injury: nobody is injured in a near miss."))
    person = Person(
        accident=accident,
        name=name or (employee.name if employee else ""),
        employee=employee,
        severity=severity,
        lost_workdays=lost_workdays or 0,
        note=note,
    )
    _save(person, user=user)
    return person


@transaction.atomic
def casualty_update(
    *,
    accident: Accident,
    user,
    reported_on: dt.date,
    deaths: int,
    serious_injuries: int,
    minor_injuries: int,
    note: str = "",
) -> CasualtyUpdate:
    """补报 (第十三条): a change within 30 days (7 for road traffic and fire) of the accident
    regrades it; a later change is recorded without touching the figures or the grade."""
    _require_report(user, accident.department_id)
    _refuse_if_closed(accident)
    accident = (
        Accident.objects.select_for_update().select_related("accident_type").get(pk=accident.pk)
    )
    if accident.is_near_miss:
        raise ApplicationError(_("Near miss: a near miss has no casualties to update."))
    if reported_on < accident.occurred_on:
        raise ApplicationError(_("Reported on: it cannot be before the accident."))
    if reported_on > timezone.localdate():
        raise ApplicationError(_("Reported on: it cannot be in the future."))
    update = CasualtyUpdate(
        accident=accident,
        reported_on=reported_on,
        deaths=deaths,
        serious_injuries=serious_injuries,
        minor_injuries=minor_injuries,
        note=note,
        grade_before=accident.grade,
        grade_after=accident.grade,
        created_by=user,
    )
    if reported_on <= accident.casualty_window_end:
        update.applied = True
        _save(update, user=user)
        # Updates may be entered out of order: the figures are those of the latest applied
        # update by its date (and entry order on the same day), not of the last one entered.
        latest = accident.updates.filter(applied=True).order_by("-reported_on", "-pk").first()
        accident.deaths, accident.serious_injuries = latest.deaths, latest.serious_injuries
        accident.minor_injuries = latest.minor_injuries
        regrade(accident)
        _save(accident, user=user)
        update.grade_after = accident.grade
    _save(update, user=user)
    return update


def late_update_message(accident: Accident) -> str:
    return _(
        "Recorded without regrading: changes in casualties regrade an accident only within "
        "%(days)d days of it (until %(end)s)."
    ) % {
        "days": rules.casualty_window_days(road_or_fire=accident.road_or_fire),
        "end": accident.casualty_window_end.isoformat(),
    }


INVESTIGATION_FIELDS = (
    "investigation_team",
    "direct_causes",
    "indirect_causes",
    "responsibility_findings",
    "handling_opinions",
    "extension_days",
    "extension_reason",
    "report_submitted_on",
    "cause_found",
    "responsible_handled",
    "staff_educated",
    "measures_taken",
)


@transaction.atomic
def investigation_save(*, accident: Accident, data: dict, user) -> Accident:
    _require_manager(user)
    _refuse_if_closed(accident)
    stored_extension = (
        Accident.objects.filter(pk=accident.pk).values_list("extension_days", flat=True).first()
        or 0
    )
    for field in INVESTIGATION_FIELDS:
        if field in data:
            setattr(accident, field, data[field])
    accident.extension_days = accident.extension_days or 0
    # 第二十九条: extended once, so at most 60 + 60 days in all.
    if stored_extension and accident.extension_days != stored_extension:
        raise ApplicationError(
            _(
                "Extension: the report deadline has already been extended by %(days)d days; it may "
                "be extended only once."
            )
            % {"days": stored_extension}
        )
    submitted = accident.report_submitted_on
    if submitted and submitted < accident.occurred_on:
        raise ApplicationError(
            _("Investigation report submitted on: it cannot be before the accident.")
        )
    if submitted and submitted > timezone.localdate():
        raise ApplicationError(_("Investigation report submitted on: it cannot be in the future."))
    if accident.extension_days > rules.MAX_EXTENSION_DAYS:
        raise ApplicationError(
            _("Extension: the report deadline may be extended once by at most %(days)d days.")
            % {"days": rules.MAX_EXTENSION_DAYS}
        )
    if accident.extension_days and not accident.extension_reason.strip():
        raise ApplicationError(_("Reason for the extension: give the reason for extending."))
    if accident.status == AccidentStatus.REPORTED:
        accident.status = AccidentStatus.INVESTIGATING
    _save(accident, user=user)
    return accident


@transaction.atomic
def accident_close(*, accident: Accident, user, closed_on: dt.date | None = None) -> Accident:
    """Closing needs the whole 四不放过 checklist; the refusal names each missing item."""
    _require_manager(user)
    _refuse_if_closed(accident)
    missing = accident.four_no_let_go_missing
    if missing:
        raise ApplicationError(
            _(
                "The accident cannot be closed until the four-no-let-go checklist is complete; "
                "missing: %(missing)s."
            )
            % {"missing": ", ".join(missing)}
        )
    if not accident.is_near_miss and accident.report_submitted_on is None:
        raise ApplicationError(
            _("The accident cannot be closed before its investigation report is submitted.")
        )
    unfinished = [
        m.task.title
        for m in accident.measures.select_related("task").order_by("pk")
        if m.task.status not in (TaskStatus.SIGNED_OFF, TaskStatus.CANCELLED)
    ]
    if unfinished:
        raise ApplicationError(
            _("The accident cannot be closed while its measures are unfinished: %(measures)s.")
            % {"measures": "; ".join(unfinished)}
        )
    accident.status = AccidentStatus.CLOSED
    accident.closed_on = closed_on or timezone.localdate()
    _save(accident, user=user)
    return accident


@transaction.atomic
def measure_add(
    *,
    accident: Accident,
    user,
    kind: str,
    title: str,
    department,
    due_date: dt.date,
    description: str = "",
) -> Measure:
    """A corrective or preventive measure as a task of the responsible department."""
    _require_manager(user)
    _refuse_if_closed(accident)
    if kind not in AccidentMeasureKind.values:
        raise ApplicationError(_("Kind: choose corrective or preventive."))
    label = AccidentMeasureKind(kind).label
    task = workflow.task_create(
        title=f"[{accident.code}] {label}: {title}",
        department=department,
        due_date=due_date,
        user=user,
        description=description,
        source=accident,
        requires_evidence=True,
    )
    measure = Measure(accident=accident, kind=kind, task=task)
    _save(measure, user=user)
    return measure


@transaction.atomic
def lesson_save(*, lesson: Lesson | None = None, data: dict, user) -> Lesson:
    _require_manager(user)
    lesson = lesson or Lesson()
    for field in ("accident", "title", "held_on", "content"):
        if field in data:
            setattr(lesson, field, data[field])
    _save(lesson, user=user)
    if "departments" in data:
        lesson.departments.set(data["departments"])
    if "attendees" in data:
        lesson.attendees.set(data["attendees"])
    return lesson


def first_of_month(value: dt.date) -> dt.date:
    return value.replace(day=1)


@transaction.atomic
def man_hours_save(*, department, month: dt.date, hours, headcount: int = 0, user) -> ManHours:
    """One department's hours for one month; entering a month again replaces it."""
    _require_manager(user)
    month = first_of_month(month)
    row = ManHours.objects.filter(department=department, month=month).first() or ManHours(
        department=department, month=month
    )
    row.hours, row.headcount = hours, headcount or 0
    _save(row, user=user)
    return row


def missing_checklist_labels() -> list[str]:
    return [str(label) for _field, label in FOUR_NO_LET_GO]


REMIND_DAYS = 3  # before the casualty window closes
REPORT_REMIND_DAYS = 7  # before the investigation report is due


@transaction.atomic
def accident_reminders_send(*, today: dt.date | None = None) -> int:
    """Daily: tell safety managers and the department's heads that the casualty window of an
    accident closes soon, and that an investigation report is due soon or overdue. Each
    reminder is sent once (a moved due date, after an extension, is reminded again)."""
    from apps.org.models import Role
    from apps.org.selectors import department_head_users, users_with_role

    today = today or timezone.localdate()
    start = timezone.make_aware(dt.datetime.combine(today - dt.timedelta(days=400), dt.time.min))
    candidates = list(
        Accident.objects.filter(is_near_miss=False, occurred_at__gte=start)
        .exclude(status=AccidentStatus.CLOSED)
        .select_related("accident_type")
    )
    window, report = [], []
    for accident in candidates:
        if not accident.window_reminded and (
            today <= accident.casualty_window_end <= today + dt.timedelta(days=REMIND_DAYS)
        ):
            window.append(accident)
        due = accident.investigation_due
        if (
            accident.report_submitted_on is None
            and accident.report_reminded_for != due
            and due <= today + dt.timedelta(days=REPORT_REMIND_DAYS)
        ):
            report.append(accident)
    if not window and not report:
        return 0
    managers = list(users_with_role(Role.SAFETY_MANAGER))
    heads = department_head_users(department_ids={a.department_id for a in window + report})
    batch = []
    for accident in window:
        batch.append(
            (
                managers + heads.get(accident.department_id, []),
                _("%(code)s: changes in casualties regrade the accident only until %(end)s.")
                % {"code": accident.code, "end": accident.casualty_window_end.isoformat()},
                None,
                accident.get_absolute_url(),
            )
        )
        accident.window_reminded = True
    for accident in report:
        batch.append(
            (
                managers + heads.get(accident.department_id, []),
                _("%(code)s: the investigation report is due on %(due)s.")
                % {"code": accident.code, "due": accident.investigation_due.isoformat()},
                None,
                accident.get_absolute_url(),
            )
        )
        accident.report_reminded_for = accident.investigation_due
    workflow.notify_many(batch)
    changed = {a.pk: a for a in window + report}.values()
    Accident.objects.bulk_update(list(changed), ["window_reminded", "report_reminded_for"])
    return len(batch)
