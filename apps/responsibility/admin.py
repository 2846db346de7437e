from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from apps.core.admin import ViewOnly
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
class ResponsibilityLetterAdmin(ViewOnly, SimpleHistoryAdmin):
    """Letters are issued and signed in the app; their status follows the signatures."""


@admin.register(LetterSignature)
class LetterSignatureAdmin(ViewOnly, admin.ModelAdmin):
    """Signatures are read-only: never added, changed or deleted here."""

    list_display = ["letter", "side", "signer", "signed_at"]
