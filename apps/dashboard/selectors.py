"""Everything the dashboard and the monthly report show, read in a fixed number of queries.

Company figures (the projected grade, overdue work from the evidence providers, accidents and
objectives) are for safety managers and leadership. Department figures (hazards, tasks,
training, certificates) are rolled up to the units under the chosen department, and department
heads see their own departments only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from apps.assessment.models import Assessment
from apps.core import recurrence
from apps.core.models import GeneratedFile, GeneratedFileStatus
from apps.core.numbers import percent
from apps.dashboard.projection import DONE, Projection, project
from apps.hazards.models import OPEN_STATUSES, Hazard, HazardStatus
from apps.hazards.selectors import overdue_q
from apps.org.access import access_for
from apps.org.models import Department, DepartmentKind
from apps.responsibility.selectors import objective_rows
from apps.scoring import live
from apps.training import selectors as training
from apps.training.models import Certificate
from apps.workflow.models import UNFINISHED_STATUSES, Task

CERTIFICATE_WINDOWS = (30, 60, 90)
TREND_MONTHS = 12

# Overdue work shown as figures, from the evidence providers: (indicator key, label).
OVERDUE = [
    ("hazards.overdue_count", gettext_lazy("Overdue hazards")),
    ("hazards.overdue_major", gettext_lazy("Overdue major hazards")),
    ("hazards.inspections_overdue", gettext_lazy("Planned inspections overdue")),
    ("equipment.overdue_count", gettext_lazy("Equipment inspections and maintenance overdue")),
    ("emergency.drills_due", gettext_lazy("Emergency drills overdue")),
    ("emergency.evaluations_overdue", gettext_lazy("Emergency plan evaluations overdue")),
    ("major_hazards.assessments_overdue", gettext_lazy("Major hazard source assessments overdue")),
]
RATES = [
    ("hazards.rectification_rate", gettext_lazy("Hazards rectified (12 months)")),
    ("hazards.rectified_on_time_rate", gettext_lazy("Hazards rectified on time (12 months)")),
    ("hazards.inspections_done_rate", gettext_lazy("Planned inspections done (12 months)")),
    ("training.annual_hours_compliance", gettext_lazy("Staff meeting their training hours")),
    ("training.certificates_valid_rate", gettext_lazy("Certificates in date")),
    ("equipment.inspections_on_time_rate", gettext_lazy("Equipment inspected on time")),
    ("emergency.plans_filed_rate", gettext_lazy("Emergency plans filed")),
    ("emergency.supplies_in_date_rate", gettext_lazy("Emergency supplies in date")),
    ("major_hazards.registered_rate", gettext_lazy("Major hazard sources registered")),
    ("accidents.reported_on_time_rate", gettext_lazy("Accidents reported on time")),
]
ACCIDENTS = [
    ("accidents.count_ytd", gettext_lazy("Accidents this year")),
    ("accidents.deaths_ytd", gettext_lazy("Deaths this year")),
    ("accidents.serious_injuries_ytd", gettext_lazy("Serious injuries this year")),
    ("accidents.direct_loss_ytd", gettext_lazy("Direct economic loss this year")),
    ("accidents.trir_ytd", gettext_lazy("TRIR this year")),
    ("accidents.ltifr_ytd", gettext_lazy("LTIFR this year")),
    ("accidents.fatalities_12m", gettext_lazy("Deaths in the last 12 months")),
]


@dataclass
class Unit:
    """A row of the department figures: a department and everything below it."""

    id: int
    name: str
    path: str
    direct_only: bool = False  # the chosen department's own records, not its sub-units
    hazards_open: int = 0
    hazards_overdue: int = 0
    tasks_open: int = 0
    tasks_overdue: int = 0
    people: int = 0
    hours_ok: int = 0

    @property
    def hours_rate(self) -> Decimal | None:
        return percent(self.hours_ok, self.people)

    def link(self, url_name: str, **params) -> str:
        """The list behind a figure of this row: the department's own records only on the
        row of the chosen department itself, its whole subtree on the other rows."""
        scope = {"department": self.id, **({"direct": "1"} if self.direct_only else {})}
        return f"{reverse(url_name)}?{urlencode({**scope, **params})}"

    @property
    def hazards_open_url(self) -> str:
        return self.link("hazards:list", status="open")

    @property
    def hazards_overdue_url(self) -> str:
        return self.link("hazards:list", overdue="1")

    @property
    def tasks_open_url(self) -> str:
        return self.link("workflow:task_list", status="unfinished")

    @property
    def tasks_overdue_url(self) -> str:
        return self.link("workflow:task_list", overdue="1")

    @property
    def training_url(self) -> str:
        return self.link("training:compliance")


@dataclass
class Figure:
    key: str
    label: str
    value: object  # None: the app keeps no data yet
    unit: str = ""
    target: object = None
    ok: bool | None = None
    url: str = ""
    available: bool = True  # False: no app provides it


@dataclass
class MonthRate:
    month: dt.date
    found: int
    closed: int
    department_id: int | None = None

    @property
    def rate(self) -> Decimal | None:
        return percent(self.closed, self.found)

    @property
    def url(self) -> str:
        """The hazards found in the month (in the chosen department)."""
        last = recurrence.month_end(self.month.year, self.month.month)
        params = {"from": self.month.isoformat(), "to": last.isoformat()}
        if self.department_id:
            params["department"] = self.department_id
        return f"{reverse('hazards:list')}?{urlencode(params)}"


@dataclass
class Dashboard:
    as_of: dt.date
    computed_at: dt.datetime  # the oldest figure on the page was computed then
    company: bool  # the viewer sees company figures
    department: Department | None
    departments: list[Department]  # the filter's choices
    units: list[Unit] = field(default_factory=list)
    projection: Projection | None = None
    history: list[Assessment] = field(default_factory=list)
    overdue: list[Figure] = field(default_factory=list)
    rates: list[Figure] = field(default_factory=list)
    accidents: list[Figure] = field(default_factory=list)
    objectives: list = field(default_factory=list)
    rectification: list[MonthRate] = field(default_factory=list)
    certificates: list[Figure] = field(default_factory=list)

    @property
    def totals(self) -> Unit:
        total = Unit(0, _("Total"), "")
        for unit in self.units:
            for name in (
                "hazards_open",
                "hazards_overdue",
                "tasks_open",
                "tasks_overdue",
                "people",
                "hours_ok",
            ):
                setattr(total, name, getattr(total, name) + getattr(unit, name))
        return total


def _figure(indicators: dict, key: str, label) -> Figure:
    """The indicator as its app labels it, or our label and "no data" when no app provides it."""
    found = indicators.get(key)
    if found is None:
        return Figure(key, str(label), None, available=False)
    return Figure(key, str(found.label), found.value, found.unit, found.target, found.ok, found.url)


def _scope(user, department_id: int | None):
    """The departments the viewer may pick, the anchor chosen and the rows under it."""
    access = access_for(user)
    every = list(Department.objects.only("id", "name", "path", "parent_id", "kind", "is_active"))
    if not access.sees_everything:
        every = [d for d in every if d.pk in access.headed_department_ids]
    # Closed units are not offered in the filter, but their records still count in a row.
    departments = [d for d in every if d.is_active]
    by_id = {d.pk: d for d in departments}
    chosen = by_id.get(department_id) if department_id else None
    if chosen is not None:
        anchors = [chosen]
    elif access.sees_everything:
        anchors = [d for d in departments if d.parent_id is None]
    else:
        anchors = [d for d in departments if d.parent_id not in by_id]
    units = []
    for anchor in anchors:
        children = [d for d in every if d.parent_id == anchor.pk]
        if children and (chosen is not None or anchor.kind == DepartmentKind.COMPANY):
            units.append(Unit(anchor.pk, anchor.name, anchor.path, direct_only=True))
            units += [
                Unit(
                    d.pk,
                    d.name if d.is_active else _("%(name)s (closed)") % {"name": d.name},
                    d.path,
                )
                for d in children
            ]
        else:
            units.append(Unit(anchor.pk, anchor.name, anchor.path))
    return access, departments, chosen, units


def _assign(units: list[Unit]):
    """A function mapping a department path to its row (None outside the rows)."""
    exact = {u.path: u for u in units if u.direct_only}
    prefixes = sorted((u for u in units if not u.direct_only), key=lambda u: -len(u.path))
    seen: dict[str, Unit | None] = {}

    def unit_of(path: str) -> Unit | None:
        if path not in seen:
            seen[path] = exact.get(path) or next(
                (u for u in prefixes if path.startswith(u.path)), None
            )
        return seen[path]

    return unit_of


def _within(units: list[Unit], field_name: str) -> Q:
    """Records of the rows' departments (every record when a row is the whole company)."""
    if any(u.path.count("/") == 2 for u in units):
        return Q()
    q = Q()
    for unit in units:
        q |= Q(**{f"{field_name}__path__startswith": unit.path})
    return q


