"""Flood, shouting, personal attacks, links, newcomers and reformulation: what each rule must
catch and what it must let through."""

import pytest

from facilitation.filters import DEFAULTS
from facilitation.filters.attacks import attacks
from facilitation.filters.flood import flood
from facilitation.filters.links import links
from facilitation.filters.newcomers import newcomers
from facilitation.filters.reformulation import reformulation
from facilitation.filters.shouting import sentence_case, shouting
from facilitation.pipeline import Decision

from .conftest import seconds_ago

FLOOD = DEFAULTS["flood"]


# --- flood -----------------------------------------------------------------------------------


def test_flood_rejects_the_same_text_again_whatever_the_case_and_spacing(context):
    ctx = context(
        "Il faut  rouvrir la PISCINE !!",
        recent_bodies=("il faut rouvrir la piscine",),
        recent_times=seconds_ago(120),
    )

    verdict = flood(ctx, FLOOD)

    assert verdict.decision is Decision.REJECT
    assert (verdict.rule, verdict.code) == ("flood", "DUPLICATE")
    assert verdict.explanation


def test_flood_lets_a_different_text_through(context):
    ctx = context(
        "Il faut rouvrir la piscine en juin",
        recent_bodies=("il faut rouvrir la piscine",),
        recent_times=seconds_ago(120),
    )
    assert flood(ctx, FLOOD) is None


def test_flood_lets_short_repeated_words_through(context):
    ctx = context("Merci !", recent_bodies=("merci",), recent_times=seconds_ago(30))
    assert flood(ctx, FLOOD) is None


def test_flood_forgets_duplicates_older_than_the_horizon(context):
    ctx = context(
        "Il faut rouvrir la piscine",
        recent_bodies=("Autre chose", "Il faut rouvrir la piscine"),
        recent_times=seconds_ago(10, 7200),
    )
    assert flood(ctx, FLOOD) is None


def test_flood_rejects_too_many_messages_in_the_window_with_retry_after(context):
    ctx = context(
        "Encore un message",
        recent_bodies=("a", "b", "c", "d", "e"),
        recent_times=seconds_ago(1, 5, 10, 20, 45),
    )

    verdict = flood(ctx, FLOOD)

    assert (verdict.decision, verdict.code) == (Decision.REJECT, "FLOOD")
    assert verdict.retry_after == 15  # the fifth newest message leaves the 60 s window in 15 s


def test_flood_allows_the_same_pace_spread_over_more_than_the_window(context):
    ctx = context(
        "Encore un message",
        recent_bodies=("a", "b", "c", "d", "e"),
        recent_times=seconds_ago(1, 5, 10, 20, 61),
    )
    assert flood(ctx, FLOOD) is None


def test_flood_can_hold_instead_of_reject(context):
    ctx = context("x", recent_bodies=("a",) * 5, recent_times=seconds_ago(1, 2, 3, 4, 5))
    assert flood(ctx, {**FLOOD, "burst": "hold"}).decision is Decision.HOLD


# --- shouting --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("ARRÊTEZ DE BÉTONNER NOTRE QUARTIER !", "fr"),
        ("STOP BUILDING CAR PARKS EVERYWHERE", "en"),
        ("C'EST INADMISSIBLE, ON ATTEND DEPUIS DES MOIS, merci", "fr"),
    ],
)
def test_shouting_nudges_messages_mostly_in_capitals(context, body, language):
    verdict = shouting(context(body, language=language), DEFAULTS["shouting"])

    assert (verdict.decision, verdict.rule, verdict.code) == (Decision.NUDGE, "shouting", "SHOUTING")
    assert verdict.explanation
    assert body.lower()[5:20] in verdict.suggestion.lower()


@pytest.mark.parametrize(
    "body",
    [
        "OK !",  # too short to be shouting
        "La SNCF, la RATP et le CCAS sont invités à la réunion de jeudi.",  # acronyms
        "Bonjour à toutes et à tous.",
        "1234 5678 !!!",
        "",
    ],
)
def test_shouting_lets_normal_messages_through(context, body):
    assert shouting(context(body), DEFAULTS["shouting"]) is None


