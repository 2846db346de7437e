"""What the dashboard shows: the department rows, the figures, the months of the hazard trend and
the board that holds them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from apps.assessment.models import Assessment
from apps.core import recurrence
from apps.core.numbers import percent
from apps.dashboard.projection import Projection
from apps.org.models import Department


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
            for name in ("hazards_open", "hazards_overdue", "tasks_open", "tasks_overdue", "people", "hours_ok"):
                setattr(total, name, getattr(total, name) + getattr(unit, name))
        return total
