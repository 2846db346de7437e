"""The training models, by subject; every model and the choices and constants others import are
importable from here."""

from apps.training.models.certificates import (
    CERTIFICATE_REVIEW_YEARS,
    CERTIFICATE_VALID_YEARS,
    CERTIFICATE_WINDOW_DAYS,
    Certificate,
    CertificateKind,
    CertificateType,
)
from apps.training.models.induction import (
    INDUCTION_LEVELS,
    MANAGER_INITIAL_LEVELS,
    REINDUCTION_LEVELS,
    Reinduction,
    ReinductionReason,
)
from apps.training.models.plans import PlanStatus, TrainingPlan, TrainingPlanItem
from apps.training.models.rulesets import RuleSet, RuleSetRow, TrainingRole, TrainingSettings
from apps.training.models.sessions import HOURS, Attendance, Course, SessionLevel, TrainingSession

__all__ = [
    "CERTIFICATE_REVIEW_YEARS",
    "CERTIFICATE_VALID_YEARS",
    "CERTIFICATE_WINDOW_DAYS",
    "HOURS",
    "INDUCTION_LEVELS",
    "MANAGER_INITIAL_LEVELS",
    "REINDUCTION_LEVELS",
    "Attendance",
    "Certificate",
    "CertificateKind",
    "CertificateType",
    "Course",
    "PlanStatus",
    "Reinduction",
    "ReinductionReason",
    "RuleSet",
    "RuleSetRow",
    "SessionLevel",
    "TrainingPlan",
    "TrainingPlanItem",
    "TrainingRole",
    "TrainingSession",
    "TrainingSettings",
]
