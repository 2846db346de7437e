from celery import shared_task

from apps.emergency import services


@shared_task
def send_emergency_reminders() -> dict[str, int]:
    """Drills, filings, evaluations and supplies coming due: each reminded once per due date."""
    return services.emergency_reminders_send()
