from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from apps.training.models import (
    Certificate,
    CertificateType,
    Course,
    RuleSet,
    RuleSetRow,
    TrainingPlan,
    TrainingSession,
)


class RuleSetRowInline(admin.TabularInline):
    model = RuleSetRow
    extra = 0


@admin.register(RuleSet)
class RuleSetAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name"]
    inlines = [RuleSetRowInline]


@admin.register(CertificateType)
class CertificateTypeAdmin(admin.ModelAdmin):
    list_display = ["kind", "code", "category_name", "name"]
    list_filter = ["kind"]
    search_fields = ["code", "name", "category_name"]


@admin.register(Course)
class CourseAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name", "level", "hours", "is_active"]
    search_fields = ["code", "name"]


@admin.register(TrainingSession)
class TrainingSessionAdmin(SimpleHistoryAdmin):
    list_display = ["course", "department", "level", "start_date", "hours", "trainer"]
    list_filter = ["level"]
    list_select_related = ["course", "department"]
    raw_id_fields = ["plan_item"]

    def has_change_permission(self, request, obj=None) -> bool:
        # Attendance copies the session's date and level: change sessions in the app's pages.
        return False


@admin.register(Certificate)
class CertificateAdmin(SimpleHistoryAdmin):
    list_display = ["number", "type", "holder", "issued_on", "valid_until", "next_review_on"]
    list_filter = ["kind"]
    list_select_related = ["type", "holder"]
    search_fields = ["number", "holder__name"]
    raw_id_fields = ["holder"]


@admin.register(TrainingPlan)
class TrainingPlanAdmin(SimpleHistoryAdmin):
    list_display = ["title", "department", "year", "status"]
    list_filter = ["status", "year"]
    readonly_fields = ["status", "approval_task", "approved_at"]

    def has_change_permission(self, request, obj=None) -> bool:
        # Plans are approved through the workflow's sign-off, not edited here.
        return False
