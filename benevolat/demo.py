"""Demo calls for volunteers: one on the offer « Jardinage collectif du samedi » (when the
offers' demo made it), one on the active demo pact, each with the demo resident accepted and
hours recorded. Through the services, as people would do it on the site. Idempotent."""

import datetime as dt

from django.utils import timezone

from accounts.demo import demo_user
from benevolat.models import Answer, Call
from benevolat.services import CallText, answer_create, answer_decide, call_publish, hours_record
from offres.models import Offer
from pactes.demo import ACTIVE_TITLE
from pactes.models import Pact

OFFER_TITLE = "Jardinage collectif du samedi"
GARDEN_CALL = "Accueillir les nouveaux jardiniers du samedi"
YARD_CALL = "Animer les goûters de la cour le samedi"


def _publish(*, actor, host: dict, text: CallText) -> Call:
    call = Call.objects.filter(title=text.title).first()
    if call is None:
        call = call_publish(actor=actor, text=text, **host)
        # Published a month ago (not before the first of January), so that hours can be recorded
        # on past Saturdays of this year.
        Call.objects.filter(pk=call.pk).update(created_at=timezone.now() - dt.timedelta(days=_days_back()))
        call.refresh_from_db()
    return call


def _days_back() -> int:
    today = timezone.localdate()
    return min(30, (today - today.replace(month=1, day=1)).days)


def _volunteer(*, call: Call, organiser, volunteer, message: str, hours: list[tuple[int, str]]) -> None:
    if Answer.objects.filter(call=call, volunteer=volunteer).exists():
        return
    answer = answer_create(actor=volunteer, call=call, message=message)
    answer_decide(actor=organiser, answer=answer, accept=True, note="Bienvenue ! Rendez-vous samedi à 9 h 45.")
    today = timezone.localdate()
    for days_ago, amount in hours:
        if days_ago <= _days_back():
            hours_record(actor=organiser, answer=answer, date=today - dt.timedelta(days=days_ago), hours=amount)


def load(*, stdout) -> None:
    association = demo_user("association@example.org")
    resident = demo_user("habitant@example.org")
    today = timezone.localdate()

    offer = Offer.objects.filter(title=OFFER_TITLE).first()
    if offer is not None and offer.is_listed:
        call = _publish(
            actor=association,
            host={"offer": offer},
            text=CallText(
                title=GARDEN_CALL,
                description="Montrer le jardin aux personnes qui viennent pour la première fois, leur "
                "présenter les jardiniers et leur confier une première tâche simple.",
                commitment=Call.Commitment.REGULAR,
                schedule="Le samedi de 9 h 45 à 12 h",
                starts_on=today,
                ends_on=None,
                duration="Un samedi sur deux, pendant trois mois",
                places=3,
                welcome="Une jardinière de l’association vous accompagne les deux premiers samedis.",
                training="Une matinée pour apprendre les bases : semis, arrosage, outils.",
            ),
        )
        _volunteer(
            call=call,
            organiser=association,
            volunteer=resident,
            message="Je suis disponible un samedi sur deux.",
            hours=[(14, "2.25"), (7, "2")],
        )

    pact = Pact.objects.filter(title=ACTIVE_TITLE, status=Pact.Status.ACTIVE).first()
    if pact is not None:
        call = _publish(
            actor=association,
            host={"pact": pact},
            text=CallText(
                title=YARD_CALL,
                description="Préparer le goûter partagé, accueillir les familles et les aînés, ranger la cour.",
                commitment=Call.Commitment.REGULAR,
                schedule="Le samedi de 15 h 30 à 18 h, hors vacances scolaires",
                starts_on=today,
                ends_on=pact.end_date,
                duration="Deux heures et demie, un ou deux samedis par mois",
                places=4,
                welcome="Les bénévoles de l’association vous accueillent à la grille de la cour.",
                training="Une courte présentation des règles d’hygiène et de sécurité de la cour.",
            ),
        )
        _volunteer(
            call=call,
            organiser=association,
            volunteer=resident,
            message="J’aime beaucoup préparer les goûters !",
            hours=[(21, "2.5"), (7, "2.5")],
        )
    stdout.write("demo: calls for volunteers ready")
