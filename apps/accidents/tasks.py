from celery import shared_task

from apps.accidents import services


@shared_task
def send_reminders() -> int:
    return services.send_reminders()
