# Anbiao production image: gunicorn serves the app; the same image runs the Celery worker and beat.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    DJANGO_SETTINGS_MODULE=config.settings.prod

# CJK fonts and HarfBuzz subsetting for Chinese PDFs (WeasyPrint), gettext for translations.
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      fonts-noto-cjk libharfbuzz-subset0 libpango-1.0-0 libpangoft2-1.0-0 gettext \
 && rm -rf /var/lib/apt/lists/*

RUN useradd --create-home --uid 1000 anbiao
WORKDIR /app

COPY pyproject.toml ./
RUN pip install --upgrade pip && pip install -e .
COPY . .
RUN pip install -e . \
 && DJANGO_SECRET_KEY=build-only DJANGO_ALLOWED_HOSTS=localhost python manage.py compilemessages --ignore=.venv \
 && DJANGO_SECRET_KEY=build-only DJANGO_ALLOWED_HOSTS=localhost python manage.py collectstatic --noinput \
 && mkdir -p /app/media && chown -R anbiao /app/media

USER anbiao
EXPOSE 8000
CMD ["gunicorn", "config.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
