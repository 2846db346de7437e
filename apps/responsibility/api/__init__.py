"""The responsibility REST API, by subject; config/api.py registers the viewsets from here."""

from apps.responsibility.api.duties import DutyDocumentSerializer, DutyReviewInputSerializer, DutyViewSet
from apps.responsibility.api.letters import (
    LetterIssueSerializer,
    LetterSerializer,
    LetterSignSerializer,
    LetterTemplateSerializer,
    LetterViewSet,
    TemplateViewSet,
)
from apps.responsibility.api.meetings import (
    MeetingDecisionSerializer,
    MeetingSerializer,
    MeetingSettingsSerializer,
    MeetingViewSet,
)
from apps.responsibility.api.objectives import (
    DepartmentAssessmentInputSerializer,
    DepartmentAssessmentSerializer,
    DepartmentAssessmentViewSet,
    DepartmentTargetInputSerializer,
    DepartmentTargetSerializer,
    ObjectiveSerializer,
    ObjectiveViewSet,
    TargetViewSet,
)
from apps.responsibility.api.organisation import (
    AppointmentDocumentSerializer,
    BodyMemberSerializer,
    BodyViewSet,
    DocumentViewSet,
    SafetyBodySerializer,
)

__all__ = [
    "AppointmentDocumentSerializer",
    "BodyMemberSerializer",
    "BodyViewSet",
    "DepartmentAssessmentInputSerializer",
    "DepartmentAssessmentSerializer",
    "DepartmentAssessmentViewSet",
    "DepartmentTargetInputSerializer",
    "DepartmentTargetSerializer",
    "DocumentViewSet",
    "DutyDocumentSerializer",
    "DutyReviewInputSerializer",
    "DutyViewSet",
    "LetterIssueSerializer",
    "LetterSerializer",
    "LetterSignSerializer",
    "LetterTemplateSerializer",
    "LetterViewSet",
    "MeetingDecisionSerializer",
    "MeetingSerializer",
    "MeetingSettingsSerializer",
    "MeetingViewSet",
    "ObjectiveSerializer",
    "ObjectiveViewSet",
    "SafetyBodySerializer",
    "TargetViewSet",
    "TemplateViewSet",
]
