"""The emergency app's models, one module per subject; every model and choice is importable
from here."""

from apps.emergency.models.drill_plans import DrillPlan, DrillPlanItem, DrillPlanStatus
from apps.emergency.models.drills import Drill, DrillKind, Improvement
from apps.emergency.models.plans import Evaluation, EvaluationResult, Plan, PlanKind
from apps.emergency.models.supplies import Supply, SupplyCheck, SupplyKind
from apps.emergency.models.teams import Team, TeamKind, TeamMember

__all__ = [
    "Drill",
    "DrillKind",
    "DrillPlan",
    "DrillPlanItem",
    "DrillPlanStatus",
    "Evaluation",
    "EvaluationResult",
    "Improvement",
    "Plan",
    "PlanKind",
    "Supply",
    "SupplyCheck",
    "SupplyKind",
    "Team",
    "TeamKind",
    "TeamMember",
]
