from celery import shared_task

from apps.equipment import services


@shared_task
def raise_due_tasks() -> int:
    return services.due_tasks_raise()
