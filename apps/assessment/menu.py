from django.utils.translation import gettext_lazy as _

from apps.core.navigation import NavItem, register
from apps.org.permissions import for_user, sees_everything

register(
    NavItem(
        "assessment.list",
        _("Self-assessments"),
        "assessment:list",
        13,
        "bi-clipboard2-check",
        for_user(sees_everything),
        order=10,
    )
)
