"""Settings shared by every environment. Values that differ come from environment variables."""

from pathlib import Path

import environ
from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()

# ------------------------------------------------------------------------------
# General
# ------------------------------------------------------------------------------
DEBUG = env.bool("DJANGO_DEBUG", default=False)
SECRET_KEY = env("DJANGO_SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])

TIME_ZONE = "Asia/Shanghai"
USE_TZ = True
USE_I18N = True
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]

# ------------------------------------------------------------------------------
# Databases
# ------------------------------------------------------------------------------
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# ------------------------------------------------------------------------------
# Applications
# ------------------------------------------------------------------------------
DJANGO_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.admin",
    "django.contrib.humanize",
]
THIRD_PARTY_APPS = [
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "guardian",
    "simple_history",
    "django_htmx",
]
LOCAL_APPS = [
    "apps.core",
    "apps.org",
    "apps.scoring",
    "apps.workflow",
    "apps.hazards",
    "apps.training",
    "apps.responsibility",
    "apps.equipment",
    "apps.major_hazards",
    "apps.emergency",
    "apps.accidents",
    "apps.assessment",
    "apps.dashboard",
]
INSTALLED_APPS = DJANGO_APPS + THIRD_PARTY_APPS + LOCAL_APPS

# ------------------------------------------------------------------------------
# Authentication
# ------------------------------------------------------------------------------
AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend", "guardian.backends.ObjectPermissionBackend"]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# django-guardian: no anonymous user row, object permissions only for signed-in users.
ANONYMOUS_USER_NAME = None
GUARDIAN_RAISE_403 = False

# ------------------------------------------------------------------------------
# Middleware
# ------------------------------------------------------------------------------
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "apps.core.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]
ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

# ------------------------------------------------------------------------------
# Templates
# ------------------------------------------------------------------------------
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "apps.core.context_processors.navigation_menu",
                "apps.core.context_processors.today",
                "apps.workflow.context_processors.notifications",
            ]
        },
    }
]

# ------------------------------------------------------------------------------
# Static and media files
# ------------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("DJANGO_MEDIA_ROOT", default=BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Evidence files: photos from a phone and scanned documents, never executables.
ATTACHMENT_MAX_BYTES = env.int("ANBIAO_ATTACHMENT_MAX_BYTES", default=20 * 1024 * 1024)
ATTACHMENT_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "gif", "pdf", "doc", "docx", "xls", "xlsx", "txt"]
IMPORT_MAX_BYTES = 10 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# ------------------------------------------------------------------------------
# Email
# ------------------------------------------------------------------------------
EMAIL_BACKEND = env("DJANGO_EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env("DJANGO_DEFAULT_FROM_EMAIL", default="Anbiao <noreply@anbiao.local>")

# ------------------------------------------------------------------------------
# Django REST framework and the OpenAPI schema
# ------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.TokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["apps.org.permissions.PolicyPermission"],
    "DEFAULT_PAGINATION_CLASS": "apps.core.api.Pagination",
    "PAGE_SIZE": 50,
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "rest_framework.filters.SearchFilter",
        "rest_framework.filters.OrderingFilter",
    ],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "apps.core.api.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Anbiao API",
    "DESCRIPTION": "Work-safety standardization records, tasks and sign-offs.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # Swagger UI from the drf-spectacular-sidecar package: no request leaves the server.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "TaskStatusEnum": "apps.workflow.models.TaskStatus",
        "DepartmentKindEnum": "apps.org.models.DepartmentKind",
        "GeneratedFileStatusEnum": "apps.core.models.GeneratedFileStatus",
        "AssessmentStatusEnum": "apps.assessment.models.AssessmentStatus",
        "AssessmentKindEnum": "apps.assessment.models.AssessmentKind",
        "HazardStatusEnum": "apps.hazards.models.HazardStatus",
        "InspectionKindEnum": "apps.hazards.models.InspectionKind",
        "PlanStatusEnum": "apps.workflow.models.PlanStatus",  # every approvable plan
        "SessionLevelEnum": "apps.training.models.SessionLevel",
        "CertificateKindEnum": "apps.training.models.CertificateKind",
        "TrainingRoleEnum": "apps.training.models.TrainingRole",
        "ObjectiveDirectionEnum": "apps.responsibility.models.Direction",
        "LetterLevelEnum": "apps.responsibility.models.LetterLevel",
        "LetterStatusEnum": "apps.responsibility.models.LetterStatus",
        "MeetingLevelEnum": "apps.responsibility.models.MeetingLevel",
        "MeetingFrequencyEnum": "apps.responsibility.models.MEETING_FREQUENCIES",
        "DutyScopeEnum": "apps.responsibility.models.DutyScope",
        "ReviewResultEnum": "apps.responsibility.models.ReviewResult",  # also plan evaluations
        "SafetyBodyKindEnum": "apps.responsibility.models.BodyKind",
        "BodyMemberRoleEnum": "apps.responsibility.models.MemberRole",
        "EquipmentStatusEnum": "apps.equipment.models.EquipmentStatus",
        "DeviceKindEnum": "apps.equipment.models.DeviceKind",
        "PlanKindEnum": "apps.equipment.models.PlanKind",
        "AccidentGradeEnum": "apps.accidents.models.Grade",
        "HazardGradeEnum": "apps.hazards.models.HazardGrade",
        "AccidentStatusEnum": "apps.accidents.models.AccidentStatus",
        "AccidentMeasureKindEnum": "apps.accidents.models.AccidentMeasureKind",
        "RecordKindEnum": "apps.equipment.models.RecordKind",
        "RecordResultEnum": "apps.equipment.models.RecordResult",
        "ProjectKindEnum": "apps.equipment.models.ProjectKind",
        "FrequencyEnum": "apps.core.models.Frequency",
        "RecurringFrequencyEnum": "apps.core.models.RECURRING",
        "EmergencyPlanKindEnum": "apps.emergency.models.PlanKind",
        "RescueTeamKindEnum": "apps.emergency.models.TeamKind",
        "SupplyKindEnum": "apps.emergency.models.SupplyKind",
        "DrillKindEnum": "apps.emergency.models.DrillKind",
    },
}

