from django.utils.translation import gettext_lazy as _

from apps.core.navigation import NavItem, register
from apps.emergency.policies import can_read_emergency as _reads

register(
    NavItem("emergency.plans", _("Emergency plans"), "emergency:plan_list", 11, "bi-journal-medical", _reads, order=10)
)
register(NavItem("emergency.drills", _("Emergency drills"), "emergency:drill_list", 11, "bi-alarm", _reads, order=20))
register(
    NavItem(
        "emergency.drill_plans",
        _("Yearly drill plans"),
        "emergency:drillplan_list",
        11,
        "bi-calendar-range",
        _reads,
        order=30,
    )
)
register(NavItem("emergency.teams", _("Rescue teams"), "emergency:team_list", 11, "bi-people", _reads, order=40))
register(
    NavItem("emergency.supplies", _("Emergency supplies"), "emergency:supply_list", 11, "bi-box-seam", _reads, order=50)
)
