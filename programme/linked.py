"""What other apps show on the programme pages, through Wagtail hooks they register.

The programme sits below debates, pacts and the evaluation: it never imports them. Each of
those apps registers, in its ``wagtail_hooks.py``, the functions below by hook name; the pages
call whatever is registered and show an empty list while nothing is. A list hook returns model
instances with ``title``, ``get_absolute_url()`` and ``get_status_display()``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from wagtail import hooks

DEBATES_FOR_ENGAGEMENT = "programme_debates_for_engagement"  # (*, engagement_id, user)
DEBATES_FOR_HOME = "programme_debates_for_home"  # (*, user, limit)
PACTS_FOR_ENGAGEMENT = "programme_pacts_for_engagement"  # (*, engagement_id, user)
LATEST_PACTS = "programme_latest_pacts"  # (*, limit)
ENGAGEMENT_SECTIONS = "programme_engagement_sections"  # (*, page, request) -> EngagementSection | None


@dataclass(frozen=True)
class EngagementSection:
    """A section another app adds to an engagement page: its template (included with the page's
    context plus ``context``) and the stylesheets it needs in the page's head."""

    template: str
    context: dict = field(default_factory=dict)
    stylesheets: tuple[str, ...] = ()


def _listed(hook_name: str, **kwargs) -> list:
    found: list = []
    for function in hooks.get_hooks(hook_name):
        found += list(function(**kwargs))
    return found


def debates_for_engagement(*, engagement_id: int, user) -> list:
    return _listed(DEBATES_FOR_ENGAGEMENT, engagement_id=engagement_id, user=user)


def debates_for_home(*, user, limit: int) -> list:
    return _listed(DEBATES_FOR_HOME, user=user, limit=limit)


def pacts_for_engagement(*, engagement_id: int, user) -> list:
    return _listed(PACTS_FOR_ENGAGEMENT, engagement_id=engagement_id, user=user)


def latest_pacts(*, limit: int) -> list:
    return _listed(LATEST_PACTS, limit=limit)


def engagement_sections(*, page, request) -> list[EngagementSection]:
    sections: Iterable[EngagementSection | None] = (
        function(page=page, request=request) for function in hooks.get_hooks(ENGAGEMENT_SECTIONS)
    )
    return [section for section in sections if section is not None]
