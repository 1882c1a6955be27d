"""The permissions other than transitions, for every role in every state."""

import pytest

from pactes.models import Pact
from pactes.predicates import allowed

S = Pact.Status
ROLES = ["anonymous", "resident", "proponent", "other_party", "city_agent", "superuser"]
INSIDERS = {"proponent", "other_party", "city_agent", "superuser"}
CITY = {"city_agent", "superuser"}
VERIFIED = {"resident", "proponent", "other_party", "city_agent", "superuser"}
PUBLIC_STATES = set(S.values) - {S.DRAFT}
OPEN_FILES = {S.DRAFT, S.SUBMITTED, S.INFO_REQUESTED, S.CONSULTATION, S.CO_DESIGN, S.SIGNING, S.ACTIVE, S.SUSPENDED}


def expected(perm: str, state: str, role: str) -> bool:
    # The draft of the fixture has only its proponent as a party.
    insiders = INSIDERS - {"other_party"} if state == S.DRAFT else INSIDERS
    if perm == "view":
        return state in PUBLIC_STATES or role in insiders
    if perm == "edit":
        if state == S.DRAFT:
            return role == "proponent"  # the draft is the proponent's own text
        return state in {S.CO_DESIGN, S.SIGNING} and role in insiders
    if perm == "comment":
        return state in {S.CONSULTATION, S.CO_DESIGN} and role in VERIFIED
    if perm == "answer_comment":
        return role in insiders
    if perm == "request_join":
        return state in {S.CONSULTATION, S.ACTIVE} and role == "resident"
    if perm == "decide_join":
        return role in {"proponent", *CITY}
    if perm == "attach":
        return state in OPEN_FILES and role in insiders
    if perm == "sign":
        # Signatories only: the parties' representatives and an agent of the city's department
        # party to the pact; an administrator is not one (tests/pactes/test_signing_rights.py).
        return state == S.SIGNING and role in {"proponent", "other_party", "city_agent"}
    if perm == "set_council_reference":
        return role in CITY
    if perm == "link_debate":
        return state in OPEN_FILES and role in CITY
    raise AssertionError(perm)


PERMS = ["view", "edit", "comment", "answer_comment", "request_join", "decide_join", "attach", "sign"]
PERMS += ["set_council_reference", "link_debate"]


@pytest.mark.parametrize("state", S.values)
def test_permissions_match_the_expected_table_for_every_role(state, people, make_pact):
    pact = make_pact(status=state)
    wrong = [
        (perm, role)
        for perm in PERMS
        for role in ROLES
        if allowed(getattr(people, role), f"pactes.{perm}_pact", pact) != expected(perm, state, role)
    ]
    assert not wrong


def test_an_unverified_party_member_may_not_edit_or_sign(people, make_pact):
    from allauth.account.models import EmailAddress

    pact = make_pact(status=S.SIGNING)
    EmailAddress.objects.filter(user=people.proponent).update(verified=False)
    assert not allowed(people.proponent, "pactes.edit_pact", pact)
    assert not allowed(people.proponent, "pactes.sign_pact", pact)


def test_a_plain_member_of_a_party_may_edit_but_not_sign(people, make_pact, make_user):
    from accounts.models import Membership

    member = make_user()
    Membership.objects.create(user=member, organisation=people.association, role="member")
    pact = make_pact(status=S.SIGNING)
    assert allowed(member, "pactes.edit_pact", pact)
    assert not allowed(member, "pactes.sign_pact", pact)
