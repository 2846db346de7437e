from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResponsibilityConfig(AppConfig):
    name = "apps.responsibility"
    label = "responsibility"
    verbose_name = _("Objectives, organisation and responsibilities")

    def ready(self) -> None:
        from apps.responsibility import evidence, exporters, menu, services  # noqa: F401
        from apps.scoring import registry
        from apps.workflow import hooks

        registry.register("responsibility", evidence.provider)
        hooks.on_sign_off("responsibility.departmentassessment", services.on_assessment_decided)
        hooks.owned_by_source("responsibility.departmentassessment")
