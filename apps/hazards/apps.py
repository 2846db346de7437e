from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HazardsConfig(AppConfig):
    name = "apps.hazards"
    label = "hazards"
    verbose_name = _("Hazard investigation and rectification")

    def ready(self) -> None:
        from apps.hazards import evidence, exporters, menu, services  # noqa: F401
        from apps.scoring import registry
        from apps.workflow import hooks

        registry.register("hazards", evidence.provider, reads=("workflow",), records=evidence.records)
        hooks.on_sign_off("hazards.hazard", services.on_rectification_decided)
        hooks.on_sign_off("hazards.inspectionplan", services.on_inspection_task_decided)
        hooks.owned_by_source("hazards.hazard")
        hooks.owned_by_source("hazards.inspectionplan")
