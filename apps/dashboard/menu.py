from django.utils.translation import gettext_lazy as _

from apps.core.navigation import WORKSPACE, NavItem, register
from apps.org.permissions import for_user, reads_org, sees_everything

register(
    NavItem(
        "dashboard",
        _("Dashboard"),
        "dashboard:index",
        WORKSPACE,
        "bi-speedometer2",
        for_user(reads_org),
        order=1,
    )
)
register(
    NavItem(
        "dashboard.reports",
        _("Monthly safety reports"),
        "dashboard:report_list",
        WORKSPACE,
        "bi-file-earmark-bar-graph",
        for_user(sees_everything),
        order=2,
    )
)
