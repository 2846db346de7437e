from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from apps.equipment.models import Equipment, MaintenancePlan, Project, Record, SafetyDevice, SpecialEquipmentType


@admin.register(SpecialEquipmentType)
class SpecialEquipmentTypeAdmin(admin.ModelAdmin):
    list_display = ["code", "category", "name", "interval_months"]


@admin.register(Equipment)
class EquipmentAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name", "department", "special_type", "status", "next_inspection_due"]
    list_filter = ["status"]
    search_fields = ["code", "name"]
    raw_id_fields = ["department", "owner", "special_type"]


admin.site.register([SafetyDevice, MaintenancePlan, Record, Project], SimpleHistoryAdmin)
