"""The REST API router: every app's viewsets under /api/v1/."""

from rest_framework.routers import DefaultRouter

from apps.accidents.api import AccidentTypeViewSet, AccidentViewSet, LessonViewSet, ManHoursViewSet, StatisticsViewSet
from apps.assessment.api import AssessmentViewSet, FindingViewSet
from apps.core.viewsets import ExportViewSet
from apps.dashboard.api import DashboardViewSet
from apps.emergency.api import (
    DrillPlanViewSet,
    DrillViewSet,
    EmergencyPlanViewSet,
    EvaluationViewSet,
    ImprovementViewSet,
    SupplyViewSet,
    TeamViewSet,
)
from apps.equipment.api import (
    DeviceViewSet,
    EquipmentViewSet,
    MaintenancePlanViewSet,
    ProjectViewSet,
    RecordViewSet,
    SpecialTypeViewSet,
)
from apps.hazards.api import ChecklistViewSet, HazardViewSet, InspectionViewSet, PlanViewSet
from apps.major_hazards.api import (
    HazardCategoryViewSet,
    IdentificationViewSet,
    InventoryItemViewSet,
    MeasureCheckViewSet,
    MeasureViewSet,
    RegisterEntryViewSet,
    SafetyAssessmentViewSet,
    SubstanceViewSet,
    UnitViewSet,
)
from apps.org.api import CompanyViewSet, DepartmentViewSet, EmployeeViewSet, PositionViewSet
from apps.responsibility.api import (
    BodyViewSet,
    DepartmentAssessmentViewSet,
    DocumentViewSet,
    DutyViewSet,
    LetterViewSet,
    MeetingViewSet,
    ObjectiveViewSet,
    TargetViewSet,
    TemplateViewSet,
)
from apps.scoring.api import StandardViewSet
from apps.training.api import (
    AttendanceViewSet,
    CertificateTypeViewSet,
    CertificateViewSet,
    ComplianceViewSet,
    CourseViewSet,
    ReinductionViewSet,
    RuleSetRowViewSet,
    RuleSetViewSet,
    TrainingPlanViewSet,
    TrainingSessionViewSet,
    TrainingSettingsViewSet,
)
from apps.workflow.api import NotificationViewSet, SignOffViewSet, TaskViewSet

router = DefaultRouter()
router.register("company", CompanyViewSet, basename="company")
router.register("departments", DepartmentViewSet, basename="department")
router.register("positions", PositionViewSet, basename="position")
router.register("employees", EmployeeViewSet, basename="employee")
router.register("tasks", TaskViewSet, basename="task")
router.register("signoffs", SignOffViewSet, basename="signoff")
router.register("notifications", NotificationViewSet, basename="notification")
router.register("standards", StandardViewSet, basename="standard")
router.register("assessments", AssessmentViewSet, basename="assessment")
router.register("findings", FindingViewSet, basename="finding")
router.register("training/rulesets", RuleSetViewSet, basename="training-ruleset")
router.register("training/ruleset-rows", RuleSetRowViewSet, basename="training-ruleset-row")
router.register("training/settings", TrainingSettingsViewSet, basename="training-settings")
router.register("training/courses", CourseViewSet, basename="training-course")
router.register("training/sessions", TrainingSessionViewSet, basename="training-session")
router.register("training/attendances", AttendanceViewSet, basename="training-attendance")
router.register("training/reinductions", ReinductionViewSet, basename="training-reinduction")
router.register("training/certificate-types", CertificateTypeViewSet, basename="training-certificate-type")
router.register("training/certificates", CertificateViewSet, basename="training-certificate")
router.register("training/plans", TrainingPlanViewSet, basename="training-plan")
router.register("training/compliance", ComplianceViewSet, basename="training-compliance")
router.register("exports", ExportViewSet, basename="export")
router.register("dashboard", DashboardViewSet, basename="dashboard")
router.register("hazards", HazardViewSet, basename="hazard")
router.register("inspections", InspectionViewSet, basename="inspection")
router.register("inspection-plans", PlanViewSet, basename="inspection-plan")
router.register("checklists", ChecklistViewSet, basename="checklist")
router.register("responsibility/objectives", ObjectiveViewSet, basename="responsibility-objective")
router.register("responsibility/targets", TargetViewSet, basename="responsibility-target")
router.register("responsibility/assessments", DepartmentAssessmentViewSet, basename="responsibility-assessment")
router.register("responsibility/duties", DutyViewSet, basename="responsibility-duty")
router.register("responsibility/templates", TemplateViewSet, basename="responsibility-template")
router.register("responsibility/letters", LetterViewSet, basename="responsibility-letter")
router.register("responsibility/documents", DocumentViewSet, basename="responsibility-document")
router.register("responsibility/bodies", BodyViewSet, basename="responsibility-body")
router.register("responsibility/meetings", MeetingViewSet, basename="responsibility-meeting")
router.register("equipment/types", SpecialTypeViewSet, basename="equipment-type")
router.register("equipment/records", RecordViewSet, basename="equipment-record")
router.register("equipment/devices", DeviceViewSet, basename="equipment-device")
router.register("equipment/plans", MaintenancePlanViewSet, basename="equipment-plan")
router.register("equipment/projects", ProjectViewSet, basename="equipment-project")
router.register("equipment", EquipmentViewSet, basename="equipment")
router.register("major-hazards/substances", SubstanceViewSet, basename="mh-substance")
router.register("major-hazards/categories", HazardCategoryViewSet, basename="mh-category")
router.register("major-hazards/inventory", InventoryItemViewSet, basename="mh-inventory")
router.register("major-hazards/identifications", IdentificationViewSet, basename="mh-ident")
router.register("major-hazards/register", RegisterEntryViewSet, basename="mh-register")
router.register("major-hazards/assessments", SafetyAssessmentViewSet, basename="mh-assessment")
router.register("major-hazards/measures", MeasureViewSet, basename="mh-measure")
router.register("major-hazards/checks", MeasureCheckViewSet, basename="mh-check")
router.register("major-hazards/units", UnitViewSet, basename="mh-unit")
router.register("emergency/plans", EmergencyPlanViewSet, basename="emergency-plan")
router.register("emergency/evaluations", EvaluationViewSet, basename="emergency-evaluation")
router.register("emergency/teams", TeamViewSet, basename="emergency-team")
router.register("emergency/supplies", SupplyViewSet, basename="emergency-supply")
router.register("emergency/drill-plans", DrillPlanViewSet, basename="emergency-drill-plan")
router.register("emergency/drills", DrillViewSet, basename="emergency-drill")
router.register("emergency/improvements", ImprovementViewSet, basename="emergency-improvement")
router.register("accidents/types", AccidentTypeViewSet, basename="accident-type")
router.register("accidents/man-hours", ManHoursViewSet, basename="accident-man-hours")
router.register("accidents/lessons", LessonViewSet, basename="accident-lesson")
router.register("accidents/statistics", StatisticsViewSet, basename="accident-statistics")
router.register("accidents", AccidentViewSet, basename="accident")
