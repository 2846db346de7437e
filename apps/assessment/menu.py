from django.utils.translation import gettext_lazy as _

from apps.assessment.policies import can_read_assessment
from apps.core.navigation import NavItem, register

register(
    NavItem(
        "assessment.list",
        _("Self-assessments"),
        "assessment:list",
        13,
        "bi-clipboard2-check",
        can_read_assessment,
        order=10,
    )
)
