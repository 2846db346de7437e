from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScoringConfig(AppConfig):
    name = "apps.scoring"
    label = "scoring"
    verbose_name = _("Scoring standards")

    def ready(self) -> None:
        from apps.scoring import exporters, menu  # noqa: F401 - registers exporters and menu items
