from celery import shared_task

from apps.training import services


@shared_task
def send_certificate_reminders() -> dict[str, int]:
    return services.certificate_reminders_send()
