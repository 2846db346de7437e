from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.core import exports
from apps.core.pdf import render_pdf
from apps.core.selectors import as_int
from apps.emergency import policies, selectors
from apps.emergency.models import DrillKind, SupplyKind
from apps.org.selectors import company_get


def _on_time(held_on, due_on) -> str:
    return "" if due_on is None else exports.yes_no(held_on <= due_on)


def _supply_flags(expires_on, quantity, required_quantity, next_check_due) -> str:
    today = timezone.localdate()
    flags = []
    if expires_on is not None and expires_on < today:
        flags.append(_("Expired"))
    if quantity < required_quantity:
        flags.append(_("Missing"))
    if next_check_due is not None and next_check_due < today:
        flags.append(_("Check overdue"))
    return ", ".join(str(flag) for flag in flags)


@exports.register
class DrillRegisterExporter(exports.TableExporter):
    """应急演练台账: every drill the user sees, with its evaluation and improvements."""

    kind = "emergency.drills"
    title = _("Drill register")
    policy = policies.can_read_emergency
    read_values = True
    columns = [
        exports.Column(_("Held on"), "held_on"),
        exports.Column(_("Plan number"), "plan__code"),
        exports.Column(_("Plan drilled"), "plan__title"),
        exports.Column(_("Scenario"), "scenario"),
        exports.Column(_("Kind"), "kind", choices=DrillKind),
        exports.Column(_("Department"), "department__name"),
        exports.Column(_("Duration (minutes)"), "duration_minutes"),
        exports.Column(_("Number of participants"), "participant_count"),
        exports.Column(_("Due by"), "due_on"),
        exports.Column(_("On time"), "held_on", "due_on", show=_on_time),
        exports.Column(_("Evaluated on"), "evaluated_on"),
        exports.Column(_("Problems found"), "problems_found"),
        exports.Column(_("Improvements"), "improvement_count"),
    ]
    selector = selectors.drill_list


@exports.register
class SupplyRegisterExporter(exports.TableExporter):
    """应急物资装备台账."""

    kind = "emergency.supplies"
    title = _("Emergency supplies register")
    policy = policies.can_read_emergency
    read_values = True
    columns = [
        exports.Column(_("Name"), "name"),
        exports.Column(_("Type"), "kind", choices=SupplyKind),
        exports.Column(_("Specification"), "specification"),
        exports.Column(_("Location"), "location"),
        exports.Column(_("Department"), "department__name"),
        exports.Column(_("Quantity"), "quantity"),
        exports.Column(_("Required quantity"), "required_quantity"),
        exports.Column(_("Unit"), "unit"),
        exports.Column(_("Expires on"), "expires_on"),
        exports.Column(_("Last checked on"), "last_checked_on"),
        exports.Column(_("Next check due"), "next_check_due"),
        exports.Column(_("Flags"), "expires_on", "quantity", "required_quantity", "next_check_due", show=_supply_flags),
    ]
    selector = selectors.supply_list


@exports.register
class DrillReportExporter(exports.PdfExporter):
    """演练评估报告 of one drill (params: drill=<id>)."""

    kind = "emergency.drill_report"
    title = _("Drill evaluation report")
    policy = policies.can_read_emergency

    def render(self, progress=None) -> bytes:
        drill = selectors.drill_get(user=self.user, pk=as_int(self.params.get("drill")) or 0)
        return drill_report_pdf(drill=drill, title=self.title)


def drill_report_pdf(*, drill, title) -> bytes:
    return render_pdf(
        "pdf/emergency/drill_report.html",
        {
            "title": title,
            "company": company_get(),
            "drill": drill,
            "improvements": drill.improvements.select_related("department", "task"),
            "generated_at": timezone.localtime(),
        },
    )
