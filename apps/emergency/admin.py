from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from apps.emergency.models import (
    Drill,
    DrillPlan,
    DrillPlanItem,
    Evaluation,
    Improvement,
    Plan,
    Supply,
    SupplyCheck,
    Team,
    TeamMember,
)


@admin.register(Plan)
class PlanAdmin(SimpleHistoryAdmin):
    list_display = ["code", "title", "kind", "version", "department", "filed_on", "next_drill_due"]
    list_filter = ["kind", "is_active"]
    search_fields = ["code", "title"]
    raw_id_fields = ["department", "owner"]


@admin.register(Drill)
class DrillAdmin(SimpleHistoryAdmin):
    list_display = ["held_on", "plan", "scenario", "kind", "department"]
    list_filter = ["kind"]
    raw_id_fields = ["plan", "department", "recorded_by"]


admin.site.register([Evaluation, Team, TeamMember, Supply, DrillPlan], SimpleHistoryAdmin)
admin.site.register([SupplyCheck, DrillPlanItem, Improvement])
