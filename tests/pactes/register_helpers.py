"""Pacts for the register and open-data tests: one at a time, or thousands with bulk_create."""

import datetime as dt
import itertools

import pytest
from django.utils import timezone

from accounts.models import Organisation
from pactes.models import Commons, Pact, Party

_n = itertools.count(1)


@pytest.fixture
def register_pact(db, make_user, make_organisation):
    """``register_pact(title=, status=, kind=, neighbourhood=, party=, located=)`` -> a public
    pact with one non-city party (an organisation of kind ``party`` or a person)."""
    city = make_organisation(name="Ville", kind=Organisation.Kind.CITY_DEPARTMENT)

    def make(
        *,
        title: str,
        status: str = Pact.Status.ACTIVE,
        kind: str = Commons.Kind.GARDEN,
        neighbourhood: str = "Centre",
        party: str = "association",
        located: bool = True,
        engagement=None,
        submitted: bool = True,
    ) -> Pact:
        n = next(_n)
        commons = Commons.objects.create(
            name=f"Bien {n} {title}",
            kind=kind,
            neighbourhood=neighbourhood,
            is_validated=True,
            latitude="48.85" if located else None,
            longitude=f"2.{n:02d}" if located else None,
        )
        pact = Pact.objects.create(
            title=title,
            commons=commons,
            status=status,
            engagement=engagement,
            proponent_kind=Pact.ProponentKind.ORGANISATION,
            idea=f"Idée du pacte {title}",
            publication_consent=True,
            submitted_at=timezone.now() if submitted else None,
        )
        if party == "person":
            Party.objects.create(pact=pact, role=Party.Role.PROPONENT, person=make_user(display_name=f"Habitante {n}"))
        else:
            organisation = make_organisation(name=f"Groupe {n}", kind=party)
            Party.objects.create(pact=pact, role=Party.Role.PROPONENT, organisation=organisation)
        Party.objects.create(pact=pact, role=Party.Role.CITY, organisation=city)
        return pact

    return make


def bulk_pacts(count: int, *, commons: int) -> None:
    """``count`` active pacts on ``commons`` commons, each with an association party and a
    person party, written with bulk_create."""
    from accounts.models import User

    now = timezone.now()
    places = Commons.objects.bulk_create(
        Commons(
            name=f"Lieu {i}",
            kind=Commons.Kind.values[i % len(Commons.Kind.values)],
            neighbourhood=f"Quartier {i % 12}",
            is_validated=True,
            latitude=f"48.{i:04d}",
            longitude=f"2.{i:04d}",
        )
        for i in range(commons)
    )
    group = Organisation.objects.create(
        name="Association en nombre", slug="association-en-nombre", kind=Organisation.Kind.ASSOCIATION
    )
    person = User.objects.create_user(email="nombre@example.org", password="x-long-password", display_name="Nombre")
    pacts = Pact.objects.bulk_create(
        Pact(
            title=f"Pacte en nombre {i}",
            commons=places[i % commons],
            status=Pact.Status.ACTIVE,
            proponent_kind=Pact.ProponentKind.ORGANISATION,
            idea="Prendre soin ensemble",
            publication_consent=True,
            submitted_at=now,
            start_date=dt.date(2026, 1, 1),
            end_date=dt.date(2027, 12, 31),
        )
        for i in range(count)
    )
    Party.objects.bulk_create(
        [Party(pact=p, role=Party.Role.PROPONENT, organisation=group) for p in pacts]
        + [Party(pact=p, role=Party.Role.CO_SIGNATORY, person=person) for p in pacts]
    )
