from django.utils.translation import gettext_lazy as _

from apps.core.navigation import NavItem, register
from apps.equipment.policies import can_read_registers

register(NavItem("equipment.list", _("Equipment ledger"), "equipment:list", 6, "bi-gear", order=10))
register(
    NavItem(
        "equipment.devices",
        _("Safety devices"),
        "equipment:device_list",
        6,
        "bi-speedometer",
        can_read_registers,
        order=20,
    )
)
register(
    NavItem(
        "equipment.plans",
        _("Inspection and maintenance plans"),
        "equipment:plan_list",
        6,
        "bi-calendar-check",
        can_read_registers,
        order=30,
    )
)
register(
    NavItem(
        "equipment.projects",
        _("Three simultaneities"),
        "equipment:project_list",
        6,
        "bi-building-check",
        can_read_registers,
        order=40,
    )
)
