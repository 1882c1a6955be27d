"""django-rules predicates about pacts. Each takes ``(user, pact)`` and handles ``None``.

Where a person stands in a pact (proponent, other party, member of a party organisation) is
read once per pact and user and cached on the pact instance, so a page asking many rules costs
two queries, not one per rule.
"""

import rules
from django.db.models import Q
from django.utils import timezone

from accounts.models import Membership
from accounts.predicates import can_take_part, is_active_account, is_city_agent, is_elected_official, is_superuser

# What a person may be in a pact. A "signatory" may sign for a party: the person party
# themself, or a representative of an organisation party.
PROPONENT_SIGNATORY = "proponent_signatory"
PARTY_SIGNATORY = "party_signatory"
PARTY_MEMBER = "party_member"
# May sign for the city party: a city agent of the department that is party to the pact, or an
# elected official holding a delegation of signature for it.
CITY_SIGNATORY = "city_signatory"


def party_standing(user, pact) -> dict[int, set[str]]:
    """``{party_id: {standing, ...}}`` for the parties ``user`` may act for. For the city's
    party the only standing is ``CITY_SIGNATORY``: city agents act for the city through
    their role, not through the party."""
    if pact is None or not is_active_account(user):
        return {}
    cache = pact.__dict__.setdefault("_standing_cache", {})
    if user.pk in cache:
        return cache[user.pk]
    parties = list(pact.parties.all())
    org_ids = [p.organisation_id for p in parties if p.organisation_id]
    roles = dict(
        Membership.objects.filter(user=user, organisation_id__in=org_ids).values_list("organisation_id", "role")
    )
    standing: dict[int, set[str]] = {}
    for party in parties:
        if party.role == party.Role.CITY:
            if _may_sign_for_city(user, party.organisation_id, roles):
                standing[party.pk] = {CITY_SIGNATORY}
            continue
        marks: set[str] = set()
        if party.person_id == user.pk or roles.get(party.organisation_id) == Membership.Role.REPRESENTATIVE:
            marks |= {PARTY_SIGNATORY, PARTY_MEMBER}
            if party.role == party.Role.PROPONENT:
                marks.add(PROPONENT_SIGNATORY)
        elif party.organisation_id in roles:
            marks.add(PARTY_MEMBER)
        if marks:
            standing[party.pk] = marks
    cache[user.pk] = standing
    return standing


def _may_sign_for_city(user, department_id: int | None, memberships: dict) -> bool:
    if department_id is None:
        return False
    if is_city_agent(user) and department_id in memberships:
        return True
    if not is_elected_official(user):
        return False
    from pactes.models import SigningDelegation

    today = timezone.localdate()
    return (
        SigningDelegation.objects.filter(official=user, valid_from__lte=today)
        .filter(Q(valid_until__isnull=True) | Q(valid_until__gte=today))
        .filter(Q(department__isnull=True) | Q(department_id=department_id))
        .exists()
    )


def allowed(user, perm: str, obj=None) -> bool:
    """Ask the rule itself. ``user.has_perm`` would answer yes to any superuser for anything,
    while an administrator must follow the workflow like the city agents they stand for."""
    return rules.has_perm(perm, user, obj)


def forget_standing(pact) -> None:
    pact.__dict__.pop("_standing_cache", None)


def _has_standing(mark: str):
    @rules.predicate(name=f"has_pact_{mark}")
    def predicate(user, pact) -> bool:
        return any(mark in marks for marks in party_standing(user, pact).values())

    return predicate


is_pact_proponent = _has_standing(PROPONENT_SIGNATORY)
is_pact_party_signatory = _has_standing(PARTY_SIGNATORY)
is_pact_party_member = _has_standing(PARTY_MEMBER)
is_pact_city_signatory = _has_standing(CITY_SIGNATORY)

# City agents act for the city; administrators may do what they do.
is_city_staff = is_city_agent | is_superuser


@rules.predicate
def is_ordinary_pact(user, pact) -> bool:
    return pact is not None and pact.type == pact.Type.ORDINARY


@rules.predicate
def is_consultation_over(user, pact) -> bool:
    return bool(pact is not None and pact.consultation_ends_at and pact.consultation_ends_at <= timezone.now())


@rules.predicate
def is_public_pact(user, pact) -> bool:
    return pact is not None and pact.is_public


def _in_status(*statuses: str):
    @rules.predicate(name=f"pact_in_{'_or_'.join(statuses)}")
    def predicate(user, pact) -> bool:
        return pact is not None and pact.status in statuses

    return predicate


is_pact_draft = _in_status("draft")
is_pact_editable = _in_status("draft", "co_design", "signing")
is_pact_open_to_comments = _in_status("consultation", "co_design")
is_pact_open_to_joining = _in_status("consultation", "active")
is_pact_signing = _in_status("signing")
is_pact_reporting = _in_status("active", "suspended")
is_pact_renewable = _in_status("active", "suspended", "ended")
is_pact_open_to_files = _in_status(
    "draft", "submitted", "info_requested", "consultation", "co_design", "signing", "active", "suspended"
)

# Who may act for a pact's side: its parties' members or the city.
is_pact_insider = is_pact_party_member | is_city_staff
can_take_part_in_pact = can_take_part & is_pact_insider
