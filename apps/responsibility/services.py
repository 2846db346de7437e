from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from apps.core.exceptions import ApplicationError
from apps.core.services import attachment_add
from apps.org.access import access_for
from apps.org.models import Department, Role
from apps.responsibility import selectors
from apps.responsibility.models import (
    AppointmentDocument,
    AssessmentStatus,
    DepartmentAssessment,
    DepartmentTarget,
    DutyDocument,
    DutyReview,
    LetterSide,
    LetterSignature,
    LetterStatus,
    LetterTemplate,
    Meeting,
    MeetingDecision,
    MeetingSettings,
    Objective,
    ResponsibilityLetter,
    SafetyBody,
    SafetyBodyMember,
)
from apps.scoring import live
from apps.workflow import services as workflow
from apps.workflow.models import SignOffDecision

# Unsigned letters are reminded once a week.
LETTER_REMINDER_EVERY_DAYS = 7
APPROVAL_DAYS = 14


def _require_manager(user) -> None:
    if not access_for(user).manages_everything:
        raise PermissionDenied(_("Only a safety manager may do this."))


def _save(obj, *, user, reason: str = "") -> None:
    obj.full_clean()
    if user is not None:
        obj._history_user = user
    if reason:
        obj._change_reason = reason
    obj.save()


def _apply(obj, data: dict, fields) -> None:
    for name in fields:
        if name in data:
            setattr(obj, name, data[name])


# ------------------------------------------------------------------------------
# Objectives
# ------------------------------------------------------------------------------
OBJECTIVE_FIELDS = (
    "year",
    "name",
    "indicator_key",
    "direction",
    "target",
    "unit",
    "manual_actual",
    "order",
)


@transaction.atomic
def objective_save(*, objective: Objective | None = None, data: dict, user) -> Objective:
    _require_manager(user)
    if objective is not None and objective.pk:
        stored = Objective.objects.get(pk=objective.pk)
        locked = DepartmentAssessment.objects.filter(
            year=stored.year, status__in=(AssessmentStatus.SUBMITTED, AssessmentStatus.APPROVED)
        ).exists()
        changed = {
            f
            for f in ("year", "direction", "target", "manual_actual")
            if f in data and data[f] != getattr(stored, f)
        }
        if locked and changed:
            raise ApplicationError(
                _(
                    "Departments were already assessed against this objective: its year, target and "
                    "figures can no longer change."
                )
            )
        if "year" in changed and stored.targets.exists():
            raise ApplicationError(
                _("The objective is split to departments: its year cannot change.")
            )
    objective = objective or Objective()
    _apply(objective, data, OBJECTIVE_FIELDS)
    _save(objective, user=user)
    return objective


_KEEP = object()  # "not given": the stored actual stays as it is


@transaction.atomic
def target_set(
    *, objective: Objective, department: Department, target, user, actual=_KEEP
) -> DepartmentTarget:
    """Split an objective to a department (managers), or record its actual (heads too)."""
    access = access_for(user)
    item = DepartmentTarget.objects.filter(objective=objective, department=department).first()
    if item is None or item.target != target:
        _require_manager(user)
    elif not access.heads(department.pk):
        raise PermissionDenied(_("Only a head of the department may record its results."))
    if _assessment_locked(objective.year, department):
        raise ApplicationError(
            _("The year-end assessment of this department is already submitted.")
        )
    item = item or DepartmentTarget(objective=objective, department=department)
    item.target = target
    if actual is not _KEEP:
        item.actual = actual
    _save(item, user=user)
    return item


def _assessment_locked(year: int, department: Department) -> bool:
    return DepartmentAssessment.objects.filter(
        year=year,
        department=department,
        status__in=(AssessmentStatus.SUBMITTED, AssessmentStatus.APPROVED),
    ).exists()


