from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScoringConfig(AppConfig):
    name = "apps.scoring"
    label = "scoring"
    verbose_name = _("Scoring standards")

    def ready(self) -> None:
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from apps.scoring import exporters, live, menu  # noqa: F401 - registers exporters and menu items

        # Cached indicators are dropped when records change (see apps/scoring/live.py).
        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(live.on_change, dispatch_uid=f"evidence-{signal}")
