"""Known data for the indicator tests: debates, messages, moderation decisions, appeals, pacts,
signatures and people with age bands, placed at chosen dates of 2024, 2025 and 2026, so that
each figure of 2025 has one right value (written down in the tests)."""

import datetime as dt
import itertools
from types import SimpleNamespace
from zoneinfo import ZoneInfo

from accounts.models import User
from debates.models import Debate, Message
from moderation.models import Appeal, ModerationAction
from pactes.models import Commons, Pact, PactEvent, PactReport, PactVersion, Party, Signature

PARIS = ZoneInfo("Europe/Paris")
_serial = itertools.count(1)


def at(year: int, month: int, day: int = 10, hour: int = 12, second: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, 0, second, tzinfo=PARIS)


def person(make_user, *, band: str = "", consent: bool = True) -> User:
    user = make_user(display_name=f"Personne {next(_serial)}")
    if band and consent:
        User.objects.filter(pk=user.pk).update(age_band=band, age_band_consent_at=at(2024, 1, 1))
    return user


def debate(*, engagement=None) -> Debate:
    number = next(_serial)
    return Debate.objects.create(
        title=f"Débat {number}", slug=f"debat-indicateurs-{number}", question="Comment ?", engagement=engagement
    )


def message(debate: Debate, author: User, when: dt.datetime) -> Message:
    posted = Message.objects.create(debate=debate, author=author, body="Bonjour", body_html="<p>Bonjour</p>")
    Message.objects.filter(pk=posted.pk).update(created_at=when)
    posted.created_at = when
    return posted


def decision(message: Message, *, kind: str, actor: User | None, when: dt.datetime, waited_since=None):
    return ModerationAction.objects.create(
        created_at=when,
        actor=actor,
        automatic=actor is None,
        kind=kind,
        debate=message.debate,
        message=message,
        target=message.author,
        pending_since=waited_since,
    )


def pact(*, commons: Commons, status: str, creator: User, engagement=None, submitted=None, activated=None, ended=None):
    return Pact.objects.create(
        title=f"Pacte {next(_serial)}",
        commons=commons,
        engagement=engagement,
        status=status,
        proponent_kind=Pact.ProponentKind.PERSON,
        idea="Prendre soin ensemble.",
        created_by=creator,
        submitted_at=submitted,
        activated_at=activated,
        ended_at=ended,
    )


def sign(pact: Pact, signer: User, when: dt.datetime) -> Signature:
    version = PactVersion.objects.create(
        pact=pact, number=1, title=pact.title, commons_name=pact.commons.name, content_hash="0" * 64
    )
    party = Party.objects.create(pact=pact, role=Party.Role.PROPONENT, person=signer)
    signature = Signature.objects.create(version=version, party=party, signer=signer, content_hash="0" * 64)
    Signature.objects.filter(pk=signature.pk).update(signed_at=when)
    return signature


def event(pact: Pact, *, to_status: str, when: dt.datetime) -> None:
    created = PactEvent.objects.create(pact=pact, kind=PactEvent.Kind.TRANSITION, to_status=to_status)
    PactEvent.objects.filter(pk=created.pk).update(created_at=when)


def report(pact: Pact, *, period: int, start: dt.date, end: dt.date, filed: dt.datetime, volunteers: int, hours: int):
    filed_report = PactReport.objects.create(
        pact=pact,
        period=period,
        period_start=start,
        period_end=end,
        actions="Ateliers",
        results="Un lieu plus vivant",
        volunteers=volunteers,
        hours=hours,
    )
    PactReport.objects.filter(pk=filed_report.pk).update(created_at=filed)


