"""Tests: SQLite unless DATABASE_URL is set; eager Celery that propagates errors."""

from .base import *  # noqa: F403
from .base import env

SECRET_KEY = "test-secret-key"
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# A worker test turns eager mode off for its worker process only (ANBIAO_CELERY_EAGER=0).
CELERY_TASK_ALWAYS_EAGER = env.bool("ANBIAO_CELERY_EAGER", default=True)
CELERY_TASK_EAGER_PROPAGATES = True
MEDIA_ROOT = env.path("DJANGO_MEDIA_ROOT", default="/tmp/anbiao-test-media")
# Static files straight from the source folders: no collectstatic before tests.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# Each test run has its own cache: nothing is served from an earlier run.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
