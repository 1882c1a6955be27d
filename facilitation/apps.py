from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FacilitationConfig(AppConfig):
    """What a message goes through before a room stores it: the facilitation profiles, the
    content filters they list and the pipeline that runs them. Below the debates, which call it."""

    name = "facilitation"
    verbose_name = _("Facilitation")
