from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from apps.core.admin import ViewOnly
from apps.workflow.models import Notification, SignOff, Task


class SignOffInline(ViewOnly, admin.TabularInline):
    model = SignOff
    extra = 0
    can_delete = False
    readonly_fields = ["signer", "decision", "comment", "signed_at"]


@admin.register(Task)
class TaskAdmin(ViewOnly, SimpleHistoryAdmin):
    """Tasks change only through the workflow's services (status, scope, reminders); they carry
    sign-offs and audit history and are never deleted."""

    list_display = ["title", "department", "assignee", "due_date", "status", "priority"]
    list_filter = ["status", "priority"]
    list_select_related = ["department", "assignee"]
    search_fields = ["search_text"]  # title and description in every language
    readonly_fields = ["status", "submitted_by", "submitted_at", "closed_at", "escalated_at"]
    raw_id_fields = ["assignee", "created_by"]
    inlines = [SignOffInline]


@admin.register(SignOff)
class SignOffAdmin(ViewOnly, admin.ModelAdmin):
    """View only: no one, superusers included, adds, changes or deletes a sign-off here."""

    list_display = ["task", "signer", "decision", "signed_at"]
    list_filter = ["decision"]
    list_select_related = ["task", "signer"]


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["recipient", "message", "read_at", "created_at"]
    list_select_related = ["recipient"]
