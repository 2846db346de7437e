from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EquipmentConfig(AppConfig):
    name = "apps.equipment"
    label = "equipment"
    verbose_name = _("Equipment and facilities")

    def ready(self) -> None:
        from apps.equipment import evidence, exporters, menu, services  # noqa: F401
        from apps.scoring import registry
        from apps.workflow import hooks

        registry.register("equipment", evidence.provider, reads=("workflow",))
        hooks.on_sign_off("equipment.equipment", services.on_task_decided)
        hooks.on_sign_off("equipment.maintenanceplan", services.on_inspection_task_decided)
        hooks.on_sign_off("equipment.safetydevice", services.on_inspection_task_decided)
        hooks.owned_by_source("equipment.equipment")
        hooks.owned_by_source("equipment.maintenanceplan")
        hooks.owned_by_source("equipment.safetydevice")
