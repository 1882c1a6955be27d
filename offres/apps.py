from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OffresConfig(AppConfig):
    name = "offres"
    verbose_name = _("Offers that build ties")
