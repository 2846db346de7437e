from celery import shared_task

from apps.dashboard import services


@shared_task
def send_monthly_report() -> int | None:
    generated = services.monthly_report_send()
    return generated.pk if generated else None
