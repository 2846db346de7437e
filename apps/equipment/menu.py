from django.utils.translation import gettext_lazy as _

from apps.core.navigation import NavItem, register
from apps.org.access import access_for


def _reads_ledger(user) -> bool:
    access = access_for(user)
    return access.sees_everything or access.is_department_head


register(NavItem("equipment.list", _("Equipment ledger"), "equipment:list", 6, "bi-gear",
                 order=10))  # fmt: skip
register(NavItem("equipment.devices", _("Safety devices"), "equipment:device_list", 6,
                 "bi-speedometer", _reads_ledger, order=20))  # fmt: skip
register(NavItem("equipment.plans", _("Inspection and maintenance plans"), "equipment:plan_list", 6,
                 "bi-calendar-check", _reads_ledger, order=30))  # fmt: skip
register(NavItem("equipment.projects", _("Three simultaneities"), "equipment:project_list", 6,
                 "bi-building-check", _reads_ledger, order=40))  # fmt: skip
