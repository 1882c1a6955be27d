"""The debates the programme pages list (``programme.linked``)."""

from wagtail import hooks

from debates import selectors
from programme import linked

hooks.register(linked.DEBATES_FOR_ENGAGEMENT, selectors.debates_for_engagement)
hooks.register(linked.DEBATES_FOR_HOME, selectors.debates_for_home)
