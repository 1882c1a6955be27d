from importlib import import_module
from importlib.util import find_spec

from django.apps import AppConfig
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "notifications"
    verbose_name = _("Notifications")

    def ready(self):
        # Each app above this one declares its kinds and the objects its notifications point
        # to in ``<app>/notices.py``; importing them here fills the registry, so that this app
        # never imports the apps that use it.
        for app in settings.PROJECT_APPS:
            if app != self.name and find_spec(f"{app}.notices"):
                import_module(f"{app}.notices")
