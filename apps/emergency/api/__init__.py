"""The emergency API (serializers and viewsets), one module per subject; config/api.py registers
the viewsets from here."""

from apps.emergency.api.drill_plans import DrillPlanItemSerializer, DrillPlanSerializer, DrillPlanViewSet
from apps.emergency.api.drills import (
    DrillEvaluationSerializer,
    DrillSerializer,
    DrillViewSet,
    ImprovementInputSerializer,
    ImprovementSerializer,
    ImprovementViewSet,
)
from apps.emergency.api.plans import (
    EmergencyPlanSerializer,
    EmergencyPlanViewSet,
    EvaluationCreateSerializer,
    EvaluationSerializer,
    EvaluationViewSet,
    FilingSerializer,
)
from apps.emergency.api.supplies import SupplyCheckSerializer, SupplySerializer, SupplyViewSet
from apps.emergency.api.teams import MemberSerializer, TeamSerializer, TeamViewSet

__all__ = [
    "DrillEvaluationSerializer",
    "DrillPlanItemSerializer",
    "DrillPlanSerializer",
    "DrillPlanViewSet",
    "DrillSerializer",
    "DrillViewSet",
    "EmergencyPlanSerializer",
    "EmergencyPlanViewSet",
    "EvaluationCreateSerializer",
    "EvaluationSerializer",
    "EvaluationViewSet",
    "FilingSerializer",
    "ImprovementInputSerializer",
    "ImprovementSerializer",
    "ImprovementViewSet",
    "MemberSerializer",
    "SupplyCheckSerializer",
    "SupplySerializer",
    "SupplyViewSet",
    "TeamSerializer",
    "TeamViewSet",
]
