from django.utils.translation import gettext_lazy as _

from apps.core.navigation import NavItem, register
from apps.org.access import access_for


def _sees_everything(user) -> bool:
    return access_for(user).sees_everything


register(
    NavItem("scoring.standards", _("Scoring standards"), "scoring:standard_list", 13,
            "bi-journal-check", _sees_everything, order=30)
)  # fmt: skip
