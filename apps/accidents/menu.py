from django.utils.translation import gettext_lazy as _

from apps.accidents.policies import can_read_accidents
from apps.core.navigation import NavItem, register

register(
    NavItem(
        "accidents.list", _("Accidents"), "accidents:list", 12, "bi-exclamation-octagon", can_read_accidents, order=10
    )
)
register(
    NavItem(
        "accidents.statistics",
        _("Safety statistics"),
        "accidents:statistics",
        12,
        "bi-bar-chart",
        can_read_accidents,
        order=20,
    )
)
register(
    NavItem("accidents.man_hours", _("Man-hours"), "accidents:man_hours", 12, "bi-clock", can_read_accidents, order=30)
)
register(
    NavItem("accidents.lessons", _("Case education"), "accidents:lessons", 12, "bi-easel", can_read_accidents, order=40)
)
