from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MajorHazardsConfig(AppConfig):
    name = "apps.major_hazards"
    label = "major_hazards"
    verbose_name = _("Major hazard sources")

    def ready(self) -> None:
        from apps.major_hazards import evidence, exporters, menu  # noqa: F401
        from apps.scoring import registry

        registry.register("major_hazards", evidence.provider)
