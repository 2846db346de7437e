from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentConfig(AppConfig):
    name = "apps.assessment"
    label = "assessment"
    verbose_name = _("Self-assessment")

    def ready(self) -> None:
        from apps.assessment import exporters, menu, services  # noqa: F401 - registers exporters, menu
        from apps.workflow import hooks

        hooks.on_sign_off("assessment.assessment", services.on_approval_decided)
