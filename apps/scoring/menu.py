from django.utils.translation import gettext_lazy as _

from apps.core.navigation import NavItem, register
from apps.scoring import policies

register(
    NavItem(
        "scoring.standards",
        _("Scoring standards"),
        "scoring:standard_list",
        13,
        "bi-journal-check",
        policies.can_read_standards,
        order=30,
    )
)
