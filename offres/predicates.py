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
    cache = user.__dict__.setdefault("_represented_organisations", None)
    if cache is None:
        cache = frozenset(
            Membership.objects.filter(user=user, role=Membership.Role.REPRESENTATIVE).values_list(
                "organisation_id", flat=True
            )
        )
        user._represented_organisations = cache
    return offer.organisation_id in cache
