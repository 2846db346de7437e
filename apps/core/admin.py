from django.contrib import admin

from apps.core.models import Attachment, GeneratedFile


class ViewOnly:
    """An admin (or inline) that shows its records and never adds, changes or deletes them: such
    records change only through the app's services, which keep their rules and history."""

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Attachment)
class AttachmentAdmin(admin.ModelAdmin):
    list_display = ["original_name", "content_type", "object_id", "size", "uploaded_by", "created_at"]
    list_select_related = ["content_type", "uploaded_by"]
    search_fields = ["original_name", "caption"]


@admin.register(GeneratedFile)
class GeneratedFileAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "status", "progress", "created_by", "created_at"]
    list_filter = ["status", "kind"]
    list_select_related = ["created_by"]
