from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammeConfig(AppConfig):
    """The municipal programme: Wagtail pages (home, programme, engagements, news, standard
    pages), their search, feeds and open-data API."""

    name = "programme"
    verbose_name = _("Programme")

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import Locale

        from core.languages import forget_locales
        from programme.models import HomePage

        post_save.connect(_home_created, sender=HomePage, dispatch_uid="programme-home-workflow")
        post_save.connect(forget_locales, sender=Locale, dispatch_uid="programme-forget-locales")
        post_delete.connect(forget_locales, sender=Locale, dispatch_uid="programme-forget-locales")


def _home_created(sender, instance, created, raw=False, **kwargs):
    """A new home page (the English translation of the site, made with wagtail-localize) gets the
    editorial roles and the publication workflow, like the French one."""
    if created and not raw:
        from django.apps import apps

        from programme.editorial import create_workflow

        create_workflow(apps, None)
