from django.utils.translation import gettext_lazy as _

from apps.core.navigation import NavItem, register
from apps.org.permissions import for_user, reads_org

register(
    NavItem(
        "major_hazards.units",
        _("Units and identification"),
        "major_hazards:list",
        9,
        "bi-radioactive",
        for_user(reads_org),
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
        for_user(reads_org),
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
        for_user(reads_org),
        order=30,
    )
)
