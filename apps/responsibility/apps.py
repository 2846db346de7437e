from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResponsibilityConfig(AppConfig):
    name = "apps.responsibility"
    label = "responsibility"
    verbose_name = _("Objectives, organisation and responsibilities")

    def ready(self) -> None:
        from apps.responsibility import evidence, exporters, menu, services  # noqa: F401
        from apps.scoring import registry
        from apps.workflow.services import approvable

        registry.register("responsibility", evidence.provider)
        approvable("responsibility.departmentassessment")
