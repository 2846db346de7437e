"""The REST API router: every app's viewsets under /api/v1/."""

from rest_framework.routers import DefaultRouter

from apps.org.api import CompanyViewSet, DepartmentViewSet, EmployeeViewSet, PositionViewSet
from apps.workflow.api import NotificationViewSet, SignOffViewSet, TaskViewSet

router = DefaultRouter()
router.register("company", CompanyViewSet, basename="company")
router.register("departments", DepartmentViewSet, basename="department")
router.register("positions", PositionViewSet, basename="position")
router.register("employees", EmployeeViewSet, basename="employee")
router.register("tasks", TaskViewSet, basename="task")
router.register("signoffs", SignOffViewSet, basename="signoff")
router.register("notifications", NotificationViewSet, basename="notification")
