"""Fixtures of the pact tests: the people around a pact, and pacts built in any state."""

import datetime as dt
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from accounts.models import Organisation
from pactes.clauses import initial_clauses
from pactes.models import Commons, Pact, Party
from pactes.versions import write_version

PROPOSAL = {
    "idea": "Cultiver ensemble le jardin de la rue des Lilas.",
    "activities": "Ateliers du samedi",
    "beneficiaries": "Les habitants du quartier",
    "duration_months": 12,
    "periodicity": "continuous",
    "own_resources": "Outils de l’association",
    "support_requested": ["tools", "insurance"],
}


@pytest.fixture
def people(make_user, make_organisation, city_agent, superuser):
    """Everyone the matrix walks through: anonymous, a resident with no part in the pact, the
    proponent, another party, a city agent and an administrator."""
    proponent = make_user(display_name="Porteuse")
    other_party = make_user(display_name="Autre partie")
    resident = make_user(display_name="Voisine")
    association = make_organisation(name="Les Jardins partagés", representatives=[proponent])
    partner = make_organisation(name="Amicale des locataires", representatives=[other_party])
    # The agent belongs to the department party to the pacts, so they may sign for the city.
    city = make_organisation(
        name="Ville – Direction des espaces verts", kind=Organisation.Kind.CITY_DEPARTMENT, members=[city_agent]
    )
    return SimpleNamespace(
        anonymous=AnonymousUser(),
        resident=resident,
        proponent=proponent,
        other_party=other_party,
        city_agent=city_agent,
        superuser=superuser,
        association=association,
        partner=partner,
        city=city,
    )


@pytest.fixture
def make_pact(people):
    """``make_pact(status="co_design", type="ordinary")`` -> a pact as it would be in that status:
    three parties, a text with dates, a frozen version when signing, a consultation open for
    another week."""

    def make(*, status: str = Pact.Status.DRAFT, type: str = Pact.Type.ORDINARY, title: str = "Jardin des Lilas"):
        commons = Commons.objects.create(name="Jardin des Lilas", kind=Commons.Kind.GARDEN, is_validated=True)
        now = timezone.now()
        pact = Pact.objects.create(
            title=title,
            type=type,
            commons=commons,
            proponent_kind=Pact.ProponentKind.ORGANISATION,
            idea=PROPOSAL["idea"],
            publication_consent=True,
            created_by=people.proponent,
            submitted_at=None if status == Pact.Status.DRAFT else now,
            consultation_ends_at=now + dt.timedelta(days=7) if status == Pact.Status.CONSULTATION else None,
        )
        Party.objects.create(pact=pact, role=Party.Role.PROPONENT, organisation=people.association)
        if status != Pact.Status.DRAFT:
            Party.objects.create(pact=pact, role=Party.Role.CO_SIGNATORY, organisation=people.partner)
            Party.objects.create(pact=pact, role=Party.Role.CITY, organisation=people.city)
        version = write_version(
            pact=pact,
            actor=people.proponent,
            clauses=initial_clauses(proposal=PROPOSAL),
            note="Proposition",
            start_date=dt.date(2027, 1, 1),
            end_date=dt.date(2027, 12, 31),
            keep_dates=False,
        )
        pact.status = status
        if status == Pact.Status.SIGNING:
            pact.frozen_version = version
        pact.save()
        return pact

    return make
