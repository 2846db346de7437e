from django.utils.translation import gettext_lazy as _

from apps.core.navigation import NavItem, register
from apps.org.access import access_for


def _sees_everything(user) -> bool:
    return access_for(user).sees_everything


register(
    NavItem("assessment.list", _("Self-assessments"), "assessment:list", 13,
            "bi-clipboard2-check", _sees_everything, order=10)
)  # fmt: skip
