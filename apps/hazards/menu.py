from django.utils.translation import gettext_lazy as _

from apps.core.navigation import NavItem, register
from apps.org.access import access_for


def _reads_ledger(user) -> bool:
    access = access_for(user)
    return access.sees_everything or access.is_department_head


register(
    NavItem("hazards.report", _("Report a hazard"), "hazards:report", 8, "bi-camera", order=10)
)
register(
    NavItem(
        "hazards.list", _("Hazard ledger"), "hazards:list", 8, "bi-exclamation-triangle", order=20
    )
)
register(NavItem("hazards.inspections", _("Inspections"), "hazards:inspection_list", 8, "bi-clipboard-check",
                 _reads_ledger, order=30))  # fmt: skip
register(NavItem("hazards.plans", _("Inspection plans"), "hazards:plan_list", 8, "bi-calendar-check",
                 _reads_ledger, order=40))  # fmt: skip
register(NavItem("hazards.statistics", _("Hazard statistics"), "hazards:statistics", 8, "bi-bar-chart",
                 _reads_ledger, order=50))  # fmt: skip
