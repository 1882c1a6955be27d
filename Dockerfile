# Ville du lien — one image for the web (daphne), the Celery worker and beat.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=cite.settings.production

# WeasyPrint needs Pango.
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY pyproject.toml README.md ./
RUN pip install --no-cache-dir .
COPY . .
RUN python bin/compile_messages.py \
    && SECRET_KEY=build ALLOWED_HOSTS=build python manage.py collectstatic --noinput -v0 \
    && useradd --system --home /app vdl && mkdir -p /app/var/media && chown -R vdl /app/var

USER vdl
EXPOSE 8000
CMD ["daphne", "-b", "0.0.0.0", "-p", "8000", "--proxy-headers", "cite.asgi:application"]
