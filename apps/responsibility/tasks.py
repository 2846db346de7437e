from celery import shared_task

from apps.responsibility import services


@shared_task
def send_letter_reminders() -> int:
    return services.letter_reminders_send()


@shared_task
def send_meeting_reminders() -> int:
    return services.meeting_reminders_send()
