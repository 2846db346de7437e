from django.contrib import admin
from guardian.admin import GuardedModelAdmin
from simple_history.admin import SimpleHistoryAdmin

from apps.org.models import Company, Department, Employee, Position


@admin.register(Company)
class CompanyAdmin(SimpleHistoryAdmin):
    list_display = ["name", "credit_code", "industry", "is_high_risk", "head_count"]


@admin.register(Department)
class DepartmentAdmin(GuardedModelAdmin, SimpleHistoryAdmin):
    list_display = ["name", "code", "kind", "parent", "is_active"]
    list_filter = ["kind", "is_active"]
    list_select_related = ["parent"]
    search_fields = ["name", "code"]
    readonly_fields = ["path", "parent", "kind"]

    def has_add_permission(self, request) -> bool:
        # The tree's paths are kept by the services: create units in the app's own pages.
        return False


@admin.register(Position)
class PositionAdmin(SimpleHistoryAdmin):
    list_display = ["name", "is_high_risk"]
    search_fields = ["name"]


@admin.register(Employee)
class EmployeeAdmin(SimpleHistoryAdmin):
    list_display = ["employee_no", "name", "department", "position", "employment_type", "is_active"]
    list_filter = ["employment_type", "is_active", "is_safety_manager", "safety_officer"]
    list_select_related = ["department", "position"]
    search_fields = ["employee_no", "name", "phone"]
    raw_id_fields = ["user"]