def test_shouting_suggestion_is_in_sentence_case_and_the_authors_language(context):
    verdict = shouting(context("LA RUE EST SALE. ON FAIT QUOI ?", language="fr"), DEFAULTS["shouting"])

    assert sentence_case("LA RUE EST SALE. ON FAIT QUOI ?") == "La rue est sale. On fait quoi ?"
    assert verdict.suggestion == "C’est très important pour moi\u00a0: La rue est sale. On fait quoi ?"


# --- personal attacks ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "language", "word"),
    [
        ("Tu es nul.", "fr", "nul"),
        ("t'es vraiment trop bête", "fr", "bête"),
        ("T’es complètement incompétente", "fr", "incompétente"),
        ("Vous êtes des menteurs !", "fr", "menteurs"),
        ("vous n'êtes que des hypocrites", "fr", "hypocrites"),
        ("Espèce d'idiot", "fr", "idiot"),
        ("espèce de crétin", "fr", "crétin"),
        ("tu es rid1cule", "fr", "rid1cule"),  # leetspeak
        ("TU ES NUL", "fr", "NUL"),
        ("tu\u200b es nul", "fr", "nul"),  # zero-width space
        ("You are pathetic", "en", "pathetic"),
        ("you're such a liar", "en", "liar"),
        ("You’re completely clueless", "en", "clueless"),
        ("you idiot", "en", "idiot"),
        ("ur so dumb", "en", "dumb"),
    ],
)
def test_attacks_nudges_judgements_of_the_person(context, body, language, word):
    verdict = attacks(context(body, language=language), DEFAULTS["attacks"])

    assert (verdict.decision, verdict.rule, verdict.code) == (Decision.NUDGE, "attacks", "PERSONAL_ATTACK")
    assert word in verdict.explanation


@pytest.mark.parametrize(
    "body",
    [
        "Tu n'es pas nul, je trouve ton idée intéressante.",  # negation
        "Je suis nul en maths mais j'aime la question.",
        "Cette proposition est nulle.",  # judges the idea, not the person
        "Tu es venu à la réunion ?",
        "une espèce de plante rare dans le parc",
        "You are not stupid at all.",
        "You are right about the bus lane.",
        "I think this plan is ridiculous.",
        "",
    ],
)
def test_attacks_lets_disagreement_and_negations_through(context, body):
    assert attacks(context(body), DEFAULTS["attacks"]) is None


def test_attacks_suggests_an_i_statement_in_the_authors_language(context):
    french = attacks(context("Tu es nul", language="fr"), DEFAULTS["attacks"])
    english = attacks(context("You are pathetic", language="en"), DEFAULTS["attacks"])

    # The four steps: observation, feeling, need, request.
    assert french.suggestion.startswith("Quand [ce que j’ai lu ou vu], je me sens ")
    assert "j’ai besoin de" in french.suggestion and "Pourriez-vous" in french.suggestion
    assert english.suggestion.startswith("When [what I read or saw], I feel ")
    assert "because I need" in english.suggestion and "Could you" in english.suggestion


def test_attacks_nudge_is_dropped_once_the_author_confirms(context):
    assert attacks(context("Tu es nul", confirm=True), DEFAULTS["attacks"]) is None


# --- links -----------------------------------------------------------------------------------

LINKS = DEFAULTS["links"]


def test_links_holds_any_link_in_a_participants_first_messages(context):
    verdict = links(context("Voir www.exemple.fr", published_count=2), LINKS)

    assert (verdict.decision, verdict.rule, verdict.code) == (Decision.HOLD, "links", "LINK_FROM_NEWCOMER")


