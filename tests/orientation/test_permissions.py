"""Who may do what with a referral: a matrix of roles for each permission, through the rules and
through the pages (someone else's referral does not exist: 404)."""

import pytest
import rules

from accounts.models import Membership
from accounts.roles import Role
from orientation import services
from orientation.models import Binome

ROLES = [
    "anonymous",
    "resident",
    "other_connector",
    "colleague",  # a connector of the same organisation
    "other_offer_manager",  # the representative of another offer's organisation
    "city_agent",
    "facilitator",
    "superuser",
    "connector",
    "team",
    "binome",
]


@pytest.fixture
def people(db, make_user, make_connector, make_organisation, make_offer, ccas, connector, team_member, line):
    from django.contrib.auth.models import AnonymousUser

    other_org = make_organisation(name="Maison de santé")
    other_rep = make_user(display_name="Autre association")
    other_assoc = make_organisation(name="Club de lecture", representatives=[other_rep])
    make_offer(title="Club de lecture", organisation=other_assoc)
    companion = make_user(display_name="Binôme")
    binome = Binome.objects.create(user=companion)
    line.binome = binome
    line.save(update_fields=["binome"])
    return {
        "anonymous": AnonymousUser(),
        "resident": make_user(),
        "other_connector": make_connector(organisation=other_org),
        "colleague": make_connector(organisation=ccas),
        "other_offer_manager": other_rep,
        "city_agent": make_user(roles=[Role.CITY_AGENT]),
        "facilitator": make_user(roles=[Role.FACILITATOR]),
        "superuser": make_user(superuser=True),
        "connector": connector,
        "team": team_member,
        "binome": companion,
    }


def _expect(allowed: set[str]) -> list:
    return [(role, role in allowed) for role in ROLES]


@pytest.mark.parametrize(("role", "expected"), _expect({"connector", "colleague", "other_connector"}))
def test_refer_is_for_connectors_of_an_organisation(people, role, expected):
    assert rules.has_perm("orientation.refer", people[role]) is expected


@pytest.mark.parametrize(("role", "expected"), _expect({"connector"}))
@pytest.mark.parametrize("perm", ["view_referral", "delete_referral", "reissue_link"])
def test_a_referral_is_its_connectors_only(people, line, role, expected, perm):
    assert rules.has_perm(f"orientation.{perm}", people[role], line.referral) is expected


@pytest.mark.parametrize(("role", "expected"), _expect({"connector", "team", "binome"}))
def test_a_referred_offer_is_seen_by_its_connector_team_and_companion(people, line, role, expected):
    assert rules.has_perm("orientation.view_line", people[role], line) is expected


@pytest.mark.parametrize(("role", "expected"), _expect({"team"}))
def test_only_the_offers_team_marks_attendance(people, line, role, expected):
    assert rules.has_perm("orientation.mark_attendance", people[role], line) is expected


@pytest.mark.parametrize(("role", "expected"), _expect({"connector", "team"}))
def test_the_connector_or_the_team_pairs_a_companion(people, line, role, expected):
    assert rules.has_perm("orientation.pair_binome", people[role], line) is expected


@pytest.mark.parametrize(("role", "expected"), _expect({"connector"}))
def test_only_the_connector_records_a_follow_up(people, line, role, expected):
    assert rules.has_perm("orientation.record_follow_up", people[role], line.follow_ups.first()) is expected


def test_a_superuser_acts_only_through_a_role(people, line, ccas):
    admin = people["superuser"]
    from django.contrib.auth.models import Group

    admin.groups.add(Group.objects.get_or_create(name=Role.CONNECTOR)[0])
    Membership.objects.create(user=admin, organisation=ccas)
    admin = type(admin).objects.get(pk=admin.pk)
    assert rules.has_perm("orientation.refer", admin)
    # Even as a connector, not someone else's referral.
    assert not rules.has_perm("orientation.view_referral", admin, line.referral)


def test_a_connector_who_loses_the_role_loses_their_referrals(people, line):
    connector = people["connector"]
    connector.groups.clear()
    connector = type(connector).objects.get(pk=connector.pk)
    assert not rules.has_perm("orientation.view_referral", connector, line.referral)


def test_an_erased_referral_is_nobodys(people, line):
    line.referral.erased_at = line.referral.created_at
    for role in ["connector", "team", "binome"]:
        assert not rules.has_perm("orientation.view_line", people[role], line)


@pytest.mark.parametrize("role", [r for r in ROLES if r not in {"connector"}])
def test_the_referral_page_is_not_found_for_anyone_else(people, client_for, line, role):
    client = client_for(None if role == "anonymous" else people[role])
    for url in [f"/orientation/{line.referral_id}/", f"/orientation/{line.referral_id}/lien/"]:
        response = client.get(url)
        assert response.status_code == (302 if role == "anonymous" else 404), (role, url)
    response = client.post(f"/orientation/{line.referral_id}/supprimer/", {"confirm": "yes"})
    assert response.status_code in (302 if role == "anonymous" else 404,)
    assert type(line.referral).objects.filter(pk=line.referral_id).exists()


@pytest.mark.parametrize("role", [r for r in ROLES if r not in {"connector", "team", "binome"}])
def test_the_referred_offer_page_is_not_found_for_anyone_else(people, client_for, line, role):
    client = client_for(None if role == "anonymous" else people[role])
    response = client.get(f"/orientation/offres/{line.pk}/")
    assert response.status_code == (302 if role == "anonymous" else 404)
    if role != "anonymous":
        assert "Josiane" not in response.content.decode()
    response = client.post(f"/orientation/offres/{line.pk}/venue/", {"outcome": "came", "on": "2020-01-01"})
    assert response.status_code in (302, 404)
    line.refresh_from_db()
    assert line.attendance == "pending"


@pytest.mark.parametrize("role", ["resident", "city_agent", "facilitator", "superuser", "team", "binome"])
def test_the_referral_form_is_refused_to_non_connectors(people, client_for, offer, role):
    client = client_for(people[role])
    assert client.get("/orientation/nouvelle/").status_code == 403
    response = client.post("/orientation/nouvelle/", {"first_name": "X", "offers": [offer.pk], "consent": "on"})
    assert response.status_code == 403


def test_services_refuse_the_others(people, line):
    from core.errors import AuthRequired, PermissionDenied

    with pytest.raises(AuthRequired):
        services.referral_delete(actor=people["anonymous"], referral=line.referral, confirmed=True)
    for role in ["colleague", "team", "city_agent", "superuser"]:
        with pytest.raises(PermissionDenied):
            services.referral_delete(actor=people[role], referral=line.referral, confirmed=True)
        with pytest.raises(PermissionDenied):
            services.referral_link_reissue(actor=people[role], referral=line.referral)
    for role in ["connector", "binome", "city_agent", "other_offer_manager"]:
        with pytest.raises(PermissionDenied):
            services.attendance_mark(actor=people[role], line=line, outcome="came", on=line.referral.created_at.date())
    assert line.referral.lines.get().attendance == "pending"