# ------------------------------------------------------------------------------
# Celery: Redis broker when REDIS_URL is set, otherwise tasks run eagerly in-process.
# ------------------------------------------------------------------------------
REDIS_URL = env("REDIS_URL", default="")
CELERY_BROKER_URL = REDIS_URL or "memory://"
# The cache (live evidence figures) is shared through Redis when there is one.
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL, "KEY_PREFIX": "anbiao"}
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}
# How long a provider's evidence figures are kept when no record of its app changes.
EVIDENCE_CACHE_SECONDS = env.int("ANBIAO_EVIDENCE_CACHE_SECONDS", default=300)
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_IGNORE_RESULT = True
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_TIME_LIMIT = 30 * 60
CELERY_TASK_SOFT_TIME_LIMIT = 25 * 60
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
CELERY_BEAT_SCHEDULE = {
    "task-reminders": {"task": "apps.workflow.tasks.send_task_reminders", "schedule": crontab(hour=7, minute=30)},
    "inspection-tasks": {"task": "apps.hazards.tasks.raise_inspection_tasks", "schedule": crontab(hour=6, minute=30)},
    "hazard-statistics-reminders": {
        "task": "apps.hazards.tasks.send_statistics_reminders",
        "schedule": crontab(hour=8, minute=0),
    },
    "grade-renewal-reminders": {
        "task": "apps.assessment.tasks.send_renewal_reminders",
        "schedule": crontab(hour=7, minute=40),
    },
    "certificate-reminders": {
        "task": "apps.training.tasks.send_certificate_reminders",
        "schedule": crontab(hour=7, minute=50),
    },
    "letter-reminders": {
        "task": "apps.responsibility.tasks.send_letter_reminders",
        "schedule": crontab(hour=7, minute=55),
    },
    "meeting-reminders": {
        "task": "apps.responsibility.tasks.send_meeting_reminders",
        "schedule": crontab(hour=8, minute=5),
    },
    "monthly-safety-report": {
        "task": "apps.dashboard.tasks.send_monthly_report",
        "schedule": crontab(day_of_month=1, hour=6, minute=0),
    },
    "equipment-due-tasks": {"task": "apps.equipment.tasks.raise_due_tasks", "schedule": crontab(hour=6, minute=40)},
    "accident-reminders": {
        "task": "apps.accidents.tasks.send_accident_reminders",
        "schedule": crontab(hour=7, minute=45),
    },
    "major-hazard-assessment-reminders": {
        "task": "apps.major_hazards.tasks.send_assessment_reminders",
        "schedule": crontab(hour=6, minute=50),
    },
    "major-hazard-filing-reminders": {
        "task": "apps.major_hazards.tasks.send_filing_reminders",
        "schedule": crontab(hour=6, minute=55),
    },
    "emergency-reminders": {
        "task": "apps.emergency.tasks.send_emergency_reminders",
        "schedule": crontab(hour=8, minute=10),
    },
}

# The audit history is a record, not an undo button: no "revert" in the admin.
SIMPLE_HISTORY_REVERT_DISABLED = True

# ------------------------------------------------------------------------------
# Anbiao
# ------------------------------------------------------------------------------
# Tasks due within this many days are announced to their department.
TASK_DUE_SOON_DAYS = 3
ROLE_LABELS = {
    "safety_manager": _("Safety manager"),
    "department_head": _("Department head"),
    "leadership": _("Leadership"),
    "employee": _("Employee"),
}

# ------------------------------------------------------------------------------
# Logging
# ------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", default="INFO")},
    "loggers": {"fontTools": {"level": "WARNING"}, "weasyprint": {"level": "ERROR"}},
}
