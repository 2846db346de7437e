from django.utils.translation import gettext_lazy as _

from apps.core.navigation import WORKSPACE, NavItem, register
from apps.dashboard import policies

register(
    NavItem(
        "dashboard",
        _("Dashboard"),
        "dashboard:index",
        WORKSPACE,
        "bi-speedometer2",
        policies.can_read_dashboard,
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
        policies.can_read_reports,
        order=2,
    )
)
