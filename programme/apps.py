from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammeConfig(AppConfig):
    """The municipal programme: Wagtail pages (home, programme, engagements, news, standard
    pages), their search, feeds and open-data API."""

    name = "programme"
    verbose_name = _("Programme")

    def ready(self):
        from django.db.models.signals import post_save

        from programme.models import HomePage

        post_save.connect(_home_created, sender=HomePage, dispatch_uid="programme-home-workflow")


def _home_created(sender, instance, created, raw=False, **kwargs):
    """A new home page (the English translation of the site, made with wagtail-localize) gets the
    editorial roles and the publication workflow, like the French one."""
    if created and not raw:
        from django.apps import apps

        from programme.editorial import create_workflow

        create_workflow(apps, None)