@transaction.atomic
def assessment_submit(
    *, year: int, department: Department, user, comment: str = ""
) -> DepartmentAssessment:
    """Score the department against its targets and ask leadership to approve by sign-off."""
    _require_manager(user)
    assessment, _created = DepartmentAssessment.objects.select_for_update().get_or_create(
        year=year, department=department
    )
    if assessment.status != AssessmentStatus.DRAFT:
        raise ApplicationError(_("This assessment is already submitted."))
    targets = list(
        DepartmentTarget.objects.filter(objective__year=year, department=department).select_related(
            "objective"
        )
    )
    if not targets:
        raise ApplicationError(_("This department has no targets for %(year)s.") % {"year": year})
    if any(t.actual is None for t in targets):
        raise ApplicationError(_("Record the actual value of every target first."))
    assessment.targets_total = len(targets)
    assessment.targets_met = sum(1 for t in targets if t.met)
    assessment.passed = assessment.targets_met == assessment.targets_total
    assessment.comment = comment
    assessment.status = AssessmentStatus.SUBMITTED
    approval = workflow.task_create(
        title=_("Approve the %(year)s safety objectives assessment of %(department)s")
        % {"year": year, "department": department.name},
        description=_("%(met)s of %(total)s targets met.")
        % {"met": assessment.targets_met, "total": assessment.targets_total},
        department=department,
        due_date=timezone.localdate() + dt.timedelta(days=APPROVAL_DAYS),
        user=user,
        source=assessment,
        sign_off_role=Role.LEADERSHIP,
    )
    workflow.task_submit(
        task=approval, user=user, note=comment or _("Assessment submitted."), via_source=True
    )
    assessment.approval_task = approval
    _save(assessment, user=user)
    return assessment


def on_assessment_decided(*, task, signoff) -> None:
    assessment = DepartmentAssessment.objects.select_for_update().get(pk=task.source_id)
    if assessment.status != AssessmentStatus.SUBMITTED or assessment.approval_task_id != task.pk:
        raise ApplicationError(_("This task no longer decides the assessment."))
    if signoff.decision == SignOffDecision.APPROVE:
        assessment.status = AssessmentStatus.APPROVED
        assessment.approved_at = signoff.signed_at
    else:
        assessment.status = AssessmentStatus.DRAFT
        assessment.approval_task = None
    _save(assessment, user=signoff.signer, reason=signoff.comment)


# ------------------------------------------------------------------------------
# Duties
# ------------------------------------------------------------------------------
@transaction.atomic
def duty_save(*, data: dict, user, previous: DutyDocument | None = None) -> DutyDocument:
    """A new duty document, or a new version of `previous` (which stops being current)."""
    _require_manager(user)
    document = DutyDocument(
        scope=data["scope"],
        department=data.get("department"),
        position=data.get("position"),
        title=data["title"],
        content=data["content"],
        effective_on=data.get("effective_on") or timezone.localdate(),
    )
    if document.scope == "department" and document.department is None:
        raise ValidationError({"department": _("Choose the department.")})
    if document.scope == "position" and document.position is None:
        raise ValidationError({"position": _("Choose the position.")})
    if previous is not None:
        previous = (
            DutyDocument.objects.select_for_update().filter(pk=previous.pk, is_current=True).first()
        )
        if previous is None:
            raise ApplicationError(_("Only the current version of a duty document is revised."))
        document.version = previous.version + 1
        previous.is_current = False
        _save(
            previous, user=user, reason=_("Superseded by version %(v)s") % {"v": document.version}
        )
    _save(document, user=user)
    return document


@transaction.atomic
def duty_review(
    *,
    document: DutyDocument,
    year: int,
    result: str,
    user,
    notes: str = "",
    reviewed_on: dt.date | None = None,
) -> DutyReview:
    _require_manager(user)
    if DutyReview.objects.filter(document=document, year=year).exists():
        raise ApplicationError(
            _("These duties are already reviewed for %(year)s.") % {"year": year}
        )
    review = DutyReview(
        document=document,
        year=year,
        result=result,
        notes=notes,
        reviewer=user,
        reviewed_on=reviewed_on or timezone.localdate(),
    )
    _save(review, user=user)
    return review


# ------------------------------------------------------------------------------
# Responsibility letters
# ------------------------------------------------------------------------------
@transaction.atomic
def template_save(*, template: LetterTemplate | None = None, data: dict, user) -> LetterTemplate:
    _require_manager(user)
    template = template or LetterTemplate()
    _apply(template, data, ("level", "title", "body", "is_active"))
    _save(template, user=user)
    return template


@transaction.atomic
def letters_issue(*, year: int, template: LetterTemplate, sign_by: dt.date, user) -> dict:
    """Issue the template's level of letters to everyone who should hold one for the year.
    Idempotent: people who already hold a letter of this level and year get none."""
    _require_manager(user)
    pairs, skipped = selectors.letter_pairs(template.level)
    existing = set(
        ResponsibilityLetter.objects.filter(year=year, level=template.level).values_list(
            "holder_id", flat=True
        )
    )
    new = [
        ResponsibilityLetter(
            year=year,
            level=template.level,
            template=template,
            department_id=department_id,
            issuer_id=issuer_id,
            holder_id=holder_id,
            title=template.title,
            body=template.body,
            sign_by=sign_by,
        )
        for department_id, issuer_id, holder_id in pairs
        if holder_id not in existing
    ]
    bulk_create_with_history(new, ResponsibilityLetter, batch_size=500, default_user=user)
    live.invalidate("responsibility")  # bulk writes send no signals
    return {"created": len(new), "existing": len(pairs) - len(new), "units_without_head": skipped}


