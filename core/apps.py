from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """What every app uses: the permission check, the domain errors, e-mail, user text as HTML,
    the health probe and the channel-layer send helper. It imports no other project app."""

    name = "core"
    verbose_name = _("Core")

    def ready(self):
        from django.urls import register_converter

        from core.urlsafety import IdConverter

        # Before any URL configuration is read: the apps' routes take ids as ``<id:pk>``.
        register_converter(IdConverter, "id")
