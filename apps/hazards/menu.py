from django.utils.translation import gettext_lazy as _

from apps.core.navigation import NavItem, register
from apps.hazards import policies

register(NavItem("hazards.report", _("Report a hazard"), "hazards:report", 8, "bi-camera", order=10))
register(NavItem("hazards.list", _("Hazard ledger"), "hazards:list", 8, "bi-exclamation-triangle", order=20))
register(
    NavItem(
        "hazards.inspections",
        _("Inspections"),
        "hazards:inspection_list",
        8,
        "bi-clipboard-check",
        policies.can_read_inspections,
        order=30,
    )
)
register(
    NavItem(
        "hazards.plans",
        _("Inspection plans"),
        "hazards:plan_list",
        8,
        "bi-calendar-check",
        policies.can_read_plans,
        order=40,
    )
)
register(
    NavItem(
        "hazards.statistics",
        _("Hazard statistics"),
        "hazards:statistics",
        8,
        "bi-bar-chart",
        policies.can_read_statistics,
        order=50,
    )
)
