"""Demo pacts of DESIGN §10: a commons, a pact in public consultation and an active signed
pact, linked to engagement 4, with the demo association and the city agent as parties.

Everything goes through the services, as the people would do it on the site, so the timeline,
versions and signatures are the real ones. Running it again changes nothing.
"""

import datetime as dt

from django.utils import timezone

from accounts.demo import demo_user
from accounts.models import Organisation
from pactes.models import Commons, Pact, SigningDelegation
from pactes.services.proposals import pact_propose
from pactes.services.signing import pact_sign
from pactes.services.versions import version_create
from pactes.services.workflow import pact_transition

CONSULTATION_TITLE = "Jardin partagé des Lilas"
ACTIVE_TITLE = "Cour de l’école des Tilleuls ouverte le samedi"


def _engagement():
    from programme.models import EngagementPage

    # The French page: pacts link to it, its translations show them (docs/i18n.md).
    return EngagementPage.objects.filter(number=4, locale__language_code="fr").first()


def _commons(*, name: str, **fields) -> Commons:
    commons, _ = Commons.objects.get_or_create(name=name, defaults={"is_validated": True, **fields})
    return commons


def load(*, stdout) -> None:
    association = demo_user("association@example.org")
    agent = demo_user("agent@example.org")
    organisation = Organisation.objects.get(slug="jardins-partages")
    city = Organisation.objects.get(slug="ville")
    engagement = _engagement()

    garden = _commons(
        name="Jardin des Lilas",
        kind=Commons.Kind.GARDEN,
        description="Un ancien terrain vague de 600 m² entre deux immeubles, clos et arboré.",
        address="12 rue des Lilas",
        neighbourhood="Quartier des Fleurs",
        latitude="48.856600",
        longitude="2.352200",
        managing_department=city,
    )
    yard = _commons(
        name="Cour de l’école des Tilleuls",
        kind=Commons.Kind.SCHOOL_YARD,
        description="La cour de l’école élémentaire, fermée le week-end.",
        address="3 place des Tilleuls",
        neighbourhood="Centre",
        latitude="48.858500",
        longitude="2.343000",
        managing_department=city,
    )
    # Demo databases made before the commons had a place on the map get it now.
    Commons.objects.filter(pk=yard.pk, latitude__isnull=True).update(latitude="48.858500", longitude="2.343000")

    common = {
        "actor": association,
        "proponent_kind": Pact.ProponentKind.ORGANISATION,
        "organisation": organisation,
        "publication_consent": True,
        "engagement": engagement,
    }

    if not Pact.objects.filter(title=CONSULTATION_TITLE).exists():
        pact = pact_propose(
            title=CONSULTATION_TITLE,
            commons=garden,
            idea="Transformer le jardin des Lilas en jardin partagé ouvert à tous les âges, "
            "où les anciens du quartier transmettent leur savoir-faire aux enfants.",
            activities="Ateliers de jardinage le mercredi après-midi et le samedi matin, fête des récoltes.",
            beneficiaries="Les habitants du quartier, les écoles et la résidence seniors voisine.",
            duration_months=24,
            periodicity=Pact.Periodicity.PERIODIC,
            own_resources="Outils, graines et une vingtaine de bénévoles.",
            support_requested=[Pact.Support.TOOLS, Pact.Support.INSURANCE, Pact.Support.TRAINING],
            **common,
        )
        pact_transition(pact=pact, name="submit", actor=association)
        pact_transition(pact=pact, name="open_consultation", actor=agent)

    if not Pact.objects.filter(title=ACTIVE_TITLE).exists():
        pact = pact_propose(
            title=ACTIVE_TITLE,
            commons=yard,
            idea="Ouvrir la cour de l’école le samedi pour des jeux et des goûters entre générations.",
            activities="Jeux de cour, lecture à voix haute par des grands-parents, goûters partagés.",
            beneficiaries="Les familles et les aînés du centre-ville.",
            duration_months=12,
            periodicity=Pact.Periodicity.PERIODIC,
            own_resources="Des bénévoles pour l’accueil et le rangement.",
            support_requested=[Pact.Support.SPACES, Pact.Support.INSURANCE],
            **common,
        )
        pact_transition(pact=pact, name="submit", actor=association)
        pact_transition(pact=pact, name="start_co_design", actor=agent)
        latest = pact.versions.order_by("-number").first()
        clauses = [{"key": c.key, "heading": c.heading, "body": c.body} for c in latest.clauses.order_by("position")]
        clauses[0]["body"] += "\n\nLa cour est ouverte de 14 h à 18 h, hors vacances scolaires."
        start = timezone.localdate().replace(day=1)
        version_create(
            actor=agent,
            pact=pact,
            based_on=latest.number,
            clauses=clauses,
            title=ACTIVE_TITLE,
            start_date=start,
            end_date=start + dt.timedelta(days=364),
            note="Horaires d’ouverture et dates convenus en réunion",
        )
        pact_transition(pact=pact, name="freeze", actor=agent)
        pact.refresh_from_db()
        for signer in (association, agent):
            pact_sign(pact=pact, signer=signer, version_number=pact.frozen_version.number)

    # The deputy mayor may sign pacts for the city: a delegation of signature for every department.
    official = demo_user("elu@example.org")
    SigningDelegation.objects.get_or_create(
        official=official,
        department=None,
        defaults={"decision_reference": "Arrêté du maire n° 2026-042", "valid_from": dt.date(2026, 1, 1)},
    )

    if engagement is not None:
        # The programme's pages may be loaded after a first run of this demo.
        Pact.objects.filter(title__in=[CONSULTATION_TITLE, ACTIVE_TITLE], engagement__isnull=True).update(
            engagement=engagement
        )
    stdout.write("demo: pacts ready (one in consultation, one active and signed)")
