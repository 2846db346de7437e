from django.utils.translation import gettext_lazy as _

from apps.core.navigation import NavItem, register
from apps.org.permissions import for_user, reads_org

register(
    NavItem(
        "accidents.list",
        _("Accidents"),
        "accidents:list",
        12,
        "bi-exclamation-octagon",
        for_user(reads_org),
        order=10,
    )
)
register(
    NavItem(
        "accidents.statistics",
        _("Safety statistics"),
        "accidents:statistics",
        12,
        "bi-bar-chart",
        for_user(reads_org),
        order=20,
    )
)
register(
    NavItem(
        "accidents.man_hours",
        _("Man-hours"),
        "accidents:man_hours",
        12,
        "bi-clock",
        for_user(reads_org),
        order=30,
    )
)
register(
    NavItem(
        "accidents.lessons",
        _("Case education"),
        "accidents:lessons",
        12,
        "bi-easel",
        for_user(reads_org),
        order=40,
    )
)
