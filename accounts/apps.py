from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts and organisations")

    def ready(self):
        # Logging out, deactivating or deleting an account closes its live sockets.
        from accounts import sockets  # noqa: F401
