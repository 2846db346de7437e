from __future__ import annotations

import datetime as dt
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_update_with_history

from apps.core.exceptions import ApplicationError
from apps.org.access import access_for
from apps.org.models import Employee, Role
from apps.org.selectors import department_head_users, users_with_role
from apps.training import selectors
from apps.training.models import (
    CERTIFICATE_REVIEW_YEARS,
    Attendance,
    Certificate,
    Course,
    PlanStatus,
    Reinduction,
    RuleSet,
    RuleSetRow,
    TrainingPlan,
    TrainingPlanItem,
    TrainingSession,
    TrainingSettings,
)
from apps.workflow import services as workflow
from apps.workflow.models import SignOffDecision


def _save(obj, *, user, reason: str = "") -> None:
    """full_clean then save, recording who made the change in the audit history."""
    obj.full_clean()
    if user is not None:
        obj._history_user = user
    if reason:
        obj._change_reason = reason
    obj.save()


def _require_manager(user) -> None:
    if user is not None and not access_for(user).manages_everything:
        raise PermissionDenied(_("Only a safety manager may change this."))


def _require_head(user, department_id: int | None) -> None:
    if user is not None and not access_for(user).heads(department_id):
        raise PermissionDenied(
            _("Only a head of the department or a safety manager may change this.")
        )


def _apply(obj, data: dict, fields) -> None:
    for name in fields:
        if name in data:
            setattr(obj, name, data[name])


# ------------------------------------------------------------------------------
# Rule sets and settings
# ------------------------------------------------------------------------------
@transaction.atomic
def ruleset_save(*, ruleset: RuleSet | None = None, data: dict, user) -> RuleSet:
    """Create or rename a rule set; a new one starts as a copy of the default table."""
    _require_manager(user)
    from apps.training import rules

    is_new = ruleset is None
    ruleset = ruleset or RuleSet()
    _apply(ruleset, data, ("code", "name", "source"))
    _save(ruleset, user=user)
    if is_new:
        for (role, high_risk), (initial, annual) in rules.TABLES.get(
            ruleset.code, rules.TABLES["default"]
        ).items():
            row = RuleSetRow(
                ruleset=ruleset,
                role=role,
                high_risk=high_risk,
                initial_hours=initial,
                annual_hours=annual,
            )
            _save(row, user=user)
    return ruleset


@transaction.atomic
def ruleset_row_update(*, row: RuleSetRow, data: dict, user) -> RuleSetRow:
    _require_manager(user)
    _apply(row, data, ("initial_hours", "annual_hours"))
    _save(row, user=user)
    return row


@transaction.atomic
def settings_update(*, data: dict, user) -> TrainingSettings:
    _require_manager(user)
    current = TrainingSettings.objects.select_for_update().filter(pk=1).first()
    current = current or TrainingSettings(pk=1)
    _apply(current, data, ("ruleset", "plan_approver_role"))
    _save(current, user=user)
    return current


# ------------------------------------------------------------------------------
# Courses, sessions and attendance
# ------------------------------------------------------------------------------
COURSE_FIELDS = ("code", "name", "level", "hours", "content", "is_active")
SESSION_FIELDS = (
    "course",
    "department",
    "level",
    "start_date",
    "end_date",
    "hours",
    "trainer",
    "place",
    "plan_item",
)


@transaction.atomic
def course_save(*, course: Course | None = None, data: dict, user) -> Course:
    _require_manager(user)
    course = course or Course()
    _apply(course, data, COURSE_FIELDS)
    _save(course, user=user)
    return course


def _check_session(session: TrainingSession) -> None:
    if session.end_date is None:
        session.end_date = session.start_date
    if not session.level and session.course_id:
        session.level = session.course.level
    if session.start_date and session.end_date and session.end_date < session.start_date:
        raise ValidationError({"end_date": _("The last day cannot be before the first.")})
    item = session.plan_item
    if item is not None and item.plan.department_id != session.department_id:
        raise ValidationError(
            {"plan_item": _("Choose an item of the organising department's plan.")}
        )


@transaction.atomic
def session_create(*, data: dict, user) -> TrainingSession:
    session = TrainingSession()
    _apply(session, data, SESSION_FIELDS)
    _require_head(user, session.department_id)
    _check_session(session)
    _save(session, user=user)
    return session


