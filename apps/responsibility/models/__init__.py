"""The responsibility app's models, one module per subject; every model and the choices other
modules use are importable from here (`from apps.responsibility.models import Objective`)."""

from apps.responsibility.models.duties import DutyDocument, DutyReview, DutyScope, ReviewResult
from apps.responsibility.models.letters import (
    SIGNED_FIELDS,
    LetterLevel,
    LetterSide,
    LetterSignature,
    LetterStatus,
    LetterTemplate,
    ResponsibilityLetter,
)
from apps.responsibility.models.meetings import (
    MEETING_FREQUENCIES,
    Meeting,
    MeetingDecision,
    MeetingLevel,
    MeetingSettings,
)
from apps.responsibility.models.objectives import (
    AssessmentStatus,
    DepartmentAssessment,
    DepartmentTarget,
    Direction,
    Objective,
    is_met,
)
from apps.responsibility.models.organisation import (
    AppointmentDocument,
    BodyKind,
    MemberRole,
    SafetyBody,
    SafetyBodyMember,
)

__all__ = [
    "SIGNED_FIELDS",
    "AppointmentDocument",
    "AssessmentStatus",
    "BodyKind",
    "DepartmentAssessment",
    "DepartmentTarget",
    "Direction",
    "DutyDocument",
    "DutyReview",
    "DutyScope",
    "MEETING_FREQUENCIES",
    "LetterLevel",
    "LetterSide",
    "LetterSignature",
    "LetterStatus",
    "LetterTemplate",
    "Meeting",
    "MeetingDecision",
    "MeetingLevel",
    "MeetingSettings",
    "MemberRole",
    "Objective",
    "ResponsibilityLetter",
    "ReviewResult",
    "SafetyBody",
    "SafetyBodyMember",
    "is_met",
]
