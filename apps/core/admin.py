from django.contrib import admin

from apps.core.models import Attachment, GeneratedFile


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