@transaction.atomic
def session_update(*, session: TrainingSession, data: dict, user) -> TrainingSession:
    _require_head(user, session.department_id)
    _apply(session, data, SESSION_FIELDS)
    _require_head(user, session.department_id)
    _check_session(session)
    _save(session, user=user)
    # Attendance keeps the session's level and a date within the session.
    attendances = Attendance.objects.filter(session=session)
    attendances.exclude(level=session.level).update(level=session.level)
    attendances.exclude(date__range=(session.start_date, session.end_date)).update(
        date=session.start_date
    )
    # Nobody is credited more hours than the session now has: in bulk, with one audit-history
    # row per corrected attendance (credited hours are compliance evidence).
    over = list(attendances.filter(hours_credited__gt=session.hours))
    now = timezone.now()
    for attendance in over:
        attendance.hours_credited = session.hours
        attendance.updated_at = now
    bulk_update_with_history(
        over, Attendance, ["hours_credited", "updated_at"], batch_size=500, default_user=user
    )
    return session


def require_session_head(user, session: TrainingSession) -> None:
    _require_head(user, session.department_id)


def not_creditable_message(employee_no: str) -> str:
    return _(
        "Employee %(number)s is not in your departments: only a head of their department or a "
        "safety manager may credit their training hours."
    ) % {"number": employee_no}


def credited_hours(session: TrainingSession, present: bool, hours: Decimal | None) -> Decimal:
    if not present:
        return Decimal(0)
    return session.hours if hours is None else Decimal(hours)


def attendance_problems(
    session: TrainingSession,
    *,
    hours: Decimal | None,
    date: dt.date | None,
    exam_score: Decimal | None = None,
) -> dict[str, str]:
    """What is wrong with one attendance of this session, by field (shared by the form, the
    API and the sign-in sheet import)."""
    problems = {}
    if hours is not None and (hours < 0 or hours > session.hours):
        problems["hours_credited"] = _(
            "Hours credited must be between 0 and the session's %(hours)s hours."
        ) % {"hours": session.hours.normalize()}
    if date is not None and not (session.start_date <= date <= session.end_date):
        problems["date"] = _("%(date)s is outside the session (%(start)s to %(end)s).") % {
            "date": date.isoformat(),
            "start": session.start_date.isoformat(),
            "end": session.end_date.isoformat(),
        }
    if exam_score is not None and not (0 <= exam_score <= 100):
        problems["exam_score"] = _("An exam score is between 0 and 100.")
    return problems


@transaction.atomic
def attendance_record(
    *,
    session: TrainingSession,
    employee: Employee,
    user,
    present: bool = True,
    hours_credited: Decimal | None = None,
    exam_score: Decimal | None = None,
    passed: bool | None = None,
    date: dt.date | None = None,
) -> Attendance:
    """Record (or correct) one person's attendance of a session: the session's department and
    the person must both be the user's (a head's departments; anyone for a safety manager)."""
    _require_head(user, session.department_id)
    if user is not None and not access_for(user).heads(employee.department_id):
        raise ValidationError({"employee": not_creditable_message(employee.employee_no)})
    problems = attendance_problems(session, hours=hours_credited, date=date, exam_score=exam_score)
    if problems:
        raise ValidationError(problems)
    attendance = Attendance.objects.filter(session=session, employee=employee).first()
    attendance = attendance or Attendance(session=session, employee=employee)
    attendance.level = session.level
    attendance.date = date or session.start_date
    attendance.present = present
    attendance.hours_credited = credited_hours(session, present, hours_credited)
    attendance.exam_score = exam_score
    attendance.passed = passed
    _save(attendance, user=user)
    return attendance


@transaction.atomic
def reinduction_create(*, data: dict, user) -> Reinduction:
    employee = data.get("employee")
    _require_head(user, employee.department_id if employee else None)
    reinduction = Reinduction()
    _apply(reinduction, data, ("employee", "reason", "since", "note"))
    _save(reinduction, user=user)
    return reinduction


# ------------------------------------------------------------------------------
# Certificates
# ------------------------------------------------------------------------------
CERTIFICATE_FIELDS = (
    "type",
    "number",
    "holder",
    "authority",
    "issued_on",
    "valid_until",
    "next_review_on",
)


