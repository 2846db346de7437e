from celery import shared_task

from apps.workflow import services


@shared_task
def send_task_reminders() -> dict[str, int]:
    return services.task_reminders_send()
