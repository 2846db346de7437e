from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrgConfig(AppConfig):
    name = "apps.org"
    label = "org"
    verbose_name = _("Organisation")

    def ready(self) -> None:
        from apps.org import exporters, menu  # noqa: F401 - registers exporters and menu items