def _prepare_certificate(certificate: Certificate, data: dict) -> None:
    """Apply the data. The validity and review dates default from the issue date on creation
    and when the issue date changes (a renewal); otherwise an empty or missing date keeps the
    stored one, so that an edit after a review (or a PATCH without them) changes neither."""
    renewal = certificate._state.adding or (
        "issued_on" in data and data["issued_on"] != certificate.issued_on
    )
    stored = {"valid_until": certificate.valid_until, "next_review_on": certificate.next_review_on}
    _apply(certificate, data, CERTIFICATE_FIELDS)
    if certificate.type_id:
        certificate.kind = certificate.type.kind
    for name, default in (
        ("valid_until", Certificate.default_valid_until),
        ("next_review_on", Certificate.default_next_review),
    ):
        if data.get(name):
            continue
        if not renewal:
            setattr(certificate, name, stored[name])
        elif certificate.issued_on:
            setattr(certificate, name, default(certificate.issued_on))
    if (
        certificate.valid_until
        and certificate.issued_on
        and certificate.valid_until <= certificate.issued_on
    ):
        raise ValidationError({"valid_until": _("A certificate expires after it is issued.")})


@transaction.atomic
def certificate_create(*, data: dict, user) -> Certificate:
    _require_manager(user)
    certificate = Certificate()
    _prepare_certificate(certificate, data)
    _save(certificate, user=user)
    return certificate


@transaction.atomic
def certificate_update(*, certificate: Certificate, data: dict, user) -> Certificate:
    _require_manager(user)
    # The stored row, locked: an edit form has already written its data onto the instance.
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    _prepare_certificate(certificate, data)
    _save(certificate, user=user)
    return certificate


@transaction.atomic
def certificate_review(*, certificate: Certificate, reviewed_on: dt.date, user) -> Certificate:
    """Record the 3-yearly review: the next one is 3 years after the one just done, unless the
    certificate expires first (then it is renewed instead)."""
    _require_manager(user)
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if certificate.is_expired(reviewed_on):
        raise ApplicationError(_("An expired certificate cannot be reviewed; renew it."))
    due = certificate.next_review_on or reviewed_on
    following = due + relativedelta(years=CERTIFICATE_REVIEW_YEARS)
    certificate.reviewed_on = reviewed_on
    certificate.next_review_on = following if following < certificate.valid_until else None
    _save(certificate, user=user, reason=_("reviewed"))
    return certificate


def _heads_by_department(certificates) -> tuple[dict[int, list], list]:
    heads = department_head_users(department_ids={c.holder.department_id for c in certificates})
    return heads, list(users_with_role(Role.SAFETY_MANAGER))


@transaction.atomic
def certificate_reminders_send(*, today: dt.date | None = None) -> dict[str, int]:
    """Tell the heads of each holder's department of certificates entering their review or
    expiry window (60 days before), and of certificates that expired. Each once per window:
    safe to run more than once a day."""
    today = today or timezone.localdate()
    reviews = list(selectors.reviews_due(today=today).select_for_update(of=("self",)))
    expiries = list(selectors.expiries_due(today=today).select_for_update(of=("self",)))
    expired = list(selectors.expired_unnotified(today=today).select_for_update(of=("self",)))
    heads, safety_managers = _heads_by_department([*reviews, *expiries, *expired])
    batch: list[tuple] = []

    def recipients(certificate):
        return heads.get(certificate.holder.department_id) or safety_managers

    def values(certificate) -> dict:
        return {
            "holder": certificate.holder.name,
            "type": certificate.type.name,
            "number": certificate.number,
            "review": certificate.next_review_on.isoformat() if certificate.next_review_on else "",
            "until": certificate.valid_until.isoformat(),
        }

    url = reverse("training:certificate_list")
    for c in reviews:
        batch.append(
            (
                recipients(c),
                _("Certificate review due on %(review)s: %(holder)s, %(type)s no. %(number)s")
                % values(c),
                None,
                url,
            )
        )
    for c in expiries:
        batch.append(
            (
                recipients(c),
                _("Certificate expires on %(until)s: %(holder)s, %(type)s no. %(number)s")
                % values(c),
                None,
                url,
            )
        )
    for c in expired:
        batch.append(
            (
                recipients(c),
                _("Certificate expired on %(until)s: %(holder)s, %(type)s no. %(number)s")
                % values(c),
                None,
                url,
            )
        )
    workflow.notify_many(batch)
    for c in reviews:
        Certificate.objects.filter(pk=c.pk).update(review_reminded_for=c.next_review_on)
    if expiries:
        Certificate.objects.filter(pk__in=[c.pk for c in expiries]).update(
            expiry_reminded_for=F("valid_until")
        )
    if expired:
        Certificate.objects.filter(pk__in=[c.pk for c in expired]).update(
            expired_notified_for=F("valid_until")
        )
    return {"review": len(reviews), "expiring": len(expiries), "expired": len(expired)}


