"""Who reads the dashboard, its company figures and the monthly reports.

Department heads read the dashboard for the departments they head; safety managers and
leadership read it for the whole company, with the company figures on top, and read and export
the monthly safety reports."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from apps.org.policy import Decision, allow_if, reads_org, sees_everything

can_read_dashboard = reads_org  # the department rows are kept to the viewer's scope
can_read_company_figures = sees_everything
can_read_reports = sees_everything


def can_export_report(user, obj=None) -> Decision:
    """The monthly safety report covers the whole company."""
    return allow_if(bool(sees_everything(user)), _("Only safety managers and leadership export the monthly report."))
