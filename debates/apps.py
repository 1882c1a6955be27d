from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DebatesConfig(AppConfig):
    name = "debates"
    verbose_name = _("Debates")

    def ready(self):
        # A facilitator taken off a debate has their sockets in its room closed.
        from debates import revocation  # noqa: F401
