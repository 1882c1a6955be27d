from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PactesConfig(AppConfig):
    name = "pactes"
    verbose_name = _("Collaboration pacts")
