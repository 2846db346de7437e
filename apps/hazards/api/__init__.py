"""The hazards API by subject; config/api.py registers the viewsets from here."""

from apps.hazards.api.hazards import (
    AssignSerializer,
    HazardSerializer,
    HazardViewSet,
    RectifySerializer,
    ReportSerializer,
    VerifySerializer,
)
from apps.hazards.api.inspections import (
    InspectionSerializer,
    InspectionViewSet,
    RaiseSerializer,
    RecordSerializer,
    ResultInputSerializer,
)
from apps.hazards.api.plans import (
    ChecklistCreateSerializer,
    ChecklistSerializer,
    ChecklistViewSet,
    PlanSerializer,
    PlanViewSet,
)

__all__ = [
    "AssignSerializer",
    "ChecklistCreateSerializer",
    "ChecklistSerializer",
    "ChecklistViewSet",
    "HazardSerializer",
    "HazardViewSet",
    "InspectionSerializer",
    "InspectionViewSet",
    "PlanSerializer",
    "PlanViewSet",
    "RaiseSerializer",
    "RecordSerializer",
    "RectifySerializer",
    "ReportSerializer",
    "ResultInputSerializer",
    "VerifySerializer",
]