def test_links_holds_more_than_the_maximum(context):
    body = "Sources : https://a.fr/1 https://b.org/2 et exemple.com/3"

    verdict = links(context(body, published_count=10), LINKS)

    assert (verdict.decision, verdict.code) == (Decision.HOLD, "TOO_MANY_LINKS")


@pytest.mark.parametrize(
    ("body", "published"),
    [
        ("Le compte rendu est sur https://ville.example.fr/cr", 10),
        ("Deux liens : https://a.fr et https://b.fr", 10),
        ("Rendez-vous à 18 h. Merci !", 0),
        ("M.Dupont et e.g. ne sont pas des liens", 0),
    ],
)
def test_links_lets_a_few_links_from_known_participants_through(context, body, published):
    assert links(context(body, published_count=published), LINKS) is None


def test_links_does_not_count_allowed_domains(context):
    params = {**LINKS, "allowed_domains": ["ville.example.fr"]}

    assert links(context("https://ville.example.fr/agenda", published_count=0), params) is None
    assert links(context("https://www.ville.example.fr/agenda", published_count=0), params) is None
    assert links(context("https://ville.example.fr.evil.com/", published_count=0), params) is not None


def test_links_trusts_participants_the_room_marks_as_trusted(context):
    ctx = context("https://a.fr https://b.fr https://c.fr", published_count=0, participant={"trusted": True})
    assert links(ctx, LINKS) is None


# --- newcomers -------------------------------------------------------------------------------


def test_newcomers_holds_the_first_messages_when_the_profile_asks(context):
    params = {**DEFAULTS["newcomers"], "count": 2}

    verdict = newcomers(context("Bonjour", published_count=1), params)

    assert (verdict.decision, verdict.rule, verdict.code) == (Decision.HOLD, "newcomers", "NEW_PARTICIPANT")
    assert newcomers(context("Bonjour", published_count=2), params) is None


def test_newcomers_holds_nothing_by_default(context):
    assert newcomers(context("Bonjour", published_count=0), {**DEFAULTS["newcomers"], "count": 0}) is None


# --- reformulation ---------------------------------------------------------------------------

ROOM = {"reformulation_required": True}
REFO = DEFAULTS["reformulation"]


def test_reformulation_rejects_a_reply_without_one(context):
    ctx = context("Je ne suis pas d'accord", reply_to_body="Il faut fermer la rue aux voitures", room=ROOM)

    verdict = reformulation(ctx, REFO)

    assert (verdict.decision, verdict.rule, verdict.code) == (
        Decision.REJECT,
        "reformulation",
        "REFORMULATION_REQUIRED",
    )
    assert verdict.suggestion


def test_reformulation_rejects_a_copy_or_too_short_a_reformulation(context):
    original = "Il faut fermer la rue aux voitures"
    copy = context("Non", reply_to_body=original, reformulation="il faut fermer la rue aux voitures !", room=ROOM)
    short = context("Non", reply_to_body=original, reformulation="fermer ?", room=ROOM)

    assert reformulation(copy, REFO).code == "REFORMULATION_REQUIRED"
    assert reformulation(short, REFO).code == "REFORMULATION_REQUIRED"


def test_reformulation_accepts_a_reply_that_carries_one(context):
    ctx = context(
        "Je crains pour les livraisons",
        reply_to_body="Il faut fermer la rue aux voitures",
        reformulation="Tu proposes une rue sans voitures",
        room=ROOM,
    )
    assert reformulation(ctx, REFO) is None


def test_reformulation_acts_only_on_replies_in_rooms_that_ask(context):
    assert reformulation(context("Bonjour", room=ROOM), REFO) is None
    assert reformulation(context("Non", reply_to_body="Il faut fermer la rue"), REFO) is None


def test_newcomers_and_links_do_not_screen_facilitators(context):
    ctx = context("https://a.fr https://b.fr https://c.fr", published_count=0, participant={"is_facilitator": True})

    assert links(ctx, LINKS) is None
    assert newcomers(ctx, {**DEFAULTS["newcomers"], "count": 3}) is None
