from __future__ import annotations

from collections.abc import Iterator

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from apps.core import exports
from apps.core.pdf import render_pdf
from apps.core.selectors import as_int
from apps.org.models import SafetyOfficer
from apps.org.selectors import company_get
from apps.responsibility import policies, selectors
from apps.responsibility.models import LetterLevel, LetterStatus, MeetingLevel


class ResponsibilityExporter(exports.Exporter):
    policy = policies.can_export_responsibility

    @property
    def year(self) -> int:
        return as_int(self.params.get("year")) or timezone.localdate().year


def objective_header():
    return [
        _("Objective"),
        _("Direction"),
        _("Target"),
        _("Unit"),
        _("Actual"),
        _("Source"),
        _("Met"),
        _("Department"),
        _("Department target"),
        _("Department actual"),
        _("Department met"),
        _("Year-end assessment"),
    ]


def objective_table(rows, assessments=()) -> list[list]:
    def yes_no(value):
        return "" if value is None else str(_("Yes") if value else _("No"))

    status = {a.department_id: str(a.get_status_display()) for a in assessments}
    table = []
    for r in rows:
        o = r.objective
        head = [
            o.name,
            str(o.get_direction_display()),
            o.target,
            o.unit,
            r.actual,
            str(_("live") if r.live else _("entered")),
            yes_no(r.met),
        ]
        if not r.targets:
            table.append(head + ["", None, None, "", ""])
        for t in r.targets:
            table.append(head + [t.department.name, t.target, t.actual, yes_no(t.met), status.get(t.department_id, "")])
    return table


@exports.register
class ObjectivesExporter(ResponsibilityExporter):
    """Objectives, their split and their assessment."""

    kind = "responsibility.objectives"
    title = _("Safety objectives and assessment")

    def header(self):
        return objective_header()

    def rows(self) -> Iterator[list]:
        assessments = selectors.assessment_list(user=self.user, year=self.year)
        yield from objective_table(selectors.objective_rows(year=self.year, user=self.user), assessments)


@exports.register
class ObjectivesPdfExporter(ResponsibilityExporter, exports.PdfExporter):
    """The year's objectives document."""

    kind = "responsibility.objectives_pdf"
    title = _("Safety objectives document")

    def render(self, progress=None) -> bytes:
        year = self.year
        return render_pdf(
            "pdf/responsibility/objectives.html",
            {
                "title": self.title,
                "company": company_get(),
                "year": year,
                "rows": selectors.objective_rows(year=year, user=self.user),
                "assessments": selectors.assessment_list(user=self.user, year=year),
                "generated_at": timezone.localtime(),
                "today": timezone.localdate(),
            },
        )


@exports.register
class LettersExporter(ResponsibilityExporter, exports.TableExporter):
    """Letter-signing register (责任书签订台账)."""

    kind = "responsibility.letters"
    title = _("Responsibility letter register")
    read_values = True
    chunk_size = 5000
    columns = [
        exports.Column(_("Year"), "year"),
        exports.Column(_("Level"), "level", choices=LetterLevel),
        exports.Column(_("Department"), "department__name"),
        exports.Column(_("Issued by"), "issuer__name"),
        exports.Column(pgettext_lazy("letter", "Holder"), "holder__name"),
        exports.Column(_("Employee number"), "holder__employee_no"),
        exports.Column(_("Sign by"), "sign_by"),
        exports.Column(_("Status"), "status", choices=LetterStatus),
    ]

    def queryset(self):
        return selectors.letter_list(user=self.user, filters={**self.params, "year": self.year})


@exports.register
class OfficersExporter(ResponsibilityExporter, exports.TableExporter):
    kind = "responsibility.officers"
    title = _("Safety officer list")
    columns = [
        exports.Column(_("Employee number"), "employee_no"),
        exports.Column(_("Name"), "name"),
        exports.Column(_("Department"), "department__name"),
        exports.Column(_("Kind"), "safety_officer", choices=SafetyOfficer),
        exports.Column(_("Phone"), "phone"),
    ]

    def queryset(self):
        return selectors.officer_list(user=self.user)


@exports.register
class MeetingsExporter(ResponsibilityExporter, exports.TableExporter):
    kind = "responsibility.meetings"
    title = _("Safety meeting register")
    columns = [
        exports.Column(_("Level"), "level", choices=MeetingLevel),
        exports.Column(_("Unit"), "department__name"),
        exports.Column(_("Title"), "title"),
        exports.Column(_("Scheduled for"), "scheduled_on"),
        exports.Column(_("Held on"), "held_on"),
        exports.Column(_("Place"), "place"),
        exports.Column(_("Chaired by"), "chair__name", show=lambda name: name or ""),
        exports.Column(_("Attendees"), "attendee_count"),
        exports.Column(_("Decisions"), "decision_count"),
        exports.Column(_("Minutes"), "minutes"),
    ]
    selector = selectors.meeting_list
