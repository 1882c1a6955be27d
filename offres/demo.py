"""Demo offers: about twenty activities, groups, places and events across the demo
neighbourhoods, run by the city, the demo association and a few local organisations, linked to
engagements 6, 7 and 8. One is « à vérifier » (reported outdated), one is a resident's
suggestion waiting for review.

Offers are published through the services, as the people would do it on the site. The other
apps rely on two titles: « Jardinage collectif du samedi » and « Marche douce du jeudi ».
Running it again changes nothing (an offer is looked up by its title).
"""

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.utils import timezone

from accounts.demo import demo_user
from accounts.models import Organisation
from offres.models import Offer
from offres.services import offer_create, offer_report, offer_suggest
from pactes.geocoding import neighbourhood_centroids

GARDENING = "Jardinage collectif du samedi"
WALK = "Marche douce du jeudi"

K, C, A, R = Offer.Kind, Offer.Cost, Offer.Audience, Offer.Recurrence
ORGANISATIONS = [
    # slug, name, kind
    ("centre-social-gare", "Centre social de la Gare", Organisation.Kind.ASSOCIATION),
    ("amicale-des-rives", "Amicale des locataires des Rives", Organisation.Kind.INFORMAL_GROUP),
    ("club-des-fleurs", "Club des aînés des Fleurs", Organisation.Kind.ASSOCIATION),
]
# title, kind, organisation slug, neighbourhood, (weekday, start, end) or None, recurrence, cost, audience,
# flags (screen_free, step_free, companion, hearing_loop), engagements, summary, schedule, place
OFFERS = [
    (GARDENING, K.GROUP, "jardins-partages", "Quartier des Fleurs", (5, "10:00", "12:00"), R.WEEKLY, C.FREE, A.ALL,
     (True, True, True, False), [6, 8], "Semer, arroser, récolter ensemble : aucune expérience nécessaire.",
     "Chaque samedi, de 10 h à 12 h", "Jardin partagé des Lilas"),
    (WALK, K.ACTIVITY, "ville", "Les Rives", (3, "09:30", "11:00"), R.WEEKLY, C.FREE, A.SENIORS,
     (True, False, True, False), [6], "Une marche lente le long de la rivière, avec pauses et café à l’arrivée.",
     "Chaque jeudi, de 9 h 30 à 11 h", "Départ devant la passerelle des Rives"),
    ("Café des voisins", K.PLACE, "amicale-des-rives", "Les Rives", None, R.OPEN_HOURS, C.SOLIDARITY, A.ALL,
     (True, True, False, False), [6], "Un café à prix libre où l’on vient sans raison, pour lire, jouer, discuter.",
     "Du mardi au samedi, de 9 h à 18 h", "Local de l’amicale, rez-de-chaussée"),
    ("Bibliothèque : coin lecture et jeux", K.PLACE, "ville", "Centre", None, R.OPEN_HOURS, C.FREE, A.ALL,
     (True, True, False, True), [6, 7], "Des fauteuils, des journaux, des jeux de société : entrée libre.",
     "Du mardi au samedi, de 10 h à 19 h", "Bibliothèque municipale"),
    ("Tricot-thé du mardi", K.GROUP, "club-des-fleurs", "Quartier des Fleurs", (1, "14:00", "16:30"), R.WEEKLY,
     C.FREE, A.SENIORS, (True, True, True, False), [6], "Tricoter, crocheter et papoter autour d’un thé.",
     "Chaque mardi après-midi", "Salle du club, rue des Fleurs"),
    ("Repair café", K.EVENT, "centre-social-gare", "La Gare", (5, "14:00", "18:00"), R.MONTHLY, C.FREE, A.ALL,
     (True, True, True, False), [6, 8], "Réparer ensemble son grille-pain, son vélo ou sa lampe, avec des bénévoles.",
     "Le premier samedi du mois, de 14 h à 18 h", "Centre social de la Gare"),
    ("Atelier numérique pas à pas", K.ACTIVITY, "centre-social-gare", "La Gare", (2, "10:00", "11:30"), R.WEEKLY,
     C.FREE, A.SENIORS, (False, True, True, False), [7], "Apprendre à se servir de son téléphone, sans jugement.",
     "Chaque mercredi matin", "Centre social de la Gare, salle 2"),
    ("Soirée jeux de société", K.EVENT, "amicale-des-rives", "Les Rives", (4, "19:00", "22:00"), R.FORTNIGHTLY,
     C.FREE, A.ALL, (True, True, False, False), [6], "Des jeux simples pour rencontrer ses voisins.",
     "Un vendredi sur deux, de 19 h à 22 h", "Local de l’amicale"),
    ("Chorale du quartier", K.GROUP, "club-des-fleurs", "Quartier des Fleurs", (0, "18:30", "20:00"), R.WEEKLY,
     C.SOLIDARITY, A.ALL, (True, False, True, True), [6], "Chanter ensemble, sans savoir lire la musique.",
     "Chaque lundi soir", "Salle paroissiale des Fleurs"),
    ("Permanence « premier contact »", K.FIRST_CONTACT, "centre-social-gare", "La Gare", (3, "14:00", "17:00"),
     R.WEEKLY, C.FREE, A.ALL, (True, True, True, False), [6], "Quelqu’un vous écoute et vous présente une activité "
     "qui vous ressemble, et peut vous y accompagner.", "Chaque jeudi après-midi", "Centre social de la Gare"),
    ("Pause-parents du vendredi", K.GROUP, "centre-social-gare", "La Gare", (4, "09:00", "11:00"), R.WEEKLY,
     C.FREE, A.PARENTS, (True, True, True, False), [6], "Un café entre parents pendant que les petits jouent.",
     "Chaque vendredi matin", "Ludothèque de la Gare"),
    ("Square des Tilleuls : bancs et boulodrome", K.PLACE, "ville", "Centre", None, R.OPEN_HOURS, C.FREE, A.ALL,
     (True, True, False, False), [6], "Un square ombragé avec des bancs et un terrain de pétanque.",
     "Tous les jours, de 8 h à 20 h", "Square des Tilleuls"),
    ("Foot en salle pour les 15-25 ans", K.ACTIVITY, "ville", "Les Rives", (2, "17:00", "19:00"), R.WEEKLY,
     C.FREE, A.YOUNG, (True, False, False, False), [6], "Foot à cinq, équipes mélangées, encadré par un animateur.",
     "Chaque mercredi, de 17 h à 19 h", "Gymnase des Rives"),
    ("Cuisine partagée", K.ACTIVITY, "amicale-des-rives", "Les Rives", (5, "10:00", "14:00"), R.MONTHLY, C.PRICE,
     A.ALL, (True, True, True, False), [6], "On cuisine ensemble puis on déjeune : chacun apporte un ingrédient.",
     "Un samedi par mois", "Cuisine de l’amicale"),
    ("Lecture à voix haute", K.ACTIVITY, "ville", "Centre", (2, "15:00", "16:00"), R.WEEKLY, C.FREE, A.SENIORS,
     (True, True, False, True), [6, 7], "Un bibliothécaire lit une nouvelle ; on en parle ensuite autour d’un café.",
     "Chaque mercredi à 15 h", "Bibliothèque municipale"),
    ("Accueil au jardin le mercredi soir", K.ACTIVITY, "jardins-partages", "Quartier des Fleurs",
     (2, "17:00", "19:00"), R.WEEKLY, C.FREE, A.ALL, (True, True, True, False), [8],
     "Faire visiter le jardin et accueillir les curieux, autour d’une tisane.", "Chaque mercredi soir",
     "Jardin partagé des Lilas"),
    ("Fête des voisins de la Gare", K.EVENT, "centre-social-gare", "La Gare", (5, "17:00", "22:00"), R.ONCE, C.FREE,
     A.ALL, (True, True, True, False), [6, 8], "Chacun apporte un plat ; musique et jeux pour les enfants.",
     "Un samedi de printemps", "Parvis de la Gare"),
    ("Yoga doux sur chaise", K.ACTIVITY, "club-des-fleurs", "Quartier des Fleurs", (0, "10:00", "11:00"), R.WEEKLY,
     C.SOLIDARITY, A.SENIORS, (True, True, True, False), [6], "Des mouvements simples, assis, pour tous les corps.",
     "Chaque lundi matin", "Salle du club, rue des Fleurs"),
]  # fmt: skip
TO_VERIFY = "Soirée jeux de société"
SUGGESTION = "Atelier couture de la rue Haute"