def _hazard_figures(units: list[Unit], as_of: dt.date) -> dict:
    """Open and overdue hazards per department path, and found/closed per month: two queries."""
    within = _within(units, "department")
    per_path = {
        row["department__path"]: (row["open"], row["overdue"])
        for row in Hazard.objects.filter(within, status__in=OPEN_STATUSES)
        .values("department__path")
        .annotate(open=Count("pk"), overdue=Count("pk", filter=overdue_q(as_of)))
    }
    start = recurrence.add_months(as_of.replace(day=1), -(TREND_MONTHS - 1))
    months = [recurrence.add_months(start, i) for i in range(TREND_MONTHS)]
    counts = {m: [0, 0] for m in months}
    # Grouped by day (an index range, no date functions), bucketed into months here.
    for row in (
        Hazard.objects.filter(within, found_on__gte=start, found_on__lte=as_of)
        .values("found_on")
        .annotate(found=Count("pk"), closed=Count("pk", filter=Q(status=HazardStatus.CLOSED)))
    ):
        bucket = counts[row["found_on"].replace(day=1)]
        bucket[0] += row["found"]
        bucket[1] += row["closed"]
    trend = [(m, counts[m][0], counts[m][1]) for m in months]
    return {"per_path": per_path, "months": trend}


def _task_figures(units: list[Unit], as_of: dt.date) -> dict:
    """Unfinished and overdue tasks per department path: one query."""
    return {
        row["department__path"]: (row["open"], row["overdue"])
        for row in Task.objects.filter(_within(units, "department"), status__in=UNFINISHED_STATUSES)
        .values("department__path")
        .annotate(open=Count("pk"), overdue=Count("pk", filter=Q(due_date__lt=as_of)))
    }


