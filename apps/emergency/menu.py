from django.utils.translation import gettext_lazy as _

from apps.core.navigation import NavItem, register
from apps.org.permissions import for_user, reads_org

_reads = for_user(reads_org)

register(NavItem("emergency.plans", _("Emergency plans"), "emergency:plan_list", 11,
                 "bi-journal-medical", _reads, order=10))  # fmt: skip
register(NavItem("emergency.drills", _("Emergency drills"), "emergency:drill_list", 11,
                 "bi-alarm", _reads, order=20))  # fmt: skip
register(NavItem("emergency.drill_plans", _("Yearly drill plans"), "emergency:drillplan_list", 11,
                 "bi-calendar-range", _reads, order=30))  # fmt: skip
register(NavItem("emergency.teams", _("Rescue teams"), "emergency:team_list", 11,
                 "bi-people", _reads, order=40))  # fmt: skip
register(NavItem("emergency.supplies", _("Emergency supplies"), "emergency:supply_list", 11,
                 "bi-box-seam", _reads, order=50))  # fmt: skip
