from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from apps.accidents.models import Accident, AccidentType, Lesson, ManHours, Person


@admin.register(AccidentType)
class AccidentTypeAdmin(admin.ModelAdmin):
    list_display = ["edition", "code", "name", "name_en"]
    list_filter = ["edition"]


@admin.register(Accident)
class AccidentAdmin(SimpleHistoryAdmin):
    list_display = ["code", "title", "occurred_at", "department", "grade", "status"]
    list_filter = ["grade", "status", "is_near_miss"]
    search_fields = ["code", "title"]
    raw_id_fields = ["department", "accident_type"]
    # Grades follow the casualty figures through the services; the admin only reads them.
    readonly_fields = ["grade", "deaths", "serious_injuries", "minor_injuries"]


admin.site.register([Person, Lesson, ManHours], SimpleHistoryAdmin)
