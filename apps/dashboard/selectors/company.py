"""The company figures, for safety managers and leadership: the projected grade and its history,
overdue work, rates and accidents from the evidence providers, and the objectives."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext_lazy

from apps.assessment.models import Assessment
from apps.dashboard.projection import DONE, project
from apps.dashboard.selectors.figures import Dashboard, Figure
from apps.responsibility.selectors import objective_rows
from apps.scoring import live

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


def _figure(indicators: dict, key: str, label) -> Figure:
    """The indicator as its app labels it, or our label and "no data" when no app provides it."""
    found = indicators.get(key)
    if found is None:
        return Figure(key, str(label), None, available=False)
    return Figure(key, str(found.label), found.value, found.unit, found.target, found.ok, found.url)


def company_figures_add(board: Dashboard, *, user, as_of: dt.date) -> None:
    """The projected grade, its history and the indicator figures: for company viewers."""
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
