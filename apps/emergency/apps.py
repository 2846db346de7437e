from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EmergencyConfig(AppConfig):
    name = "apps.emergency"
    label = "emergency"
    verbose_name = _("Emergency rescue")

    def ready(self) -> None:
        from apps.emergency import evidence, exporters, menu, services  # noqa: F401 - registers
        from apps.emergency.services.plans import plans_redate_on_company_change
        from apps.org import hooks
        from apps.scoring import registry
        from apps.workflow.services import approvable

        registry.register("emergency", evidence.provider, reads=("workflow",))
        approvable("emergency.drillplan")
        hooks.on_company_change(plans_redate_on_company_change)
