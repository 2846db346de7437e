from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from apps.responsibility.models import (
    AppointmentDocument,
    DutyDocument,
    LetterSignature,
    LetterTemplate,
    Meeting,
    Objective,
    ResponsibilityLetter,
    SafetyBody,
)

for model in (Objective, DutyDocument, LetterTemplate, AppointmentDocument, SafetyBody, Meeting):
    admin.site.register(model, SimpleHistoryAdmin)


@admin.register(ResponsibilityLetter)
class ResponsibilityLetterAdmin(SimpleHistoryAdmin):
    """Letters are issued and signed in the app; their status follows the signatures."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(LetterSignature)
class LetterSignatureAdmin(admin.ModelAdmin):
    """Signatures are read-only: never added, changed or deleted here."""

    list_display = ["letter", "side", "signer", "signed_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
