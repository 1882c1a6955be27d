"""Who may sign a pact, and who may void the signatures by reopening it: role × action."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Membership, Organisation
from cite.errors import PermissionDenied
from pactes.models import Pact, Signature, SigningDelegation
from pactes.predicates import allowed
from pactes.signing import pact_sign
from pactes.versions import current_clauses, version_create
from pactes.workflow import pact_transition

S = Pact.Status


@pytest.fixture
def cast(people, make_user, make_organisation):
    """Everyone around a pact in signing, keyed by the role the matrix names."""
    member = make_user(display_name="Simple membre")
    Membership.objects.create(user=member, organisation=people.association, role=Membership.Role.MEMBER)
    other_agent = make_user(roles=["city_agent"], display_name="Agent des sports")
    make_organisation(name="Service des sports", kind=Organisation.Kind.CITY_DEPARTMENT, members=[other_agent])
    agent_without_department = make_user(roles=["city_agent"], display_name="Agent sans service")
    today = timezone.localdate()

    def official(name, **delegation):
        user = make_user(roles=["elected_official"], display_name=name)
        if delegation:
            SigningDelegation.objects.create(official=user, decision_reference="Arrêté 2026-12", **delegation)
        return user

    sports = Organisation.objects.get(name="Service des sports")
    return {
        "anonymous": people.anonymous,
        "resident": people.resident,
        "plain_member": member,
        "proponent_representative": people.proponent,
        "other_party_representative": people.other_party,
        "department_agent": people.city_agent,
        "agent_of_another_department": other_agent,
        "agent_without_department": agent_without_department,
        "official_with_delegation": official("Élue déléguée", department=people.city, valid_from=today),
        "official_with_city_wide_delegation": official("Maire adjoint", department=None, valid_from=today),
        "official_with_expired_delegation": official(
            "Ancienne élue",
            department=people.city,
            valid_from=today - dt.timedelta(days=400),
            valid_until=today - dt.timedelta(days=1),
        ),
        "official_delegated_elsewhere": official("Élu aux sports", department=sports, valid_from=today),
        "official_without_delegation": official("Élu sans délégation"),
        "superuser": people.superuser,
    }


SIGNATORIES = {
    "proponent_representative",
    "other_party_representative",
    "department_agent",
    "official_with_delegation",
    "official_with_city_wide_delegation",
}
ROLES = [
    "anonymous",
    "resident",
    "plain_member",
    "proponent_representative",
    "other_party_representative",
    "department_agent",
    "agent_of_another_department",
    "agent_without_department",
    "official_with_delegation",
    "official_with_city_wide_delegation",
    "official_with_expired_delegation",
    "official_delegated_elsewhere",
    "official_without_delegation",
    "superuser",
]


@pytest.mark.parametrize("action", ["sign", "reopen"])
@pytest.mark.parametrize("role", ROLES)
def test_signing_rights_matrix_allows_only_signatories(role, action, cast, make_pact):
    pact = make_pact(status=S.SIGNING)
    assert allowed(cast[role], f"pactes.{action}_pact", pact) == (role in SIGNATORIES)


@pytest.mark.parametrize("role", sorted(set(ROLES) - SIGNATORIES - {"anonymous"}))
def test_sign_service_refuses_who_is_not_a_signatory(role, cast, make_pact):
    pact = make_pact(status=S.SIGNING)
    with pytest.raises(PermissionDenied):
        pact_sign(pact=pact, signer=cast[role], version_number=pact.frozen_version.number)
    assert not Signature.objects.exists()


@pytest.mark.parametrize("role", ["department_agent", "official_with_delegation", "official_with_city_wide_delegation"])
def test_sign_for_the_city_by_its_agent_or_a_delegated_official_signs_the_city_party(role, cast, make_pact):
    pact = make_pact(status=S.SIGNING)
    signature = pact_sign(pact=pact, signer=cast[role], version_number=pact.frozen_version.number)
    assert signature.party.role == "city" and signature.signer == cast[role]


def test_sign_page_refuses_an_agent_of_another_department(cast, make_pact, client_for):
    pact = make_pact(status=S.SIGNING)
    client = client_for(cast["agent_of_another_department"])
    response = client.post(reverse("pactes:sign", args=[pact.pk]), {"version": 1, "password": "x"})
    assert response.status_code in {403, 404}
    assert not Signature.objects.exists()


@pytest.mark.parametrize("role", ["plain_member", "agent_of_another_department", "superuser"])
def test_reopen_by_a_non_signatory_leaves_the_signatures(role, cast, people, make_pact):
    pact = make_pact(status=S.SIGNING)
    pact_sign(pact=pact, signer=people.proponent, version_number=1)
    with pytest.raises(PermissionDenied):
        pact_transition(pact=pact, name="reopen", actor=cast[role], reason="")
    pact.refresh_from_db()
    assert pact.status == S.SIGNING
    assert Signature.objects.filter(voided_at__isnull=True).count() == 1


def test_editing_the_text_under_signature_as_a_plain_member_is_refused(cast, people, make_pact):
    pact = make_pact(status=S.SIGNING)
    pact_sign(pact=pact, signer=people.proponent, version_number=1)
    clauses = current_clauses(pact)
    clauses[0]["body"] += " Modifié."
    with pytest.raises(PermissionDenied):
        version_create(
            actor=cast["plain_member"],
            pact=pact,
            based_on=1,
            clauses=clauses,
            title=pact.title,
            start_date=pact.start_date,
            end_date=pact.end_date,
        )
    pact.refresh_from_db()
    assert pact.status == S.SIGNING and pact.versions.count() == 1
    assert Signature.objects.filter(voided_at__isnull=True).count() == 1


def test_reopen_by_a_signatory_voids_the_signatures(people, make_pact):
    pact = make_pact(status=S.SIGNING)
    pact_sign(pact=pact, signer=people.proponent, version_number=1)
    pact_transition(pact=pact, name="reopen", actor=people.other_party, reason="Une date à revoir")
    pact.refresh_from_db()
    assert pact.status == S.CO_DESIGN
    assert not Signature.objects.filter(voided_at__isnull=True).exists()
