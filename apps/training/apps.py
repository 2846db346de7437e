from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    name = "apps.training"
    label = "training"
    verbose_name = _("Education and training")

    def ready(self) -> None:
        from apps.scoring import registry
        from apps.training import evidence, exporters, menu, services  # noqa: F401 - registers
        from apps.workflow.services import approvable

        approvable("training.trainingplan")
        registry.register("training", evidence.provider, records=evidence.records)
