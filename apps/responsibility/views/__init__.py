"""The responsibility pages, by subject; urls.py reaches every view as `views.<name>`."""

from apps.responsibility.views.duties import duties, duty_detail, duty_edit, duty_review
from apps.responsibility.views.letters import (
    letter_detail,
    letter_scan,
    letter_sign,
    letters,
    letters_issue,
    template_edit,
)
from apps.responsibility.views.meetings import (
    compliance,
    decision_add,
    meeting_detail,
    meeting_edit,
    meetings,
    settings_edit,
)
from apps.responsibility.views.objectives import assessment_submit, objective_edit, objectives, target_edit
from apps.responsibility.views.organisation import body_edit, document_edit, member_add, organisation

__all__ = [
    "assessment_submit",
    "body_edit",
    "compliance",
    "decision_add",
    "document_edit",
    "duties",
    "duty_detail",
    "duty_edit",
    "duty_review",
    "letter_detail",
    "letter_scan",
    "letter_sign",
    "letters",
    "letters_issue",
    "meeting_detail",
    "meeting_edit",
    "meetings",
    "member_add",
    "objective_edit",
    "objectives",
    "organisation",
    "settings_edit",
    "target_edit",
    "template_edit",
]
