from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkflowConfig(AppConfig):
    name = "apps.workflow"
    label = "workflow"
    verbose_name = _("Tasks and sign-offs")

    def ready(self) -> None:
        from apps.org import hooks
        from apps.workflow import exporters, menu  # noqa: F401 - registers exporters and menu items
        from apps.workflow.services.handover import tasks_hand_over

        hooks.on_employee_leave(tasks_hand_over)
