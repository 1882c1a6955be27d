"""What apps above the offers add to an offer's page, through Wagtail hooks they register.

The offers sit below volunteering and orientation: they never import them. An app adds a
section to the offer page by registering, in its ``wagtail_hooks.py``, a function of
``(*, offer, request)`` under ``OFFER_SECTIONS`` that returns a ``PageSection`` or ``None``.
The offer page calls :func:`offer_sections` and, for each section, adds its ``context`` to the
page's and includes its ``template`` (and links its ``stylesheets``), like the pact page does.
"""

from __future__ import annotations

from pactes.linked import PageSection, page_sections

OFFER_SECTIONS = "offres_offer_sections"  # (*, offer, request) -> PageSection | None

__all__ = ["OFFER_SECTIONS", "PageSection", "offer_sections"]


def offer_sections(*, offer, request) -> list[PageSection]:
    return page_sections(OFFER_SECTIONS, offer=offer, request=request)
