"""A real Celery worker on Redis runs the background jobs against the real database.

Runs when REDIS_URL and a server database (DATABASE_URL) are set, as in CI; an in-memory
SQLite test database cannot be shared with a worker process.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest
from django.conf import settings
from django.db import connection

from apps.core import services as core_services
from apps.core.models import GeneratedFile, GeneratedFileStatus
from apps.workflow.models import Notification
from apps.workflow.tasks import send_task_reminders
from tests.workflow.factories import make_task

pytestmark = [
    pytest.mark.worker,
    pytest.mark.skipif(
        not (os.environ.get("REDIS_URL") and os.environ.get("DATABASE_URL")),
        reason="needs REDIS_URL and DATABASE_URL (CI sets both)",
    ),
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def worker(settings):
    """Start `celery worker` in a subprocess pointed at the test database; stop it after."""
    settings.CELERY_TASK_ALWAYS_EAGER = False
    from config.celery import app

    app.conf.task_always_eager = False
    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "ANBIAO_CELERY_EAGER": "0",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}",
        "DJANGO_MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "C_FORCE_ROOT": "1",
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "config",
            "worker",
            "--pool=solo",
            "--loglevel=WARNING",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "-Q",
            "celery",
        ],
        env=env,
        cwd=settings.BASE_DIR,
    )
    try:
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
        app.conf.task_always_eager = True


def _wait_for(predicate, timeout: float = 60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.3)
    return False


def test_an_export_is_generated_by_the_worker(world, worker):
    assert settings.CELERY_BROKER_URL.startswith("redis://")
    generated = core_services.export_start(user=world.safety_manager, kind="org.employees")
    assert _wait_for(lambda: GeneratedFile.objects.get(pk=generated.pk).status == GeneratedFileStatus.DONE), (
        GeneratedFile.objects.get(pk=generated.pk).error
    )
    generated.refresh_from_db()
    assert generated.file.name.endswith(".xlsx")
    assert generated.file.size > 0


def test_the_daily_reminder_job_runs_on_the_worker(world, worker):
    make_task(department=world.dept_a, user=world.safety_manager, days=1, title="工人跑的提醒")
    Notification.objects.all().delete()
    send_task_reminders.delay()
    assert _wait_for(
        lambda: Notification.objects.filter(recipient=world.head_a, message__contains="工人跑的提醒").exists()
    )
