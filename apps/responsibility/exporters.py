from __future__ import annotations

from collections.abc import Iterator

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from apps.core import exports
from apps.core.pdf import render_pdf
from apps.core.selectors import as_int
from apps.org.selectors import company_get
from apps.responsibility import policies, selectors
from apps.responsibility.models import LetterLevel, LetterStatus, MeetingLevel


class ResponsibilityExporter(exports.Exporter):
    @classmethod
    def allowed(cls, user) -> bool:
        return bool(policies.can_export_responsibility(user))

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
class ObjectivesPdfExporter(ResponsibilityExporter):
    """The year's objectives document."""

    kind = "responsibility.objectives_pdf"
    title = _("Safety objectives document")
    extension = "pdf"
    content_type = "application/pdf"

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
class LettersExporter(ResponsibilityExporter):
    """Letter-signing register (责任书签订台账)."""

    kind = "responsibility.letters"
    title = _("Responsibility letter register")

    def header(self):
        return [
            _("Year"),
            _("Level"),
            _("Department"),
            _("Issued by"),
            pgettext_lazy("letter", "Holder"),
            _("Employee number"),
            _("Sign by"),
            _("Status"),
        ]

    def rows(self) -> Iterator[list]:
        levels = {k: str(v) for k, v in LetterLevel.choices}
        statuses = {k: str(v) for k, v in LetterStatus.choices}
        qs = selectors.letter_list(user=self.user, filters={**self.params, "year": self.year})
        for year, level, dept, issuer, holder, no, sign_by, status in qs.values_list(
            "year",
            "level",
            "department__name",
            "issuer__name",
            "holder__name",
            "holder__employee_no",
            "sign_by",
            "status",
        ).iterator(chunk_size=5000):
            yield [year, levels[level], dept, issuer, holder, no, sign_by, statuses[status]]


@exports.register
class OfficersExporter(ResponsibilityExporter):
    kind = "responsibility.officers"
    title = _("Safety officer list")

    def header(self):
        return [_("Employee number"), _("Name"), _("Department"), _("Kind"), _("Phone")]

    def rows(self) -> Iterator[list]:
        for e in selectors.officer_list(user=self.user):
            yield [e.employee_no, e.name, e.department.name, str(e.get_safety_officer_display()), e.phone]


@exports.register
class MeetingsExporter(ResponsibilityExporter):
    kind = "responsibility.meetings"
    title = _("Safety meeting register")

    def header(self):
        return [
            _("Level"),
            _("Unit"),
            _("Title"),
            _("Scheduled for"),
            _("Held on"),
            _("Place"),
            _("Chaired by"),
            _("Attendees"),
            _("Decisions"),
            _("Minutes"),
        ]

    def rows(self) -> Iterator[list]:
        levels = {k: str(v) for k, v in MeetingLevel.choices}
        for m in selectors.meeting_list(user=self.user, filters=self.params):
            yield [
                levels[m.level],
                m.department.name,
                m.title,
                m.scheduled_on,
                m.held_on,
                m.place,
                m.chair.name if m.chair else "",
                m.attendee_count,
                m.decision_count,
                m.minutes,
            ]