def _next(weekday: int, time: str) -> dt.datetime:
    """The next ``weekday`` (0 Monday) from today at ``time``, in the city's time zone."""
    today = timezone.localdate()
    day = today + dt.timedelta(days=(weekday - today.weekday()) % 7)
    hour, minute = (int(part) for part in time.split(":"))
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


def _organisations() -> dict[str, Organisation]:
    for slug, name, kind in ORGANISATIONS:
        Organisation.objects.get_or_create(slug=slug, defaults={"name": name, "kind": kind})
    slugs = [row[0] for row in ORGANISATIONS] + ["ville", "jardins-partages"]
    return {org.slug: org for org in Organisation.objects.filter(slug__in=slugs)}


def load(*, stdout) -> None:
    from programme.models import EngagementPage

    agent = demo_user("agent@example.org")
    association = demo_user("association@example.org")
    organisations = _organisations()
    french = EngagementPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
    engagements = {page.number: page for page in french.filter(number__in=[6, 7, 8])}
    centres = neighbourhood_centroids()
    existing = set(Offer.objects.values_list("title", flat=True))
    for index, row in enumerate(OFFERS):
        title, kind, slug, place, when, rhythm, cost, audience, flags, numbers, summary, schedule, place_name = row
        if title in existing:
            continue
        latitude, longitude = centres.get(place, (None, None))
        data = {
            "title": title,
            "kind": kind,
            "summary": summary,
            "organisation": organisations[slug],
            "schedule": schedule,
            "recurrence": rhythm,
            "place_name": place_name,
            "neighbourhood": place,
            "cost": cost,
            "price": "5 € (prix libre pour qui ne peut pas)" if cost != C.FREE else "",
            "screen_free": flags[0],
            "step_free": flags[1],
            "companion_first_visit": flags[2],
            "hearing_loop": flags[3],
            "audience": audience,
            "contact_name": organisations[slug].name,
            "contact_email": f"contact@{slug}.example.org",
            "engagements": [engagements[n] for n in numbers if n in engagements],
        }
        if latitude is not None:
            # Spread the offers of a neighbourhood around its centre, a few dozen metres apart.
            data["latitude"] = Decimal(f"{latitude + ((index % 5) - 2) * 0.0003:.6f}")
            data["longitude"] = Decimal(f"{longitude + ((index % 3) - 1) * 0.0005:.6f}")
        if when is not None:
            weekday, start, end = when
            data["starts_at"] = _next(weekday, start)
            data["ends_at"] = _next(weekday, end)
        actor = association if slug == "jardins-partages" else agent
        offer_create(actor=actor, data=data)
    if TO_VERIFY not in existing:
        # Two residents found the evening moved: it is shown « à vérifier » until confirmed.
        offer = Offer.objects.get(title=TO_VERIFY)
        for email in ("habitant@example.org", "elu@example.org"):
            offer_report(actor=demo_user(email), offer=offer, reason="Les soirées ont changé de jour, il me semble.")
    if SUGGESTION not in existing:
        offer_suggest(
            actor=demo_user("habitant@example.org"),
            data={
                "title": SUGGESTION,
                "kind": K.GROUP,
                "summary": "Des voisines se retrouvent pour coudre et réparer des vêtements.",
                "schedule": "Le jeudi soir, il me semble",
                "neighbourhood": "Centre",
                "cost": C.FREE,
                "screen_free": True,
            },
        )
    stdout.write(f"demo: {Offer.objects.count()} offers")
