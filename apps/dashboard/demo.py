"""Demo: last month's safety report, so the reports page shows one (no email is sent)."""

from __future__ import annotations

from django.conf import settings
from django.utils import timezone

from apps.core.models import GeneratedFile
from apps.core.services import export_run
from apps.dashboard.exporters import MonthlyReportExporter


def load(context: dict) -> int:
    if GeneratedFile.objects.filter(kind=MonthlyReportExporter.kind).exists():
        return 0
    generated = GeneratedFile.objects.create(
        kind=MonthlyReportExporter.kind,
        title=str(MonthlyReportExporter.title),
        params={"month": MonthlyReportExporter.default_month(timezone.localdate()), "scheduled": True},
        created_by=context["users"]["lingdao"],
        language=settings.LANGUAGE_CODE,
    )
    export_run(generated_file_id=generated.pk)
    return 1
