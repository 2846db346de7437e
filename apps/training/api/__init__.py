"""The training API: the same records and permissions as the pages.

Department heads read and write for their departments, employees read their own record,
safety managers and leadership read everything; rule sets, courses and certificates are kept
by safety managers. The serializers and viewsets live by subject; every one is importable from
here (config/api.py registers the viewsets).
"""

from apps.training.api.certificates import (
    CertificateSerializer,
    CertificateTypeSerializer,
    CertificateTypeViewSet,
    CertificateViewSet,
    ReviewSerializer,
)
from apps.training.api.compliance import ComplianceSerializer, ComplianceViewSet
from apps.training.api.plans import (
    PlanItemSerializer,
    TrainingPlanSerializer,
    TrainingPlanUpdateSerializer,
    TrainingPlanViewSet,
)
from apps.training.api.rulesets import (
    RuleSetRowSerializer,
    RuleSetRowViewSet,
    RuleSetSerializer,
    RuleSetViewSet,
    TrainingSettingsSerializer,
    TrainingSettingsViewSet,
)
from apps.training.api.sessions import (
    AttendanceSerializer,
    AttendanceViewSet,
    CourseSerializer,
    CourseViewSet,
    ImportResultSerializer,
    ReinductionSerializer,
    ReinductionViewSet,
    TrainingSessionSerializer,
    TrainingSessionViewSet,
    UploadSerializer,
)

__all__ = [
    "AttendanceSerializer",
    "AttendanceViewSet",
    "CertificateSerializer",
    "CertificateTypeSerializer",
    "CertificateTypeViewSet",
    "CertificateViewSet",
    "ComplianceSerializer",
    "ComplianceViewSet",
    "CourseSerializer",
    "CourseViewSet",
    "ImportResultSerializer",
    "PlanItemSerializer",
    "ReinductionSerializer",
    "ReinductionViewSet",
    "ReviewSerializer",
    "RuleSetRowSerializer",
    "RuleSetRowViewSet",
    "RuleSetSerializer",
    "RuleSetViewSet",
    "TrainingPlanSerializer",
    "TrainingPlanUpdateSerializer",
    "TrainingPlanViewSet",
    "TrainingSessionSerializer",
    "TrainingSessionViewSet",
    "TrainingSettingsSerializer",
    "TrainingSettingsViewSet",
    "UploadSerializer",
]
