from __future__ import annotations

from collections.abc import Iterator

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.core import exports
from apps.core.pdf import render_pdf
from apps.core.selectors import as_int
from apps.emergency import policies, selectors
from apps.emergency.models import DrillKind, SupplyKind
from apps.org.selectors import company_get


class EmergencyExporter(exports.Exporter):
    @classmethod
    def allowed(cls, user) -> bool:
        return bool(policies.can_read_emergency(user))


@exports.register
class DrillRegisterExporter(EmergencyExporter):
    """应急演练台账: every drill the user sees, with its evaluation and improvements."""

    kind = "emergency.drills"
    title = _("Drill register")

    def queryset(self):
        return selectors.drill_list(user=self.user, filters=self.params)

    def count(self) -> int:
        return self.queryset().count()

    def header(self):
        return [
            _("Held on"),
            _("Plan number"),
            _("Plan drilled"),
            _("Scenario"),
            _("Kind"),
            _("Department"),
            _("Duration (minutes)"),
            _("Number of participants"),
            _("Due by"),
            _("On time"),
            _("Evaluated on"),
            _("Problems found"),
            _("Improvements"),
        ]

    def rows(self) -> Iterator[list]:
        kinds = {k: str(v) for k, v in DrillKind.choices}
        yes, no = str(_("Yes")), str(_("No"))
        rows = self.queryset().values_list(
            "held_on",
            "plan__code",
            "plan__title",
            "scenario",
            "kind",
            "department__name",
            "duration_minutes",
            "participant_count",
            "due_on",
            "evaluated_on",
            "problems_found",
            "improvement_count",
        )
        for row in rows.iterator(chunk_size=2000):
            row = list(row)
            row[4] = kinds.get(row[4], row[4])
            on_time = "" if row[8] is None else (yes if row[0] <= row[8] else no)
            row.insert(9, on_time)
            yield row


@exports.register
class SupplyRegisterExporter(EmergencyExporter):
    """应急物资装备台账."""

    kind = "emergency.supplies"
    title = _("Emergency supplies register")

    def queryset(self):
        return selectors.supply_list(user=self.user, filters=self.params)

    def count(self) -> int:
        return self.queryset().count()

    def header(self):
        return [
            _("Name"),
            _("Type"),
            _("Specification"),
            _("Location"),
            _("Department"),
            _("Quantity"),
            _("Required quantity"),
            _("Unit"),
            _("Expires on"),
            _("Last checked on"),
            _("Next check due"),
            _("Flags"),
        ]

    def rows(self) -> Iterator[list]:
        kinds = {k: str(v) for k, v in SupplyKind.choices}
        today = timezone.localdate()
        expired, missing, check = str(_("Expired")), str(_("Missing")), str(_("Check overdue"))
        rows = self.queryset().values_list(
            "name",
            "kind",
            "specification",
            "location",
            "department__name",
            "quantity",
            "required_quantity",
            "unit",
            "expires_on",
            "last_checked_on",
            "next_check_due",
        )
        for row in rows.iterator(chunk_size=2000):
            row = list(row)
            row[1] = kinds.get(row[1], row[1])
            flags = []
            if row[8] is not None and row[8] < today:
                flags.append(expired)
            if row[5] < row[6]:
                flags.append(missing)
            if row[10] is not None and row[10] < today:
                flags.append(check)
            row.append(", ".join(flags))
            yield row


@exports.register
class DrillReportExporter(EmergencyExporter):
    """演练评估报告 of one drill (params: drill=<id>)."""

    kind = "emergency.drill_report"
    title = _("Drill evaluation report")
    extension = "pdf"
    content_type = "application/pdf"

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
