"""What apps above the offers add to an offer's page, through Wagtail hooks they register.

The offers sit below volunteering and orientation: they never import them. An app adds a
section to the offer page by registering, in its ``wagtail_hooks.py``, a function of
``(*, offer, request)`` under ``OFFER_SECTIONS`` that returns a ``PageSection`` or ``None``.
The offer page calls :func:`offer_sections` and, for each section, adds its ``context`` to the
page's and includes its ``template`` (and links its ``stylesheets``), like the pact page does.

When an offer is withdrawn, every function registered under ``OFFER_WITHDRAWN`` is called with
``(*, offer, actor)`` in the same transaction.
"""

from __future__ import annotations

from wagtail import hooks

from pactes.linked import PageSection, page_sections

OFFER_SECTIONS = "offres_offer_sections"  # (*, offer, request) -> PageSection | None
# (*, offer, actor) -> None, called inside the withdrawal's transaction: what hangs on the offer
# (calls for volunteers, referrals) is closed and the people it concerns are told.
OFFER_WITHDRAWN = "offres_offer_withdrawn"

__all__ = ["OFFER_SECTIONS", "OFFER_WITHDRAWN", "PageSection", "offer_sections", "offer_withdrawn"]


def offer_sections(*, offer, request) -> list[PageSection]:
    return page_sections(OFFER_SECTIONS, offer=offer, request=request)


def offer_withdrawn(*, offer, actor) -> None:
    for function in hooks.get_hooks(OFFER_WITHDRAWN):
        function(offer=offer, actor=actor)
