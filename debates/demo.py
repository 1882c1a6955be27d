"""Demo debates (DESIGN §10): an open debate linked to engagement 9 with animation@example.org as
facilitator, a few messages and an upcoming session; an upcoming debate and a closed one with
its synthesis, so that every list of /debats/ has something to show. Idempotent."""

import uuid

from django.utils import timezone

from accounts.demo import demo_user
from debates import services
from debates.models import Debate, DebateSession

OPEN_SLUG = "se-parler-entre-voisins"

MESSAGES = [
    (
        "animation@example.org",
        (
            "Bienvenue ! Ce soir, nous cherchons ensemble comment créer plus d’occasions de se parler "
            "entre voisins. Chacun peut partager une expérience, une idée ou une difficulté."
        ),
    ),
    (
        "habitant@example.org",
        (
            "J’habite le quartier depuis deux ans et je connais à peine mes voisins de palier. "
            "J’aimerais des moments simples, sans inscription, pour se croiser."
        ),
    ),
    (
        "association@example.org",
        (
            "Au jardin partagé, les goûters du mercredi attirent des familles et des personnes âgées. "
            "On pourrait en organiser dans d’autres lieux, au pied des immeubles par exemple."
        ),
    ),
    (
        "habitant@example.org",
        (
            "Ce que j’entends, c’est que les rendez-vous réguliers et ouverts marchent bien. Un banc et"
            " une table au square suffiraient peut-être pour commencer ?"
        ),
    ),
]


def _engagement(number: int):
    try:
        from programme.models import EngagementPage
    except ImportError:  # the programme app is not there yet
        return None
    # The French page: debates link to it, its translations show them (docs/i18n.md).
    return EngagementPage.objects.filter(number=number, locale__language_code="fr").first()


def load(*, stdout) -> None:
    now = timezone.now()
    facilitator = demo_user("animation@example.org")
    debate, _created = Debate.objects.get_or_create(
        slug=OPEN_SLUG,
        defaults={
            "title": "Se parler entre voisins",
            "question": "Comment multiplier les occasions de se rencontrer et de se parler dans le quartier ?",
            "description": "Un débat animé pour recueillir idées et expériences avant le conseil de quartier.",
            "status": Debate.Status.OPEN,
        },
    )
    if debate.engagement_id is None:
        debate.engagement = _engagement(9)
        debate.save(update_fields=["engagement"])
    debate.facilitators.add(facilitator)
    if not debate.messages.exists():
        for email, body in MESSAGES:
            author = demo_user(email)
            services.debate_accept_charter(actor=author, debate=debate)
            services.message_post(
                actor=author, debate=debate, client_id=uuid.uuid5(uuid.NAMESPACE_URL, body), body=body
            )
    if not debate.sessions.filter(ends_at__gte=now).exists():
        start = (now + timezone.timedelta(days=7)).replace(hour=18, minute=30, second=0, microsecond=0)
        DebateSession.objects.create(
            debate=debate,
            title="Séance en direct",
            starts_at=start,
            ends_at=start + timezone.timedelta(hours=1, minutes=30),
        )

    upcoming, _ = Debate.objects.get_or_create(
        slug="cours-ecole-ouverte",
        defaults={
            "title": "La cour d’école ouverte le samedi",
            "question": "Ouvrir la cour de l’école Jules-Ferry aux familles le samedi : à quelles conditions ?",
            "status": Debate.Status.SCHEDULED,
            "engagement": _engagement(4),
        },
    )
    upcoming.facilitators.add(facilitator)
    if not upcoming.sessions.filter(ends_at__gte=now).exists():
        start = (now + timezone.timedelta(days=14)).replace(hour=10, minute=0, second=0, microsecond=0)
        DebateSession.objects.create(debate=upcoming, starts_at=start, ends_at=start + timezone.timedelta(hours=2))

    closed, _ = Debate.objects.get_or_create(
        slug="fete-des-voisins",
        defaults={
            "title": "Préparer la fête des voisins",
            "question": "Comment faire de la fête des voisins un moment où personne ne reste seul ?",
            "status": Debate.Status.CLOSED,
            "closed_at": now - timezone.timedelta(days=20),
            "synthesis": (
                "Trente-deux personnes ont participé. Trois propositions sont retenues : des invitations "
                "glissées dans chaque boîte aux lettres, un binôme pour aller chercher les voisins âgés qui "
                "le souhaitent, et des tables installées dans les halls en cas de pluie."
            ),
            "engagement": _engagement(9),
        },
    )
    closed.facilitators.add(facilitator)
    stdout.write(f"debates: {Debate.objects.count()} debates, {debate.messages.count()} messages in the open one")
