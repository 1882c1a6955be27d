"""What apps above the pacts add to a pact's page, through Wagtail hooks they register.

The pacts sit below volunteering (and the evaluation): they never import them. An app adds a
section to the pact page by registering, in its ``wagtail_hooks.py``, a function of
``(*, pact, request)`` under ``PACT_SECTIONS`` that returns a section (a template included with
the page's context plus its own ``context``, and the stylesheets it needs) or ``None``.
"""

from __future__ import annotations

from wagtail import hooks

from programme.linked import EngagementSection as PageSection

PACT_SECTIONS = "pactes_pact_sections"  # (*, pact, request) -> PageSection | None

__all__ = ["PACT_SECTIONS", "PageSection", "pact_sections", "page_sections"]


def page_sections(hook_name: str, **kwargs) -> list[PageSection]:
    """The sections every function registered under ``hook_name`` returns, in order."""
    sections = (function(**kwargs) for function in hooks.get_hooks(hook_name))
    return [section for section in sections if section is not None]


def pact_sections(*, pact, request) -> list[PageSection]:
    return page_sections(PACT_SECTIONS, pact=pact, request=request)