def _certificate_figures(units: list[Unit], as_of: dt.date) -> dict:
    """Certificates of active people expiring within each window: one query."""
    return Certificate.objects.filter(
        _within(units, "holder__department"),
        holder__is_active=True,
        valid_until__gte=as_of,
        valid_until__lte=as_of + dt.timedelta(days=max(CERTIFICATE_WINDOWS)),
    ).aggregate(
        **{
            f"d{days}": Count("pk", filter=Q(valid_until__lte=as_of + dt.timedelta(days=days)))
            for days in CERTIFICATE_WINDOWS
        }
    )


def dashboard(*, user, department_id: int | None = None, as_of: dt.date) -> Dashboard:
    access, departments, chosen, units = _scope(user, department_id)
    scope = (
        f"{as_of.isoformat()}:{','.join(u.path + ('=' if u.direct_only else '*') for u in units)}"
    )
    computed = []

    def memo(name: str, app: str, compute, empty):
        """A department figure, cached until a record of `app` changes; nothing without rows."""
        if not units:
            return empty
        value, at = live.memo(f"dashboard.{name}:{scope}", apps=(app,), compute=compute)
        computed.append(at)
        return value

    hazards = memo(
        "hazards", "hazards", lambda: _hazard_figures(units, as_of), {"per_path": {}, "months": []}
    )
    tasks = memo("tasks", "workflow", lambda: _task_figures(units, as_of), {})
    certificates = memo("certificates", "training", lambda: _certificate_figures(units, as_of), {})
    unit_of = _assign(units)
    for path, (open_count, overdue) in hazards["per_path"].items():
        if unit := unit_of(path):
            unit.hazards_open += open_count
            unit.hazards_overdue += overdue
    for path, (open_count, overdue) in tasks.items():
        if unit := unit_of(path):
            unit.tasks_open += open_count
            unit.tasks_overdue += overdue
    if units:
        counts, at = training.compliance_by_path(as_of=as_of)
        computed.append(at)
        for path, (people, hours_ok, _induction_ok) in counts.items():
            if unit := unit_of(path):
                unit.people += people
                unit.hours_ok += hours_ok
    board = Dashboard(
        as_of=as_of,
        computed_at=min(computed, default=timezone.now()),
        company=access.sees_everything,
        department=chosen,
        departments=departments,
        units=units,
        rectification=[
            MonthRate(m, found, closed, chosen.pk if chosen else None)
            for m, found, closed in hazards["months"]
        ],
    )
    certificate_url = reverse("training:certificate_list")
    for days in CERTIFICATE_WINDOWS:
        params = {"within": days, **({"department": chosen.pk} if chosen else {})}
        board.certificates.append(
            Figure(
                f"certificates.{days}",
                _("Certificates expiring within %(days)s days") % {"days": days},
                certificates.get(f"d{days}") or 0,
                url=f"{certificate_url}?{urlencode(params)}",
            )
        )
    if not access.sees_everything:
        return board
    found = live.indicators(as_of)
    board.computed_at = min(board.computed_at, found.computed_at)
    indicators = found.indicators
    board.projection = project(indicators)
    board.history = list(
        Assessment.objects.filter(status__in=DONE, score__isnull=False)
        .select_related("standard")
        .order_by("year", "created_at")
    )
    board.overdue = [_figure(indicators, key, label) for key, label in OVERDUE]
    board.rates = [_figure(indicators, key, label) for key, label in RATES]
    board.accidents = [_figure(indicators, key, label) for key, label in ACCIDENTS]
    board.objectives = objective_rows(year=as_of.year, user=user, as_of=as_of, live=indicators)
    return board


def monthly_reports(*, ready: bool = False) -> QuerySet[GeneratedFile]:
    """The monthly safety reports kept, newest first; `ready`: only those with their file."""
    from apps.dashboard.exporters import MonthlyReportExporter

    qs = GeneratedFile.objects.filter(kind=MonthlyReportExporter.kind).select_related("created_by")
    if ready:
        qs = qs.filter(status=GeneratedFileStatus.DONE).exclude(file="")
    return qs.order_by("-created_at")
