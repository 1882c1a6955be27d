"""django-rules predicates about calls for volunteers and answers. Each takes ``(user, obj)``
and handles ``None``.

Who manages a call is who manages its host: for an offer, ``offres.predicates.is_offer_manager``
(the representatives of the organisation that runs it, city agents); for a pact, the people who
may act for one of its parties — a person party, a representative of an organisation party, the
city's signatories (``pactes.predicates``).
"""

import rules

from accounts.predicates import can_take_part
from offres.predicates import is_offer_manager
from pactes.predicates import is_pact_city_signatory, is_pact_party_signatory

# May publish a call on a pact, and manage its calls.
is_pact_party_representative = is_pact_party_signatory | is_pact_city_signatory


@rules.predicate
def is_active_pact(user, pact) -> bool:
    return pact is not None and pact.status == pact.Status.ACTIVE


@rules.predicate
def is_listed_offer(user, offer) -> bool:
    return offer is not None and offer.is_listed


@rules.predicate
def is_call_manager(user, call) -> bool:
    if call is None:
        return False
    if call.offer_id:
        return is_offer_manager(user, call.offer)
    return is_pact_party_representative(user, call.pact)


@rules.predicate
def is_call_host_live(user, call) -> bool:
    """The host still runs: a listed offer, an active pact. Otherwise the call is not shown."""
    if call is None:
        return False
    if call.offer_id:
        return call.offer.is_listed
    return call.pact.status == call.pact.Status.ACTIVE


@rules.predicate
def has_answered_call(user, call) -> bool:
    """The person offered to help on this call (whatever became of it): they keep seeing it,
    and why it closed, after its host stopped running."""
    if call is None or user is None or not user.is_authenticated:
        return False
    return call.answers.filter(volunteer=user).exists()


@rules.predicate
def is_call_open(user, call) -> bool:
    return call is not None and call.status == call.Status.OPEN


@rules.predicate
def is_answer_volunteer(user, answer) -> bool:
    return bool(answer is not None and user is not None and user.is_authenticated and answer.volunteer_id == user.pk)


@rules.predicate
def is_answer_call_manager(user, answer) -> bool:
    return answer is not None and is_call_manager(user, answer.call)


manages_call = can_take_part & is_call_manager
manages_answer = can_take_part & is_answer_call_manager
