from django.utils.translation import gettext_lazy as _

from apps.core.navigation import NavItem, register
from apps.org.permissions import for_user, sees_everything

register(
    NavItem(
        "scoring.standards",
        _("Scoring standards"),
        "scoring:standard_list",
        13,
        "bi-journal-check",
        for_user(sees_everything),
        order=30,
    )
)
