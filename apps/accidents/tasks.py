from celery import shared_task

from apps.accidents import services


@shared_task
def send_accident_reminders() -> int:
    return services.accident_reminders_send()
