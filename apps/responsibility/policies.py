"""Who may set objectives, write duties, issue and sign letters, run meetings and keep the
safety organisation; read by views, the API, the templates (which buttons show, and why not),
the menu, the exporters and the services."""

from __future__ import annotations

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.org.policy import (
    ALLOWED,
    NOT_APPLICABLE,
    Decision,
    access,
    allow_if,
    deny,
    employee_id,
    heads,
    heads_some_department,
    is_safety_manager,
    is_signed_in,
    only_while,
    reads_org,
)
from apps.responsibility.models import LetterSide, MeetingLevel

# Objectives, the safety organisation and meeting compliance: safety managers, leadership and
# department heads (their departments, by the selectors' scope).
can_read_objectives = reads_org
can_read_organisation = reads_org
can_read_compliance = reads_org
can_export_responsibility = reads_org
can_read_letter_templates = reads_org

# Everyone signed in: published duties are everyone's to know (drafts and old versions are
# scoped by the selector); letters and meetings show those one is party to.
can_read_duties = is_signed_in
can_read_letters = is_signed_in
can_read_meetings = is_signed_in

# The safety office's records.
can_edit_objective = is_safety_manager
can_assess_objectives = is_safety_manager
can_issue_letters = is_safety_manager
can_edit_letter_template = is_safety_manager
can_edit_letter = is_safety_manager
can_edit_organisation = is_safety_manager
can_edit_meeting_settings = is_safety_manager


def published_duties_q() -> Q:
    """Duty documents everyone reads: the current version, in force."""
    return Q(is_current=True, effective_on__lte=timezone.localdate())


# New documents, new versions and the yearly review: the safety office.
can_write_duties = is_safety_manager


@only_while(lambda document: document.is_current)
def can_revise_duty(user, document=None) -> Decision:
    return can_write_duties(user, document)


can_review_duty = can_revise_duty  # the yearly review: the same people, on the version in force


def duty_actions(user, document) -> dict[str, Decision]:
    """What a duty document's page offers."""
    return {"revise": can_revise_duty(user, document), "review": can_review_duty(user, document)}


def can_set_target(user, target=None) -> Decision:
    """Splitting an objective to a department (a new or changed target figure)."""
    return is_safety_manager(user)


# The targets' entry point: safety managers split objectives, heads record their results (the
# service decides which, by the department).
can_work_on_targets = heads_some_department


def can_record_target_result(user, department_id=None) -> Decision:
    """Recording a department's actual result: its head (or a safety manager)."""
    return allow_if(heads(user, department_id), _("Only a head of the department may record its results."))


def letter_side(letter, user) -> str | None:
    """The person's side of a letter (issuer or holder), if a party to it."""
    person = employee_id(user)
    if person is None:
        return None
    if letter.issuer_id == person:
        return LetterSide.ISSUER
    if letter.holder_id == person:
        return LetterSide.HOLDER
    return None


def can_sign_letter(user, letter=None) -> Decision:
    """Only the two parties sign (each once: the service refuses a second signature)."""
    if letter is None:
        return is_signed_in(user)
    if letter_side(letter, user) is None:
        return deny(_("Only the two parties to a letter may sign it."))
    return ALLOWED


def letter_actions(user, letter, signed_sides) -> dict[str, Decision]:
    """What a letter's page offers: signing, until the person's side has signed."""
    side = letter_side(letter, user)
    # Only the two parties sign: to anyone else (readers, the safety office) it does not apply.
    sign = NOT_APPLICABLE if side is None or side in signed_sides else can_sign_letter(user, letter)
    return {"sign": sign}


def can_attach_letter_scan(user, letter=None) -> Decision:
    if letter is not None and letter_side(letter, user) is not None:
        return ALLOWED
    return allow_if(is_safety_manager(user), _("Only the parties or a safety manager may attach the paper copy."))


def can_run_meeting(user, level: str, department) -> Decision:
    """Company meetings: safety managers; department meetings: their heads."""
    if level == MeetingLevel.COMPANY:
        return is_safety_manager(user)
    return heads(user, getattr(department, "pk", department))


def can_schedule_meetings(user, meeting=None) -> Decision:
    """The new-meeting button: safety managers and department heads."""
    if meeting is not None:
        return can_edit_meeting(user, meeting)
    a = access(user)
    return allow_if(
        a.manages_everything or a.is_department_head,
        _("Company meetings are run by safety managers, department meetings by their heads."),
    )


def can_edit_meeting(user, meeting=None) -> Decision:
    """Changing or recording a meeting that exists."""
    if meeting is None:
        return can_schedule_meetings(user)
    return allow_if(can_run_meeting(user, meeting.level, meeting.department), _("You may not edit this meeting."))


def can_hold_meeting(user, meeting) -> Decision:
    """A meeting of this level and unit (as scheduled or changed): who runs it."""
    return allow_if(
        can_run_meeting(user, meeting.level, meeting.department),
        _("Company meetings are run by safety managers, department meetings by their heads."),
    )


def can_add_decision(user, meeting=None) -> Decision:
    if meeting is None:
        return can_schedule_meetings(user)
    return allow_if(
        can_run_meeting(user, meeting.level, meeting.department), _("You may not record decisions of this meeting.")
    )


def meeting_actions(user, meeting) -> dict[str, Decision]:
    """What a meeting's page offers: decisions once it is held."""
    return {
        "edit": can_edit_meeting(user, meeting),
        "decide": can_add_decision(user, meeting) if meeting.held_on else NOT_APPLICABLE,
    }