def build(*, make_user, engagements) -> SimpleNamespace:
    """Engagements 1 and 2 must exist (pages). Returns what was built, by name."""
    one, two = engagements[0], engagements[1]
    facilitator = make_user(display_name="Animatrice")
    thirties = [person(make_user, band=User.AgeBand.FROM_30_TO_44) for _ in range(5)]
    sixties = person(make_user, band=User.AgeBand.FROM_60_TO_74)
    undeclared = person(make_user, band=User.AgeBand.FROM_45_TO_59, consent=False)
    earlier = person(make_user, band=User.AgeBand.FROM_30_TO_44)
    signer = person(make_user, band=User.AgeBand.FROM_18_TO_29)

    first, second, unlinked, old = debate(engagement=one), debate(engagement=two), debate(), debate(engagement=one)
    # 2025: debate 1 (engagement 1) six messages in March and April by five people; debate 2
    # (engagement 2) two in May; an unlinked debate one in June. 2024: two in the old debate.
    march = [message(first, author, at(2025, 3, 5 + i)) for i, author in enumerate([*thirties[:3]])]
    [message(first, author, at(2025, 4, 5 + i)) for i, author in enumerate([thirties[3], thirties[4], thirties[0]])]
    may = [message(second, sixties, at(2025, 5, 2)), message(second, undeclared, at(2025, 5, 3))]
    message(unlinked, thirties[0], at(2025, 6, 1))
    old_messages = [message(old, earlier, at(2024, 11, 1)), message(old, earlier, at(2024, 11, 2))]

    held, hidden, auto_hidden = march[0], march[1], may[0]
    # Held automatically, approved by a person 90 seconds later.
    decision(held, kind=ModerationAction.Kind.HOLD, actor=None, when=held.created_at)
    decision(
        held,
        kind=ModerationAction.Kind.APPROVE,
        actor=facilitator,
        when=held.created_at + dt.timedelta(seconds=90),
        waited_since=held.created_at,
    )
    # Hidden by a person half an hour after its first report.
    hide = decision(
        hidden,
        kind=ModerationAction.Kind.HIDE,
        actor=facilitator,
        when=hidden.created_at + dt.timedelta(seconds=1800),
        waited_since=hidden.created_at,
    )
    auto_hide = decision(auto_hidden, kind=ModerationAction.Kind.HIDE, actor=None, when=auto_hidden.created_at)
    old_hide = decision(
        old_messages[0],
        kind=ModerationAction.Kind.HIDE,
        actor=facilitator,
        when=at(2024, 11, 1, 13),
        waited_since=at(2024, 11, 1, 12),
    )
    Appeal.objects.create(
        action=hide,
        appellant=hidden.author,
        text="Je conteste.",
        status=Appeal.Status.DISMISSED,
        created_at=at(2025, 3, 20),
    )
    Appeal.objects.create(action=auto_hide, appellant=auto_hidden.author, text="Erreur.", created_at=at(2025, 5, 4))
    Appeal.objects.create(
        action=old_hide, appellant=earlier, text="Ancien.", status=Appeal.Status.UPHELD, created_at=at(2024, 11, 5)
    )

    centre = Commons.objects.create(name="Square du centre", neighbourhood="Centre")
    north_garden = Commons.objects.create(name="Jardin du nord", neighbourhood="Nord")
    north_room = Commons.objects.create(name="Salle du nord", neighbourhood="Nord")
    Active, Status = Pact.Status.ACTIVE, Pact.Status
    signed_2025 = pact(
        commons=centre,
        status=Active,
        creator=signer,
        engagement=one,
        submitted=at(2025, 2, 1),
        activated=at(2025, 6, 1),
    )
    signed_2024 = pact(
        commons=north_garden,
        status=Active,
        creator=signer,
        engagement=two,
        submitted=at(2024, 3, 1),
        activated=at(2024, 9, 1),
    )
    in_consultation = pact(commons=north_room, status=Status.CO_DESIGN, creator=signer, submitted=at(2025, 9, 1))
    event(in_consultation, to_status=Status.SUBMITTED, when=at(2025, 9, 1))
    event(in_consultation, to_status=Status.CONSULTATION, when=at(2025, 10, 1))
    event(in_consultation, to_status=Status.CO_DESIGN, when=at(2026, 1, 10))
    ended = pact(
        commons=north_garden,
        status=Status.ENDED,
        creator=signer,
        submitted=at(2023, 2, 1),
        activated=at(2023, 5, 1),
        ended=at(2024, 6, 1),
    )
    pact(commons=centre, status=Status.DRAFT, creator=signer)
    pact(commons=north_room, status=Status.SUBMITTED, creator=signer, submitted=at(2026, 1, 5))
    sign(signed_2025, signer, at(2025, 5, 30))
    # Yearly reports of the pacts: one on time and one late for pact years ending in 2025, one
    # for a pact year that ended in 2024.
    day = dt.date
    report(
        signed_2025,
        period=1,
        start=day(2025, 1, 1),
        end=day(2025, 12, 31),
        filed=at(2025, 12, 20),
        volunteers=6,
        hours=120,
    )
    report(
        signed_2024,
        period=1,
        start=day(2024, 9, 1),
        end=day(2025, 8, 31),
        filed=at(2025, 9, 15),
        volunteers=4,
        hours=40,
    )
    report(ended, period=1, start=day(2023, 5, 1), end=day(2024, 4, 30), filed=at(2024, 4, 1), volunteers=3, hours=10)
    return SimpleNamespace(thirties=thirties, sixties=sixties, signer=signer, first=first, signed_2025=signed_2025)
