from celery import shared_task

from apps.assessment import services


@shared_task
def send_renewal_reminders() -> int:
    return services.renewal_reminders_send()