@transaction.atomic
def letter_update(*, letter: ResponsibilityLetter, data: dict, user) -> ResponsibilityLetter:
    _require_manager(user)
    letter = ResponsibilityLetter.objects.select_for_update().get(pk=letter.pk)
    if letter.signatures.exists():
        raise ApplicationError(_("A signed letter cannot be changed."))
    _apply(letter, data, ("title", "body", "sign_by"))
    _save(letter, user=user)
    return letter


def letter_side(letter: ResponsibilityLetter, user) -> str | None:
    employee_id = access_for(user).employee_id
    if employee_id is None:
        return None
    if letter.issuer_id == employee_id:
        return LetterSide.ISSUER
    if letter.holder_id == employee_id:
        return LetterSide.HOLDER
    return None


@transaction.atomic
def letter_sign(*, letter: ResponsibilityLetter, user, scan=None) -> LetterSignature:
    """The signing person's side of the letter; only the two parties sign, each once."""
    letter = ResponsibilityLetter.objects.select_for_update().get(pk=letter.pk)
    side = letter_side(letter, user)
    if side is None:
        raise PermissionDenied(_("Only the two parties to a letter may sign it."))
    if letter.signatures.filter(side=side).exists():
        raise ApplicationError(_("You have already signed this letter."))
    if scan is not None:
        try:
            attachment_add(owner=letter, upload=scan, user=user, caption=_("Signed paper copy"))
        except ValidationError as exc:
            raise ApplicationError(" ".join(exc.messages)) from exc
    signature = LetterSignature(letter=letter, side=side, signer=user)
    signature.full_clean()
    try:
        with transaction.atomic():
            signature.save()
    except IntegrityError:
        raise ApplicationError(_("You have already signed this letter.")) from None
    sides = letter.signatures.count()
    letter.status = LetterStatus.SIGNED if sides == 2 else LetterStatus.PARTLY
    _save(letter, user=user)
    return signature


@transaction.atomic
def letter_attach_scan(*, letter: ResponsibilityLetter, scan, user) -> None:
    if letter_side(letter, user) is None and not access_for(user).manages_everything:
        raise PermissionDenied(_("Only the parties or a safety manager may attach the paper copy."))
    try:
        attachment_add(owner=letter, upload=scan, user=user, caption=_("Signed paper copy"))
    except ValidationError as exc:
        raise ApplicationError(" ".join(exc.messages)) from exc


@transaction.atomic
def letter_reminders_send(*, today: dt.date | None = None) -> int:
    """Remind each party who has not signed a letter of this year, once a week."""
    today = today or timezone.localdate()
    letters = list(
        ResponsibilityLetter.objects.filter(year=today.year)
        .exclude(status=LetterStatus.SIGNED)
        .exclude(last_reminded_on__gt=today - dt.timedelta(days=LETTER_REMINDER_EVERY_DAYS))
        .select_related("issuer__user", "holder__user")
        .prefetch_related("signatures")
    )
    batch = []
    for letter in letters:
        signed = {s.side for s in letter.signatures.all()}
        users = []
        if LetterSide.ISSUER not in signed:
            users.append(letter.issuer.user)
        if LetterSide.HOLDER not in signed:
            users.append(letter.holder.user)
        message = _(
            "Please sign the responsibility letter “%(title)s” (%(holder)s) by %(date)s"
        ) % {
            "title": letter.title,
            "holder": letter.holder.name,
            "date": letter.sign_by.isoformat(),
        }
        batch.append((users, message, None, f"/responsibility/letters/{letter.pk}/"))
    workflow.notify_many(batch)
    ResponsibilityLetter.objects.filter(pk__in=[x.pk for x in letters]).update(
        last_reminded_on=today
    )
    return len(letters)


# ------------------------------------------------------------------------------
# Safety organisation
# ------------------------------------------------------------------------------
@transaction.atomic
def document_save(
    *, document: AppointmentDocument | None = None, data: dict, user
) -> AppointmentDocument:
    _require_manager(user)
    document = document or AppointmentDocument()
    _apply(document, data, ("number", "title", "issued_on", "content"))
    _save(document, user=user)
    return document


@transaction.atomic
def body_save(*, body: SafetyBody | None = None, data: dict, user) -> SafetyBody:
    _require_manager(user)
    body = body or SafetyBody()
    _apply(body, data, ("kind", "name", "document", "duties"))
    _save(body, user=user)
    return body


