"""Engagement pages may be followed: their followers hear of new pacts and debates on them."""

from cite.models import EngagementPage
from notifications import registry

registry.register_target(
    EngagementPage,
    title=lambda page: page.title,
    url=lambda page: page.url or "/",
    visible=lambda user, page: page.live,
    followable=True,
)
