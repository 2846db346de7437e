from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from apps.core.admin import ViewOnly
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


class ReadOnlyAdmin(ViewOnly, admin.ModelAdmin):
    """The GB 18218 tables are the standard's: the identification reads the same CSV files, so
    they are not edited here."""


@admin.register(Substance)
class SubstanceAdmin(ReadOnlyAdmin):
    list_display = ["seq", "name", "aliases", "cas", "critical_quantity", "beta"]
    search_fields = ["name", "aliases", "cas"]


@admin.register(HazardCategory)
class HazardCategoryAdmin(ReadOnlyAdmin):
    list_display = ["code", "name", "critical_quantity", "beta"]


class RecordAdmin(ReadOnlyAdmin, SimpleHistoryAdmin):
    """Seen here, changed only through the app: every change of an inventory identifies the unit
    again, and checks are kept as they were done."""


@admin.register(Unit)
class UnitAdmin(SimpleHistoryAdmin):
    """The people exposed set α: they are changed in the app, which identifies the unit again."""

    list_display = ["code", "name", "unit_kind", "department", "exposed_people", "is_active"]
    search_fields = ["code", "name"]
    readonly_fields = ["exposed_people"]
    raw_id_fields = ["department", "responsible", "technical_responsible", "operational_responsible"]

    def has_add_permission(self, request) -> bool:
        return False  # a new unit is added in the app

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(InventoryItem)
class InventoryItemAdmin(RecordAdmin):
    list_display = ["unit", "substance", "chemical_name", "categories", "max_quantity"]
    search_fields = ["unit__code", "chemical_name", "substance__name"]


@admin.register(Identification)
class IdentificationAdmin(ReadOnlyAdmin):
    """Identifications are records, never changed."""

    list_display = ["unit", "identified_on", "s", "is_major", "r", "level"]


@admin.register(MeasureCheck)
class MeasureCheckAdmin(ReadOnlyAdmin):
    """Checks are records, never changed."""

    list_display = ["measure", "checked_on", "check_result", "checked_by"]


admin.site.register([RegisterEntry, SafetyAssessment, MonitoringMeasure], SimpleHistoryAdmin)
