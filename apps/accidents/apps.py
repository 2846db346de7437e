from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccidentsConfig(AppConfig):
    name = "apps.accidents"
    label = "accidents"
    verbose_name = _("Accidents")

    def ready(self) -> None:
        from apps.accidents import evidence, exporters, menu  # noqa: F401
        from apps.scoring import registry

        registry.register("accidents", evidence.provider)
