from celery import shared_task

from apps.hazards import services


@shared_task
def raise_inspection_tasks() -> int:
    return services.inspection_tasks_raise()


@shared_task
def send_statistics_reminders() -> int:
    return services.statistics_reminders_send()
