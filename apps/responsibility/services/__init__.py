"""All writes of the responsibility app, by subject: objectives with their department targets and
the year-end assessment, duty documents and their review, responsibility letters and their
signing, the safety organisation, and safety meetings."""

from apps.responsibility.services.duties import duty_review, duty_save
from apps.responsibility.services.letters import (
    LETTER_REMINDER_EVERY_DAYS,
    TEMPLATE_FIELDS,
    letter_attach_scan,
    letter_reminders_send,
    letter_side,
    letter_sign,
    letter_update,
    letters_issue,
    template_save,
)
from apps.responsibility.services.meetings import (
    MEETING_FIELDS,
    MEETING_REMINDER_DAYS_BEFORE,
    can_run_meeting,
    decision_add,
    meeting_reminders_send,
    meeting_save,
    meeting_settings,
    meeting_settings_save,
)
from apps.responsibility.services.objectives import (
    APPROVAL_DAYS,
    OBJECTIVE_FIELDS,
    assessment_submit,
    objective_save,
    target_set,
)
from apps.responsibility.services.organisation import (
    BODY_FIELDS,
    DOCUMENT_FIELDS,
    body_save,
    document_save,
    member_add,
    member_remove,
)

__all__ = [
    "APPROVAL_DAYS",
    "BODY_FIELDS",
    "DOCUMENT_FIELDS",
    "LETTER_REMINDER_EVERY_DAYS",
    "MEETING_FIELDS",
    "MEETING_REMINDER_DAYS_BEFORE",
    "OBJECTIVE_FIELDS",
    "TEMPLATE_FIELDS",
    "assessment_submit",
    "body_save",
    "can_run_meeting",
    "decision_add",
    "document_save",
    "duty_review",
    "duty_save",
    "letter_attach_scan",
    "letter_reminders_send",
    "letter_side",
    "letter_sign",
    "letter_update",
    "letters_issue",
    "meeting_reminders_send",
    "meeting_save",
    "meeting_settings",
    "meeting_settings_save",
    "member_add",
    "member_remove",
    "objective_save",
    "target_set",
    "template_save",
]
