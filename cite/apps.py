from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CiteConfig(AppConfig):
    name = "cite"
    verbose_name = _("City site")