# ------------------------------------------------------------------------------
# Yearly plans
# ------------------------------------------------------------------------------
def _require_editable(plan: TrainingPlan) -> None:
    if not plan.is_editable:
        raise ApplicationError(
            _("The plan is “%(status)s”: it can no longer be changed.")
            % {"status": plan.get_status_display()}
        )


@transaction.atomic
def plan_create(*, data: dict, user) -> TrainingPlan:
    plan = TrainingPlan(created_by=user)
    _apply(plan, data, ("department", "year", "title", "note"))
    _require_head(user, plan.department_id)
    if not plan.title and plan.department_id and plan.year:
        plan.title = _("%(year)s training plan of %(department)s") % {
            "year": plan.year,
            "department": plan.department.name,
        }
    _save(plan, user=user)
    return plan


@transaction.atomic
def plan_update(*, plan: TrainingPlan, data: dict, user) -> TrainingPlan:
    _require_head(user, plan.department_id)
    _require_editable(plan)
    _apply(plan, data, ("title", "note"))
    _save(plan, user=user)
    return plan


@transaction.atomic
def plan_item_save(
    *, plan: TrainingPlan, item: TrainingPlanItem | None = None, data: dict, user
) -> TrainingPlanItem:
    _require_head(user, plan.department_id)
    _require_editable(plan)
    item = item or TrainingPlanItem(plan=plan)
    _apply(item, data, ("course", "month", "hours", "participants"))
    if item.hours is None and item.course_id:
        item.hours = item.course.hours
    _save(item, user=user)
    return item


@transaction.atomic
def plan_item_delete(*, item: TrainingPlanItem, user) -> None:
    _require_head(user, item.plan.department_id)
    _require_editable(item.plan)
    if item.sessions.exists():
        raise ApplicationError(_("Sessions were held for this item: it stays in the plan."))
    item.delete()


@transaction.atomic
def plan_submit(*, plan: TrainingPlan, user) -> TrainingPlan:
    """Ask for approval: a task signed off by leadership (or safety managers, as set)."""
    plan = TrainingPlan.objects.select_for_update().select_related("department").get(pk=plan.pk)
    _require_head(user, plan.department_id)
    _require_editable(plan)
    if not plan.items.exists():
        raise ApplicationError(_("Add the planned courses before submitting the plan."))
    current = selectors.training_settings()
    role = current.plan_approver_role if current else Role.LEADERSHIP
    task = workflow.task_create(
        title=_("Approve the %(plan)s") % {"plan": plan.title},
        description=_("Review the planned courses, months and hours, then approve or reject."),
        department=plan.department,
        due_date=timezone.localdate() + dt.timedelta(days=7),
        user=user,
        assignee=user,
        source=plan,
        sign_off_role=role,
    )
    workflow.task_submit(task=task, user=user, note=_("Training plan submitted for approval."))
    plan.status = PlanStatus.SUBMITTED
    plan.approval_task = task
    _save(plan, user=user)
    return plan


def on_plan_decided(*, task, signoff) -> None:
    """Called by the workflow when the plan's approval task is signed off."""
    plan = TrainingPlan.objects.select_for_update().get(pk=task.source_id)
    if signoff.decision == SignOffDecision.APPROVE:
        plan.status = PlanStatus.APPROVED
        plan.approved_at = signoff.signed_at
    else:
        plan.status = PlanStatus.REJECTED
        plan.approval_task = None
    _save(plan, user=signoff.signer, reason=signoff.comment)
