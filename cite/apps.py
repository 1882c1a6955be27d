from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CiteConfig(AppConfig):
    """The project's shell: settings, URLs, ASGI/WSGI, Celery, the demo command and the history
    of the programme's first migrations. It holds no model; nothing imports it."""

    name = "cite"
    verbose_name = _("City site")
