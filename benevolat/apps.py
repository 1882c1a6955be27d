from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BenevolatConfig(AppConfig):
    name = "benevolat"
    verbose_name = _("Volunteering")
