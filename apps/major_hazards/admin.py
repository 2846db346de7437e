from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from apps.major_hazards.models import (
    HazardCategory,
    Identification,
    InventoryItem,
    MeasureCheck,
    MonitoringMeasure,
    RegisterEntry,
    SafetyAssessment,
    Substance,
    Unit,
)


@admin.register(Substance)
class SubstanceAdmin(admin.ModelAdmin):
    list_display = ["seq", "name", "aliases", "cas", "critical_quantity", "beta"]
    search_fields = ["name", "aliases", "cas"]


@admin.register(HazardCategory)
class HazardCategoryAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "critical_quantity", "beta"]


@admin.register(Unit)
class UnitAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name", "unit_kind", "department", "exposed_people", "is_active"]
    search_fields = ["code", "name"]
    raw_id_fields = [
        "department",
        "responsible",
        "technical_responsible",
        "operational_responsible",
    ]


@admin.register(Identification)
class IdentificationAdmin(admin.ModelAdmin):
    """Identifications are records: read-only here."""

    list_display = ["unit", "identified_on", "s", "is_major", "r", "level"]

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_add_permission(self, request) -> bool:
        return False


admin.site.register([InventoryItem, RegisterEntry, SafetyAssessment, MonitoringMeasure],
                    SimpleHistoryAdmin)  # fmt: skip
admin.site.register(MeasureCheck)
