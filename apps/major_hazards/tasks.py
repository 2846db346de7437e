from celery import shared_task

from apps.major_hazards import services


@shared_task
def send_assessment_reminders() -> int:
    return services.assessment_reminders_send()


@shared_task
def send_filing_reminders() -> int:
    return services.filing_reminders_send()
