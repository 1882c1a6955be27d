from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammeConfig(AppConfig):
    """The municipal programme: Wagtail pages (home, programme, engagements, news, standard
    pages), their search, feeds and open-data API."""

    name = "programme"
    verbose_name = _("Programme")
