"""Fixtures of the referral tests: offers, a connector of a CCAS, the offer's team, people in
every other role."""

import pytest
from django.utils import timezone

from accounts.models import Organisation
from accounts.roles import Role
from offres.models import Offer
from orientation import services


@pytest.fixture
def make_offer(db):
    def make(*, title="Atelier tricot", status=Offer.Status.PUBLISHED, **fields):
        fields.setdefault("summary", "Tricoter ensemble, débutants bienvenus.")
        if status in (Offer.Status.PUBLISHED, Offer.Status.TO_VERIFY):
            fields.setdefault("last_confirmed_at", timezone.now())
        return Offer.objects.create(title=title, status=status, **fields)

    return make


@pytest.fixture
def team_member(make_user):
    return make_user(display_name="Les Jardins partagés")


@pytest.fixture
def association(make_organisation, team_member):
    return make_organisation(name="Les Jardins partagés", representatives=[team_member])


@pytest.fixture
def offer(make_offer, association):
    return make_offer(
        title="Jardinage collectif du samedi",
        kind=Offer.Kind.GROUP,
        organisation=association,
        companion_first_visit=True,
    )


@pytest.fixture
def ccas(make_organisation):
    return make_organisation(name="CCAS", kind=Organisation.Kind.INSTITUTION)


@pytest.fixture
def make_connector(make_user):
    def make(*, organisation, **kwargs):
        from accounts.models import Membership

        user = make_user(roles=[Role.CONNECTOR], **kwargs)
        Membership.objects.create(user=user, organisation=organisation)
        return user

    return make


@pytest.fixture
def connector(make_connector, ccas):
    return make_connector(organisation=ccas, display_name="Nadia (CCAS)")


@pytest.fixture
def refer(connector, offer):
    """``refer(**overrides)`` -> (referral, token), referred by ``connector`` to ``offer``."""

    def make(*, actor=None, offers=None, first_name="Josiane", contact="06 12 34 56 78", consent_given=True):
        return services.referral_create(
            actor=actor or connector,
            offer_ids=[o.pk for o in (offers or [offer])],
            first_name=first_name,
            contact=contact,
            consent_given=consent_given,
        )

    return make


@pytest.fixture
def referral(refer):
    return refer()[0]


@pytest.fixture
def line(referral):
    return referral.lines.select_related("offer", "referral").get()
