"""The major hazards REST API, by subject: the GB 18218 reference tables, units with their
inventory and identifications, registration and assessments, monitoring measures."""

from apps.major_hazards.api.monitoring import (
    MeasureCheckCreateSerializer,
    MeasureCheckSerializer,
    MeasureCheckViewSet,
    MeasureViewSet,
    MonitoringMeasureSerializer,
)
from apps.major_hazards.api.register import (
    RegisterEntrySerializer,
    RegisterEntryViewSet,
    SafetyAssessmentSerializer,
    SafetyAssessmentViewSet,
)
from apps.major_hazards.api.tables import (
    HazardCategorySerializer,
    HazardCategoryViewSet,
    SubstanceSerializer,
    SubstanceViewSet,
)
from apps.major_hazards.api.units import (
    IdentificationSerializer,
    IdentificationViewSet,
    InventoryItemSerializer,
    InventoryItemViewSet,
    UnitSerializer,
    UnitViewSet,
)

__all__ = [
    "HazardCategorySerializer",
    "HazardCategoryViewSet",
    "IdentificationSerializer",
    "IdentificationViewSet",
    "InventoryItemSerializer",
    "InventoryItemViewSet",
    "MeasureCheckCreateSerializer",
    "MeasureCheckSerializer",
    "MeasureCheckViewSet",
    "MeasureViewSet",
    "MonitoringMeasureSerializer",
    "RegisterEntrySerializer",
    "RegisterEntryViewSet",
    "SafetyAssessmentSerializer",
    "SafetyAssessmentViewSet",
    "SubstanceSerializer",
    "SubstanceViewSet",
    "UnitSerializer",
    "UnitViewSet",
]
