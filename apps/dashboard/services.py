"""The monthly safety report sent to leadership."""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from apps.core.models import GeneratedFile, GeneratedFileStatus
from apps.core.services import export_run
from apps.dashboard.exporters import MonthlyReportExporter
from apps.org.models import Role

logger = logging.getLogger(__name__)


def report_recipients():
    """Active leadership and safety managers with an email address."""
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__name__in=[Role.LEADERSHIP, Role.SAFETY_MANAGER])
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )


def _author():
    """Whom a scheduled report is generated as: someone who sees the whole company."""
    users = get_user_model().objects.filter(is_active=True)
    return (
        users.filter(groups__name=Role.LEADERSHIP).order_by("pk").first()
        or users.filter(Q(is_superuser=True) | Q(groups__name=Role.SAFETY_MANAGER)).order_by("pk").first()
    )


def monthly_report_send(*, today: dt.date | None = None) -> GeneratedFile | None:
    """Generate last month's report once and email it. Running again the same month does
    nothing; a failed generation is kept (with its error) and retried by the next run."""
    today = today or timezone.localdate()
    month = MonthlyReportExporter.default_month(today)
    if GeneratedFile.objects.filter(
        kind=MonthlyReportExporter.kind, params__month=month, params__scheduled=True, status=GeneratedFileStatus.DONE
    ).exists():
        return None
    author = _author()
    if author is None:
        logger.warning("No one to generate the monthly report as")
        return None
    generated = GeneratedFile.objects.create(
        kind=MonthlyReportExporter.kind,
        title=str(MonthlyReportExporter.title),
        params={"month": month, "scheduled": True},
        created_by=author,
        language=settings.LANGUAGE_CODE,
    )
    generated = export_run(generated_file_id=generated.pk)
    if generated.status != GeneratedFileStatus.DONE:
        return generated
    recipients = [u.email for u in report_recipients()]
    if recipients:
        with translation.override(generated.language):
            subject = _("Monthly safety report %(month)s") % {"month": month}
            body = _("The monthly safety report for %(month)s is attached.") % {"month": month}
        message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, bcc=recipients)
        with generated.file.open("rb") as handle:
            message.attach(generated.file.name.rsplit("/", 1)[-1], handle.read(), "application/pdf")
        message.send(fail_silently=True)
    return generated
