from django.utils.translation import gettext_lazy as _

from apps.core.navigation import NavItem, register
from apps.major_hazards import policies

register(
    NavItem(
        "major_hazards.units",
        _("Units and identification"),
        "major_hazards:list",
        9,
        "bi-radioactive",
        policies.can_read_major_hazards,
        order=10,
    )
)
register(
    NavItem(
        "major_hazards.register",
        _("Major hazard register"),
        "major_hazards:register",
        9,
        "bi-journal-check",
        policies.can_read_major_hazards,
        order=20,
    )
)
register(
    NavItem(
        "major_hazards.measures",
        _("Monitoring and control measures"),
        "major_hazards:measures",
        9,
        "bi-broadcast",
        policies.can_read_major_hazards,
        order=30,
    )
)
