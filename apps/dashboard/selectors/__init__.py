"""Everything the dashboard and the monthly report show, read in a fixed number of queries.

Company figures (the projected grade, overdue work from the evidence providers, accidents and
objectives) are for safety managers and leadership. Department figures (hazards, tasks,
training, certificates) are rolled up to the units under the chosen department, and department
heads see their own departments only.
"""

from apps.dashboard.selectors.board import dashboard
from apps.dashboard.selectors.company import ACCIDENTS, OVERDUE, RATES
from apps.dashboard.selectors.departments import CERTIFICATE_WINDOWS, TREND_MONTHS
from apps.dashboard.selectors.figures import Dashboard, Figure, MonthRate, Unit
from apps.dashboard.selectors.reports import monthly_reports

__all__ = [
    "ACCIDENTS",
    "CERTIFICATE_WINDOWS",
    "OVERDUE",
    "RATES",
    "TREND_MONTHS",
    "Dashboard",
    "Figure",
    "MonthRate",
    "Unit",
    "dashboard",
    "monthly_reports",
]