@transaction.atomic
def member_add(*, body: SafetyBody, employee, role: str, user) -> SafetyBodyMember:
    _require_manager(user)
    member = SafetyBodyMember(body=body, employee=employee, role=role)
    try:
        member.full_clean()
    except ValidationError as exc:
        raise ApplicationError(" ".join(exc.messages)) from exc
    member._history_user = user
    member.save()
    return member


@transaction.atomic
def member_remove(*, member: SafetyBodyMember, user) -> None:
    _require_manager(user)
    member._history_user = user
    member.delete()


# ------------------------------------------------------------------------------
# Meetings
# ------------------------------------------------------------------------------
def meeting_settings() -> MeetingSettings:
    return MeetingSettings.objects.order_by("pk").first() or MeetingSettings()


@transaction.atomic
def meeting_settings_save(*, data: dict, user) -> MeetingSettings:
    _require_manager(user)
    item = meeting_settings()
    _apply(item, data, ("company_frequency", "department_frequency"))
    _save(item, user=user)
    return item


def _can_run_meeting(user, level: str, department: Department) -> bool:
    access = access_for(user)
    if level == "company":
        return access.manages_everything
    return access.heads(department.pk)


MEETING_FIELDS = (
    "level",
    "department",
    "title",
    "scheduled_on",
    "held_on",
    "place",
    "chair",
    "minutes",
)


@transaction.atomic
def meeting_save(*, meeting: Meeting | None = None, data: dict, user, attendees=None) -> Meeting:
    """Schedule a meeting or record it (held on, attendance, minutes)."""
    meeting = meeting or Meeting()
    if meeting.pk and not _can_run_meeting(user, meeting.level, meeting.department):
        raise PermissionDenied(_("You may not edit this meeting."))
    _apply(meeting, data, MEETING_FIELDS)
    if not _can_run_meeting(user, meeting.level, meeting.department):
        raise PermissionDenied(
            _("Company meetings are run by safety managers, department meetings by their heads.")
        )
    if meeting.held_on and meeting.held_on > timezone.localdate():
        raise ValidationError({"held_on": _("A meeting cannot be held in the future.")})
    _save(meeting, user=user)
    if attendees is not None:
        meeting.attendees.set(attendees)
    return meeting


@transaction.atomic
def decision_add(
    *, meeting: Meeting, text: str, department: Department, due_date: dt.date, user
) -> MeetingDecision:
    """A decision of a held meeting becomes a Task for its department."""
    if not _can_run_meeting(user, meeting.level, meeting.department):
        raise PermissionDenied(_("You may not record decisions of this meeting."))
    if meeting.held_on is None:
        raise ApplicationError(_("Record that the meeting was held before adding its decisions."))
    decision = MeetingDecision(meeting=meeting, text=text, department=department, due_date=due_date)
    decision.full_clean()
    decision.save()
    decision.task = workflow.task_create(
        title=text[:200],
        department=department,
        due_date=due_date,
        user=user,
        source=decision,
        description=_("Decided at %(meeting)s on %(date)s.")
        % {"meeting": meeting.title, "date": meeting.held_on.isoformat()},
    )
    decision.save(update_fields=["task"])
    return decision


# A week before a meeting period ends, a unit that has not met yet is reminded (once per period).
MEETING_REMINDER_DAYS_BEFORE = 7


def meeting_reminders_send(*, today: dt.date | None = None) -> int:
    """Remind the heads of units (safety managers for the company) whose current meeting period
    ends in a week with no meeting held yet."""
    from apps.org.selectors import department_head_users, users_with_role
    from apps.responsibility import schedule

    today = today or timezone.localdate()
    rows = [
        row
        for row in selectors.meeting_compliance(year=today.year, as_of=today)
        if row.result.current_held is False
        and (schedule.period_of(row.frequency, today).end - today).days
        == MEETING_REMINDER_DAYS_BEFORE
    ]
    if not rows:
        return 0
    heads = department_head_users(
        department_ids=[r.department.pk for r in rows if r.level != "company"]
    )
    managers = list(users_with_role(Role.SAFETY_MANAGER))
    batch = []
    for row in rows:
        end = schedule.period_of(row.frequency, today).end
        users = managers if row.level == "company" else heads.get(row.department.pk, [])
        message = _("No safety meeting held yet for %(unit)s in the period ending %(end)s") % {
            "unit": row.department.name,
            "end": end.isoformat(),
        }
        batch.append((users, message, None, "/responsibility/meetings/compliance/"))
    workflow.notify_many(batch)
    return len(rows)
