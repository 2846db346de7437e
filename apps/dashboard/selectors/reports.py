"""The monthly safety reports kept."""

from __future__ import annotations

from django.db.models import QuerySet

from apps.core.models import GeneratedFile, GeneratedFileStatus


def monthly_reports(*, ready: bool = False) -> QuerySet[GeneratedFile]:
    """The monthly safety reports kept, newest first; `ready`: only those with their file."""
    from apps.dashboard.exporters import MonthlyReportExporter

    qs = GeneratedFile.objects.filter(kind=MonthlyReportExporter.kind).select_related("created_by")
    if ready:
        qs = qs.filter(status=GeneratedFileStatus.DONE).exclude(file="")
    return qs.order_by("-created_at")
