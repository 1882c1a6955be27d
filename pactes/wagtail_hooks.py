"""The pacts the programme pages list (``programme.linked``)."""

from wagtail import hooks

from pactes import selectors
from programme import linked

hooks.register(linked.PACTS_FOR_ENGAGEMENT, selectors.pacts_for_engagement)
hooks.register(linked.LATEST_PACTS, selectors.latest_pacts)
