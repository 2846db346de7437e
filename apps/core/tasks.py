from celery import shared_task

from apps.core import services


@shared_task
def run_export(generated_file_id: int) -> None:
    services.export_run(generated_file_id=generated_file_id)
