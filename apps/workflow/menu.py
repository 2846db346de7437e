from django.utils.translation import gettext_lazy as _

from apps.core.navigation import WORKSPACE, NavItem, register

register(NavItem("workflow.inbox", _("My inbox"), "workflow:inbox", WORKSPACE, "bi-inbox", order=10))
register(NavItem("workflow.tasks", _("Tasks"), "workflow:task_list", WORKSPACE, "bi-list-check", order=20))  # noqa: E501
register(
    NavItem("workflow.notifications", _("Notifications"), "workflow:notification_list", WORKSPACE, "bi-bell", order=30)
)  # noqa: E501
register(NavItem("core.files", _("My exports"), "core:generated_file_list", WORKSPACE, "bi-download", order=90))  # noqa: E501
