"""django-rules predicates about offers. Each takes ``(user, offer)`` and handles ``None``."""

import rules

from accounts.models import Membership
from accounts.predicates import is_active_account, is_city_agent


@rules.predicate
def is_offer_manager(user, offer) -> bool:
    """May publish, update and confirm the offer and hear about it: a representative of the
    organisation that runs it, or a city agent (the city keeps the directory)."""
    if offer is None or not is_active_account(user):
        return False
    if is_city_agent(user):
        return True
    if offer.organisation_id is None:
        return False
    return offer.organisation_id in represented_organisation_ids(user)


def represented_organisation_ids(user) -> frozenset[int]:
    """The organisations ``user`` represents (one query, cached on the user)."""
    if not is_active_account(user):
        return frozenset()
    cache = user.__dict__.get("_represented_organisations")
    if cache is None:
        cache = frozenset(
            Membership.objects.filter(user=user, role=Membership.Role.REPRESENTATIVE).values_list(
                "organisation_id", flat=True
            )
        )
        user._represented_organisations = cache
    return cache


@rules.predicate
def may_run_offers(user) -> bool:
    """May publish offers of their own: a city agent, or the representative of an organisation."""
    return is_active_account(user) and (is_city_agent(user) or bool(represented_organisation_ids(user)))


@rules.predicate
def is_offer_listed(user, offer) -> bool:
    return offer is not None and offer.is_listed


@rules.predicate
def is_offer_suggested(user, offer) -> bool:
    return offer is not None and offer.status == offer.Status.SUGGESTED


@rules.predicate
def is_offer_suggester(user, offer) -> bool:
    return offer is not None and is_active_account(user) and offer.created_by_id == user.pk
