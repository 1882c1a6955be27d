"""Platform roles. Every account is a resident; the other roles are Django groups."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    FACILITATOR = "facilitator", _("Facilitator")
    CITY_AGENT = "city_agent", _("City agent")
    ELECTED_OFFICIAL = "elected_official", _("Elected official")
    EDITOR = "editor", _("Editor")
    # Health and social workers (CCAS, health centre, association) who refer people to offers.
    CONNECTOR = "connector", _("Connector")


# Roles whose accounts can act for the city or on other people's words: the ones a setting can
# oblige to use a second factor.
STAFF_ROLES = frozenset(Role.values)
